package io.github.runnerguard.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.testkit.internal.Excerpt;
import io.github.runnerguard.testkit.internal.Fixture;
import io.github.runnerguard.testkit.internal.FindingFormat;
import io.github.runnerguard.testkit.internal.LoadedConfig;
import io.github.runnerguard.testkit.internal.RuleRunner;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Data-driven rule tests: each {@code .toml} fixture file is a config whose comments say which findings the rules
 * under test must report, on which line.
 *
 * <pre class="code">
 * class PrivilegedRuleFixturesTest {
 *     &#64;TestFactory
 *     Stream&lt;DynamicTest&gt; fixtures() {
 *         return FixtureTests.forDirectory(Path.of("src/test/resources/fixtures/docker.privileged"),
 *                 new PrivilegedRule());
 *     }
 * }
 * </pre>
 *
 * <p>A fixture file:
 * <pre class="code">
 * # tenancy: multi-tenant
 * concurrent = 4
 *
 * [[runners]]
 *   name = "builder"
 *   executor = "docker"
 *   [runners.docker]
 *     privileged = true   # expect: docker.privileged critical
 * # expect-none: docker.socket-mount
 * </pre>
 *
 * <ul>
 *   <li>{@code # tenancy: dedicated|shared|multi-tenant} in the comment lines before the first TOML line sets the
 *       tenancy of every runner (default shared); {@code # enforced-pss: baseline|restricted|privileged} there sets
 *       the enforced Pod Security Standards level.</li>
 *   <li>{@code # expect: <rule-id> [severity]} in the comment of a line: a finding of that rule on that line (with
 *       that severity when given). Repeat it ({@code # expect: a.b # expect: a.b}) for two findings on one line.</li>
 *   <li>{@code # expect-none: <rule-id>} in any comment: that rule reports nothing in the file.</li>
 * </ul>
 *
 * <p>A fixture passes when every expectation is matched by its own finding, and no rule whose id appears in an
 * {@code expect} reports a finding that is not expected. Findings of rules the file does not mention are not
 * constrained. Comment parts that are not expectations (such as {@code # runnerguard:ignore ...}) are ignored; the
 * rules run without the engine, so ignore comments do not suppress anything here. An expectation naming a rule that
 * is not under test is an error in the fixture.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class FixtureTests {

    private FixtureTests() {
    }

    /**
     * One dynamic test per {@code .toml} file below {@code directory} (recursively, sorted by relative path), each
     * checking {@code rules} against the file's expectations.
     *
     * @throws IllegalArgumentException when no rule is given
     * @throws AssertionFailedError     when the directory does not exist or holds no {@code .toml} file
     */
    public static Stream<DynamicTest> forDirectory(Path directory, SecurityRule... rules) {
        Objects.requireNonNull(directory, "directory");
        List<SecurityRule> ruleList = ruleList(rules);
        if (!Files.isDirectory(directory)) {
            throw new AssertionFailedError("Fixture directory " + directory.toAbsolutePath() + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".toml"))
                    .sorted((a, b) -> relativeName(directory, a).compareTo(relativeName(directory, b)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list fixtures in " + directory, e);
        }
        if (files.isEmpty()) {
            throw new AssertionFailedError("Fixture directory " + directory.toAbsolutePath()
                    + " holds no .toml file");
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(relativeName(directory, file), file.toUri(),
                () -> assertFixture(file, ruleList)));
    }

    /**
     * Checks {@code rules} against one fixture file's expectations.
     *
     * @throws AssertionFailedError when the fixture's expectations are malformed, the config does not load, or the
     *                              findings do not match; the message shows the config around the lines involved
     */
    public static void assertFixture(Path file, SecurityRule... rules) {
        assertFixture(file, ruleList(rules));
    }

    private static List<SecurityRule> ruleList(SecurityRule... rules) {
        if (rules.length == 0) {
            throw new IllegalArgumentException("name at least one rule under test");
        }
        for (SecurityRule rule : rules) {
            Objects.requireNonNull(rule, "rule");
        }
        return List.of(rules);
    }

    private static String relativeName(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }

    private static void assertFixture(Path file, List<SecurityRule> rules) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionFailedError("Cannot read fixture " + file + ": " + e, e);
        }
        List<String> lines = Excerpt.lines(text);
        Fixture fixture = Fixture.parse(lines);
        Set<String> underTest = rules.stream().map(rule -> rule.descriptor().id())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> errors = new ArrayList<>(fixture.errors());
        for (Fixture.Expect expect : fixture.expects()) {
            if (!underTest.contains(expect.ruleId())) {
                errors.add("line " + expect.line() + ": expects " + expect.ruleId() + ", which is not among the rules "
                        + "under test " + underTest);
            }
        }
        for (Fixture.ExpectNone none : fixture.expectNone()) {
            if (!underTest.contains(none.ruleId())) {
                errors.add("line " + none.line() + ": expect-none names " + none.ruleId() + ", which is not among the "
                        + "rules under test " + underTest);
            }
        }
        if (!errors.isEmpty()) {
            throw new AssertionFailedError("Fixture " + file + " has malformed expectations:\n  - "
                    + String.join("\n  - ", errors));
        }
        LoadedConfig loaded = LoadedConfig.load(file);
        AuditContext context = AuditContext.defaults().withDefaultTenancy(fixture.tenancy())
                .withEnforcedPss(fixture.enforcedPss());
        List<Finding> findings = RuleRunner.run(rules, loaded, context);
        verify(file, fixture, loaded, findings);
    }

    private static void verify(Path file, Fixture fixture, LoadedConfig loaded, List<Finding> findings) {
        Set<String> expectedIds = fixture.expects().stream().map(Fixture.Expect::ruleId).collect(Collectors.toSet());
        Set<String> noneIds = fixture.expectNone().stream().map(Fixture.ExpectNone::ruleId)
                .collect(Collectors.toSet());
        List<Finding> unmatchedFindings = new ArrayList<>();
        List<Finding> forbidden = new ArrayList<>();
        for (Finding finding : findings) {
            if (expectedIds.contains(finding.ruleId())) {
                unmatchedFindings.add(finding);
            } else if (noneIds.contains(finding.ruleId())) {
                forbidden.add(finding);
            }
        }
        // Expectations with a severity first, so that an expectation without one does not take their finding.
        List<Fixture.Expect> ordered = new ArrayList<>(fixture.expects());
        ordered.sort((a, b) -> Boolean.compare(a.severity() == null, b.severity() == null));
        List<Fixture.Expect> missing = new ArrayList<>();
        for (Fixture.Expect expect : ordered) {
            Finding match = null;
            for (Finding finding : unmatchedFindings) {
                if (finding.ruleId().equals(expect.ruleId()) && finding.position() != null
                        && finding.position().line() == expect.line()
                        && (expect.severity() == null || expect.severity() == finding.severity())) {
                    match = finding;
                    break;
                }
            }
            if (match == null) {
                missing.add(expect);
            } else {
                unmatchedFindings.remove(match);
            }
        }
        if (missing.isEmpty() && unmatchedFindings.isEmpty() && forbidden.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Fixture ").append(file).append(" (tenancy ")
                .append(fixture.tenancy().id()).append(") does not match the findings:\n");
        Map<Integer, String> marks = new HashMap<>();
        missing.sort((a, b) -> Integer.compare(a.line(), b.line()));
        for (Fixture.Expect expect : missing) {
            message.append("  - missing: ").append(expect);
            findings.stream().filter(f -> f.ruleId().equals(expect.ruleId()) && f.position() != null
                            && f.position().line() == expect.line()).findFirst()
                    .ifPresent(f -> message.append(" (a finding is there, with severity ").append(f.severity().id())
                            .append(')'));
            if (expect.standalone()) {
                message.append(" (the expect comment stands alone on its line: put it at the end of the line that "
                        + "must be flagged)");
            }
            message.append('\n');
            Excerpt.mark(marks, expect.line(), "E");
        }
        for (Finding finding : unmatchedFindings) {
            message.append("  - unexpected: ").append(FindingFormat.describe(finding)).append('\n');
        }
        for (Finding finding : forbidden) {
            message.append("  - expect-none ").append(finding.ruleId()).append(" but found: ")
                    .append(FindingFormat.describe(finding)).append('\n');
        }
        for (Fixture.Expect expect : fixture.expects()) {
            Excerpt.mark(marks, expect.line(), "E");
        }
        for (Finding finding : findings) {
            if (finding.position() != null && (expectedIds.contains(finding.ruleId())
                    || noneIds.contains(finding.ruleId()))) {
                Excerpt.mark(marks, finding.position().line(), "F");
            }
        }
        message.append("Findings of the rules under test (").append(findings.size()).append("):\n")
                .append(FindingFormat.list(findings));
        message.append(Excerpt.render(loaded.source(), loaded.lines(), marks,
                "E = expected finding here, F = actual finding here"));
        throw new AssertionFailedError(message.toString().stripTrailing());
    }
}
