package io.github.runnerguard.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.Auditor;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.report.ReportWriter;
import io.github.runnerguard.report.ReportWriters;
import io.github.runnerguard.spi.SecurityRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for the whole audit with every discovered rule: whatever the input, the audit returns one file report,
 * no rule fails on it ({@code engine.rule-failed} would mean a rule threw), and every shipped report writer can write
 * the report.
 *
 * <p>{@link #fuzzesWithEveryShippedRule()} keeps the targets honest: the auditor they fuzz must hold every rule that
 * core and the rules modules declare in their {@code META-INF/services} files, so a rules module dropped from this
 * module's dependencies fails the build instead of silently shrinking what is fuzzed.
 *
 * <p>In a normal test run Jazzer replays the committed inputs under
 * {@code src/test/resources/io/github/runnerguard/robustness/AuditFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class AuditFuzzTest {

    /** Rules run on the fuzzing thread (no time budget): a hang is the fuzzer's to report. */
    private static final Auditor AUDITOR = Auditor.builder().ruleTimeBudget(Duration.ZERO).build();

    private static final List<ReportWriter> WRITERS = ReportWriters.formats().stream()
            .map(format -> ReportWriters.forFormat(format, false).orElseThrow())
            .toList();

    @FuzzTest(maxDuration = "8m")
    void auditBytes(byte[] data) {
        check(AUDITOR.audit(data, "fuzz.toml"));
    }

    @FuzzTest(maxDuration = "8m")
    void auditMutatedCorpus(FuzzedDataProvider data) {
        check(AUDITOR.audit(CorpusMutator.mutate(data), "mutated.toml"));
    }

    @Test
    void fuzzesWithEveryShippedRule() throws IOException {
        Set<String> declared = declaredRuleClasses();
        Set<String> fuzzed = new TreeSet<>();
        for (SecurityRule rule : AUDITOR.registry().rules()) {
            fuzzed.add(rule.getClass().getName());
        }
        assertTrue(AUDITOR.registry().problems().isEmpty(),
                () -> "discovery problems: " + AUDITOR.registry().problems());
        assertEquals(declared, fuzzed, "the fuzzed auditor must hold every rule core and the rules modules declare");
    }

    /** The rule classes listed in the service files of core and every {@code rules-*} module of the project. */
    private static Set<String> declaredRuleClasses() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("bom/pom.xml"))) {
            root = root.getParent();
        }
        Assumptions.assumeTrue(root != null, "the project root (with bom/pom.xml) is not above the working directory");
        Path service = Path.of("src/main/resources/META-INF/services", SecurityRule.class.getName());
        Set<String> classes = new TreeSet<>();
        int modules = 0;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                String name = dir.getFileName().toString();
                Path file = dir.resolve(service);
                if ((name.equals("core") || name.startsWith("rules-")) && Files.isRegularFile(file)) {
                    modules++;
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        String entry = line.replaceFirst("#.*", "").trim();
                        if (!entry.isEmpty()) {
                            classes.add(entry);
                        }
                    }
                }
            }
        }
        int found = modules;
        Path searched = root;
        assertTrue(found >= 5, () -> "expected core and at least four rules modules under " + searched
                + ", found " + found);
        return classes;
    }

    static void check(AuditReport report) {
        assertEquals(1, report.files().size(), "one report per file");
        FileReport file = report.files().get(0);
        if (file.audited()) {
            assertTrue(file.errors().isEmpty(), () -> "audited with errors: " + file.errors());
            for (AuditFinding finding : file.findings()) {
                assertFalse(finding.finding().ruleId().equals("engine.rule-failed"),
                        () -> "a rule failed: " + finding.finding().message());
            }
        } else {
            assertFalse(file.errors().isEmpty(), "a file that was not audited says why");
        }
        for (ReportWriter writer : WRITERS) {
            StringBuilder out = new StringBuilder();
            try {
                writer.write(report, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertFalse(out.isEmpty(), () -> writer.format() + " wrote nothing");
        }
    }
}
