package io.github.runnerguard.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import io.github.runnerguard.audit.FailOn;
import io.github.runnerguard.spi.RuleDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * What a report writer may need beyond the report itself: whether to colour, the failure threshold, the rules that
 * ran, and the directory paths are relative to.
 *
 * <p>Immutable and thread-safe.
 *
 * @param color      whether a writer that can colour its output should (only the text writer does)
 * @param failOn     the threshold the JUnit report fails test cases at
 * @param rules      the descriptors of the rules that ran: SARIF lists them in {@code tool.driver.rules} and JUnit
 *                   makes a test case of each; when empty, the rules are taken from the findings
 * @param sourceRoot the directory SARIF and Code Quality paths are made relative to ({@code %SRCROOT%}), usually the
 *                   working directory; null to keep paths as the audit named them
 */
public record ReportOptions(boolean color, FailOn failOn, List<RuleDescriptor> rules, @Nullable Path sourceRoot) {

    private static final ReportOptions DEFAULTS = new ReportOptions(false, FailOn.HIGH, List.of(), null);

    /** Checks and copies the parts. */
    public ReportOptions {
        Objects.requireNonNull(failOn, "failOn");
        rules = List.copyOf(rules);
        sourceRoot = sourceRoot == null ? null : sourceRoot.toAbsolutePath().normalize();
    }

    /** No colour, fail on high, rules taken from the findings, paths as the audit named them. */
    public static ReportOptions defaults() {
        return DEFAULTS;
    }

    /** The same options with or without colour. */
    public ReportOptions withColor(boolean value) {
        return new ReportOptions(value, failOn, rules, sourceRoot);
    }

    /** The same options with another failure threshold. */
    public ReportOptions withFailOn(FailOn value) {
        return new ReportOptions(color, value, rules, sourceRoot);
    }

    /** The same options with the descriptors of the rules that ran. */
    public ReportOptions withRules(List<RuleDescriptor> value) {
        return new ReportOptions(color, failOn, value, sourceRoot);
    }

    /** The same options with another source root (null: paths as the audit named them). */
    public ReportOptions withSourceRoot(@Nullable Path value) {
        return new ReportOptions(color, failOn, rules, value);
    }
}
