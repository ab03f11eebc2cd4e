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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * Fuzz targets for the whole audit with every discovered rule: whatever the input, the audit returns one file report,
 * no rule fails on it ({@code engine.rule-failed} would mean a rule threw), and every shipped report writer can write
 * the report.
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
