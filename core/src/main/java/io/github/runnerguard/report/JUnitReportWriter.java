package io.github.runnerguard.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.FailOn;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.audit.Redactor;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.RunnerRef;
import org.jspecify.annotations.Nullable;

/**
 * Writes a JUnit XML report ({@code artifacts:reports:junit}), the report every GitLab tier shows in the merge
 * request widget.
 *
 * <p>One {@code <testsuite>} per file (its path as the name). In it, one {@code <testcase>} per rule and runner: the
 * test case's class name is the runner ({@code runner "shared" (#0)}, or {@code global settings} for findings
 * outside any {@code [[runners]]} entry) and its name is the rule id and title. Every rule is a test case for every
 * runner of a loaded file (for every rule under {@code global settings} when the file has no runner); findings
 * outside any runner add test cases for their rules under {@code global settings}.
 * A test case
 * <ul>
 *   <li>fails ({@code <failure>}, with the severity as type) when it has an unsuppressed finding at or above the
 *       fail-on threshold; the body lists every finding of the rule and runner with its location and the
 *       remediation;</li>
 *   <li>is skipped ({@code <skipped>}) when all its findings are suppressed, with the reasons;</li>
 *   <li>passes otherwise; findings below the threshold are listed in its {@code <system-out>}.</li>
 * </ul>
 * A file that could not be audited is a suite with one test case, {@code load}, in error. The rules are those given
 * with {@link #withRules}, plus the rules of the findings; without any, only rules with findings make test cases.
 * Secrets are masked. Immutable and thread-safe.
 */
public final class JUnitReportWriter implements ReportWriter {

    private static final String GLOBAL = "global settings";

    private static final JUnitReportWriter DEFAULT = new JUnitReportWriter(FailOn.HIGH, List.of(), null);

    private final FailOn failOn;
    private final List<RuleDescriptor> rules;
    private final @Nullable Path sourceRoot;

    private JUnitReportWriter(FailOn failOn, List<RuleDescriptor> rules, @Nullable Path sourceRoot) {
        this.failOn = Objects.requireNonNull(failOn, "failOn");
        this.rules = List.copyOf(rules);
        this.sourceRoot = sourceRoot == null ? null : sourceRoot.toAbsolutePath().normalize();
    }

    /** A writer that fails test cases at high, with test cases for the rules of the findings only. */
    public static JUnitReportWriter create() {
        return DEFAULT;
    }

    /** A writer configured from {@code options} (fail-on, rules, source root). */
    public static JUnitReportWriter create(ReportOptions options) {
        return new JUnitReportWriter(options.failOn(), options.rules(), options.sourceRoot());
    }

    /** The same writer failing test cases at another threshold ({@link FailOn#NEVER}: none fails). */
    public JUnitReportWriter withFailOn(FailOn threshold) {
        return new JUnitReportWriter(threshold, rules, sourceRoot);
    }

    /** The same writer with a test case per runner for each of these rules. */
    public JUnitReportWriter withRules(List<RuleDescriptor> descriptors) {
        return new JUnitReportWriter(failOn, descriptors, sourceRoot);
    }

    /** The same writer naming files relative to {@code root}; null keeps them as the audit named them. */
    public JUnitReportWriter withSourceRoot(@Nullable Path root) {
        return new JUnitReportWriter(failOn, rules, root);
    }

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public void write(AuditReport report, Appendable out) throws IOException {
        List<RuleDescriptor> descriptors = ReportSupport.descriptors(report, rules);
        List<Suite> suites = new ArrayList<>();
        for (FileReport file : report.files()) {
            suites.add(suite(file, descriptors));
        }
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (Suite suite : suites) {
            tests += suite.cases.size();
            failures += suite.count(Outcome.FAILED);
            errors += suite.count(Outcome.ERROR);
            skipped += suite.count(Outcome.SKIPPED);
        }
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"runnerguard\" tests=\"").append(String.valueOf(tests))
                .append("\" failures=\"").append(String.valueOf(failures))
                .append("\" errors=\"").append(String.valueOf(errors))
                .append("\" skipped=\"").append(String.valueOf(skipped)).append("\">\n");
        for (Suite suite : suites) {
            out.append("  <testsuite name=\"").append(Markup.escape(suite.name))
                    .append("\" tests=\"").append(String.valueOf(suite.cases.size()))
                    .append("\" failures=\"").append(String.valueOf(suite.count(Outcome.FAILED)))
                    .append("\" errors=\"").append(String.valueOf(suite.count(Outcome.ERROR)))
                    .append("\" skipped=\"").append(String.valueOf(suite.count(Outcome.SKIPPED))).append("\">\n");
            for (Case testCase : suite.cases) {
                out.append("    <testcase name=\"").append(Markup.escape(testCase.name))
                        .append("\" classname=\"").append(Markup.escape(testCase.className))
                        .append("\" file=\"").append(Markup.escape(suite.name)).append('"');
                if (testCase.line > 0) {
                    out.append(" line=\"").append(String.valueOf(testCase.line)).append('"');
                }
                if (testCase.outcome == Outcome.PASSED && testCase.body.isEmpty()) {
                    out.append("/>\n");
                    continue;
                }
                out.append(">\n");
                switch (testCase.outcome) {
                    case FAILED -> out.append("      <failure type=\"").append(Markup.escape(testCase.type))
                            .append("\" message=\"").append(Markup.escape(testCase.message)).append("\">")
                            .append(Markup.escape(testCase.body)).append("</failure>\n");
                    case ERROR -> out.append("      <error type=\"").append(Markup.escape(testCase.type))
                            .append("\" message=\"").append(Markup.escape(testCase.message)).append("\">")
                            .append(Markup.escape(testCase.body)).append("</error>\n");
                    case SKIPPED -> out.append("      <skipped message=\"").append(Markup.escape(testCase.message))
                            .append("\"/>\n      <system-out>").append(Markup.escape(testCase.body))
                            .append("</system-out>\n");
                    case PASSED -> out.append("      <system-out>").append(Markup.escape(testCase.body))
                            .append("</system-out>\n");
                }
                out.append("    </testcase>\n");
            }
            out.append("  </testsuite>\n");
        }
        out.append("</testsuites>\n");
    }

    private Suite suite(FileReport file, List<RuleDescriptor> descriptors) {
        Redactor patterns = Redactor.patterns();
        String name = ReportSupport.locate(file.source(), sourceRoot).path();
        Suite suite = new Suite(name);
        if (!file.audited()) {
            StringBuilder body = new StringBuilder();
            for (Diagnostic error : file.errors()) {
                body.append(location(name, error.position())).append(' ')
                        .append(ReportSupport.oneLine(patterns.redact(error.message()))).append('\n');
            }
            String message = file.errors().isEmpty() ? "the file could not be audited"
                    : ReportSupport.oneLine(patterns.redact(file.errors().get(0).message()));
            String type = file.errors().isEmpty() ? "io" : file.errors().get(0).kind().name().toLowerCase(
                    java.util.Locale.ROOT);
            Position position = file.errors().isEmpty() ? null : file.errors().get(0).position();
            suite.cases.add(new Case("load", "file", Outcome.ERROR, type, message, body.toString(),
                    position == null ? 0 : position.line()));
            return suite;
        }
        // scopes: every runner of the file, then the runners and global scope of the findings
        Map<String, Scope> scopes = new TreeMap<>();
        for (Runner runner : ReportSupport.runners(file)) {
            RunnerRef ref = new RunnerRef(runner.index(), runner.name().orElse(""));
            scopes.put(Scope.key(ref), new Scope(ref, true));
        }
        if (scopes.isEmpty()) {
            scopes.put(Scope.key(null), new Scope(null, true)); // no runners: the rules still ran on the file
        }
        Map<String, Map<String, List<AuditFinding>>> byScopeAndRule = new LinkedHashMap<>();
        for (AuditFinding audited : file.findings()) {
            RunnerRef runner = audited.finding().runner();
            String key = Scope.key(runner);
            scopes.putIfAbsent(key, new Scope(runner, false));
            byScopeAndRule.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .computeIfAbsent(audited.finding().ruleId(), k -> new ArrayList<>()).add(audited);
        }
        Redactor redactor = file.redactor();
        for (Map.Entry<String, Scope> entry : scopes.entrySet()) {
            Scope scope = entry.getValue();
            Map<String, List<AuditFinding>> byRule = byScopeAndRule.getOrDefault(entry.getKey(), Map.of());
            for (RuleDescriptor descriptor : descriptors) {
                List<AuditFinding> findings = byRule.get(descriptor.id());
                if (findings == null && !scope.everyRule) {
                    continue;
                }
                suite.cases.add(testCase(name, scope, descriptor, findings == null ? List.of() : findings, redactor));
            }
            for (Map.Entry<String, List<AuditFinding>> rule : byRule.entrySet()) {
                if (descriptors.stream().noneMatch(d -> d.id().equals(rule.getKey()))) {
                    // an id that is not a valid rule id gets no descriptor; it still gets its test case
                    suite.cases.add(testCase(name, scope, null, rule.getValue(), redactor));
                }
            }
        }
        return suite;
    }

    private Case testCase(String path, Scope scope, @Nullable RuleDescriptor descriptor, List<AuditFinding> findings,
                          Redactor redactor) {
        String ruleId = descriptor != null ? descriptor.id() : findings.get(0).finding().ruleId();
        String title = descriptor != null ? descriptor.title() : findings.get(0).title();
        String name = ruleId + ": " + redactor.redact(title);
        String className = ReportSupport.runnerLabel(scope.runner);
        if (findings.isEmpty()) {
            return new Case(name, className, Outcome.PASSED, "", "", "", 0);
        }
        List<AuditFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing((AuditFinding f) -> !failing(f))
                .thenComparing(AuditFinding::suppressed)
                .thenComparing(f -> f.finding().severity()));
        StringBuilder body = new StringBuilder();
        for (AuditFinding audited : sorted) {
            Finding finding = audited.finding();
            body.append(location(path, finding.position())).append(' ').append(ReportSupport.id(finding.severity())).append(' ')
                    .append(ReportSupport.oneLine(redactor.redact(finding.message())));
            if (audited.suppressed()) {
                body.append(" [suppressed: ").append(ReportSupport.oneLine(redactor.redact(
                        audited.suppression().reason()))).append(']');
            } else if (!failing(audited)) {
                body.append(" [below fail-on ").append(failOn.id()).append(']');
            }
            body.append('\n');
        }
        AuditFinding first = sorted.get(0);
        Position position = first.finding().position();
        int line = position == null ? 0 : position.line();
        if (failing(first)) {
            body.append("\nWhat to do:\n").append(redactor.redact(first.finding().remediation())).append('\n');
            if (first.helpUri() != null) {
                body.append("More: ").append(first.helpUri()).append('\n');
            }
            long failingCount = sorted.stream().filter(this::failing).count();
            String message = ReportSupport.oneLine(redactor.redact(first.finding().message()))
                    + (failingCount > 1 ? " (and " + (failingCount - 1) + " more)" : "");
            return new Case(name, className, Outcome.FAILED, first.finding().severity().id(), message,
                    body.toString(), line);
        }
        if (sorted.stream().allMatch(AuditFinding::suppressed)) {
            String reasons = String.join("; ", sorted.stream()
                    .map(f -> ReportSupport.oneLine(redactor.redact(f.suppression().reason()))).distinct().toList());
            return new Case(name, className, Outcome.SKIPPED, "", "suppressed: " + reasons, body.toString(), line);
        }
        return new Case(name, className, Outcome.PASSED, "", "", body.toString(), line);
    }

    private boolean failing(AuditFinding audited) {
        return !audited.suppressed() && failOn.failsOn(audited.finding().severity());
    }

    private static String location(String path, @Nullable Position position) {
        return position == null ? path : path + ":" + position.line() + ":" + position.column();
    }

    private enum Outcome { PASSED, FAILED, ERROR, SKIPPED }

    private record Case(String name, String className, Outcome outcome, String type, String message, String body,
                        int line) {
    }

    /** A runner, or the global settings when {@code runner} is null; sorted global first, then by index. */
    private record Scope(@Nullable RunnerRef runner, boolean everyRule) {
        static String key(@Nullable RunnerRef runner) {
            return runner == null ? "0000000000" : String.format("%010d %s", runner.index() + 1, runner.name());
        }
    }

    private static final class Suite {
        final String name;
        final List<Case> cases = new ArrayList<>();

        Suite(String name) {
            this.name = name;
        }

        int count(Outcome outcome) {
            return (int) cases.stream().filter(c -> c.outcome == outcome).count();
        }
    }
}
