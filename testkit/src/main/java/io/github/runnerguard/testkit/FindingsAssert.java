package io.github.runnerguard.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.testkit.internal.Excerpt;
import io.github.runnerguard.testkit.internal.FindingFormat;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * Expectations about the findings of one {@link CheckResult}, described fluently inside
 * {@link CheckResult#assertFindings}.
 *
 * <p>{@link #count} constrains the total number of findings. The matchers ({@link #ruleId}, {@link #line},
 * {@link #column}, {@link #severity}, {@link #runner}, {@link #keyPath}, {@link #messageContains}) together describe one
 * finding: the assertion holds when there is a finding matching all of them. {@link #and()} starts the description of
 * another finding; each described finding must be matched by a different actual finding.
 *
 * <pre class="code">
 * result.assertFindings(f -&gt; f.count(2)
 *         .ruleId("docker.privileged").line(7).severity(Severity.CRITICAL).runner("builder")
 *         .and()
 *         .ruleId("docker.privileged").line(19));
 * </pre>
 *
 * <p>Not thread-safe: use it only inside the consumer it is given to.
 *
 * @since 0.1.0
 */
public final class FindingsAssert {

    private @Nullable Integer count;
    private final List<Criteria> described = new ArrayList<>();
    private Criteria current = new Criteria();

    FindingsAssert() {
    }

    /** Expects exactly {@code expected} findings in total. */
    public FindingsAssert count(int expected) {
        if (expected < 0) {
            throw new IllegalArgumentException("count must not be negative: " + expected);
        }
        if (count != null) {
            throw new IllegalStateException("count is already set to " + count);
        }
        count = expected;
        return this;
    }

    /** The described finding has this rule id. */
    public FindingsAssert ruleId(String ruleId) {
        current.set("ruleId", current.ruleId);
        Objects.requireNonNull(ruleId, "ruleId");
        current.ruleId = ruleId;
        return this;
    }

    /** The described finding is on this 1-based line. */
    public FindingsAssert line(int line) {
        current.set("line", current.line);
        current.line = line;
        return this;
    }

    /** The described finding is at this 1-based column. */
    public FindingsAssert column(int column) {
        current.set("column", current.column);
        current.column = column;
        return this;
    }

    /** The described finding has this effective severity. */
    public FindingsAssert severity(Severity severity) {
        current.set("severity", current.severity);
        Objects.requireNonNull(severity, "severity");
        current.severity = severity;
        return this;
    }

    /** The described finding belongs to the runner with this {@code name} ({@code ""} for a runner without one). */
    public FindingsAssert runner(String name) {
        current.set("runner", current.runner);
        Objects.requireNonNull(name, "name");
        current.runner = name;
        return this;
    }

    /** The described finding has this dotted key path, e.g. {@code runners[0].docker.privileged}. */
    public FindingsAssert keyPath(String keyPath) {
        current.set("keyPath", current.keyPath);
        Objects.requireNonNull(keyPath, "keyPath");
        current.keyPath = keyPath;
        return this;
    }

    /** The described finding's message contains this text. */
    public FindingsAssert messageContains(String text) {
        current.set("messageContains", current.messageContains);
        Objects.requireNonNull(text, "text");
        current.messageContains = text;
        return this;
    }

    /** Ends the description of one finding and starts the description of another. */
    public FindingsAssert and() {
        if (current.isEmpty()) {
            throw new IllegalStateException("and() must follow the description of a finding");
        }
        described.add(current);
        current = new Criteria();
        return this;
    }

    /** Checks the expectations against {@code result}; throws an {@link AssertionFailedError} when one fails. */
    void verify(CheckResult result) {
        List<Criteria> all = new ArrayList<>(described);
        if (!current.isEmpty()) {
            all.add(current);
        }
        if (count == null && all.isEmpty()) {
            throw new IllegalStateException("assertFindings(...) was given no expectation: use count(n) or describe "
                    + "a finding (ruleId, line, severity, ...), or use assertNoFindings()");
        }
        List<Finding> findings = result.findings();
        StringBuilder problems = new StringBuilder();
        Map<Integer, String> marks = new HashMap<>();
        for (Finding finding : findings) {
            if (finding.position() != null) {
                Excerpt.mark(marks, finding.position().line(), "F");
            }
        }
        for (Criteria criteria : all) {
            if (criteria.line != null) {
                Excerpt.mark(marks, criteria.line, "E");
            }
        }
        if (count != null && count != findings.size()) {
            problems.append("Expected ").append(count).append(count == 1 ? " finding" : " findings")
                    .append(" but found ").append(findings.size()).append(".\n");
        }
        int[] assignment = assign(all, findings);
        if (assignment == null) {
            boolean eachMatchesSome = true;
            for (Criteria criteria : all) {
                List<Finding> matching = findings.stream().filter(criteria::matches).toList();
                if (matching.isEmpty()) {
                    eachMatchesSome = false;
                    problems.append("Expected a finding with ").append(criteria).append(", but none matches");
                    if (findings.isEmpty()) {
                        problems.append(" (there is no finding at all).\n");
                    } else {
                        problems.append(":\n");
                        for (Finding finding : findings) {
                            problems.append("  - ").append(FindingFormat.describe(finding)).append("\n      differs in ")
                                    .append(criteria.differences(finding)).append('\n');
                        }
                    }
                }
            }
            if (eachMatchesSome) {
                problems.append("The ").append(all.size()).append(" described findings need ").append(all.size())
                        .append(" different findings, and the actual findings cannot cover them all.\n");
            }
        }
        if (!problems.isEmpty()) {
            String message = problems
                    + "Findings (" + findings.size() + "):\n" + FindingFormat.list(findings)
                    + Excerpt.render(result.source(), result.lines(), marks,
                            "E = expected finding here, F = actual finding here");
            throw new AssertionFailedError(message.stripTrailing(), describeExpected(all), describeActual(findings));
        }
    }

    private String describeExpected(List<Criteria> all) {
        StringBuilder out = new StringBuilder();
        if (count != null) {
            out.append("count ").append(count).append('\n');
        }
        for (Criteria criteria : all) {
            out.append(criteria).append('\n');
        }
        return out.toString();
    }

    private static String describeActual(List<Finding> findings) {
        StringBuilder out = new StringBuilder("count ").append(findings.size()).append('\n');
        for (Finding finding : findings) {
            out.append(FindingFormat.describe(finding)).append('\n');
        }
        return out.toString();
    }

    /** A matching of each criteria to a distinct finding (indexes), or null when there is none. */
    private static int @Nullable [] assign(List<Criteria> all, List<Finding> findings) {
        int[] assignment = new int[all.size()];
        boolean[] used = new boolean[findings.size()];
        return assign(all, findings, 0, assignment, used) ? assignment : null;
    }

    private static boolean assign(List<Criteria> all, List<Finding> findings, int index, int[] assignment,
                                  boolean[] used) {
        if (index == all.size()) {
            return true;
        }
        for (int f = 0; f < findings.size(); f++) {
            if (!used[f] && all.get(index).matches(findings.get(f))) {
                used[f] = true;
                assignment[index] = f;
                if (assign(all, findings, index + 1, assignment, used)) {
                    return true;
                }
                used[f] = false;
            }
        }
        return false;
    }

    /** The matchers describing one finding; null fields are not constrained. */
    private static final class Criteria {
        @Nullable String ruleId;
        @Nullable Integer line;
        @Nullable Integer column;
        @Nullable Severity severity;
        @Nullable String runner;
        @Nullable String keyPath;
        @Nullable String messageContains;

        void set(String name, @Nullable Object old) {
            if (old != null) {
                throw new IllegalStateException(name + " is already set to " + old + " for this finding; call and() "
                        + "to describe another finding");
            }
        }

        boolean isEmpty() {
            return ruleId == null && line == null && column == null && severity == null && runner == null
                    && keyPath == null && messageContains == null;
        }

        boolean matches(Finding finding) {
            return differences(finding).isEmpty();
        }

        String differences(Finding finding) {
            List<String> out = new ArrayList<>();
            if (ruleId != null && !ruleId.equals(finding.ruleId())) {
                out.add("ruleId " + finding.ruleId());
            }
            if (line != null && (finding.position() == null || finding.position().line() != line)) {
                out.add(finding.position() == null ? "line (none)" : "line " + finding.position().line());
            }
            if (column != null && (finding.position() == null || finding.position().column() != column)) {
                out.add(finding.position() == null ? "column (none)" : "column " + finding.position().column());
            }
            if (severity != null && severity != finding.severity()) {
                out.add("severity " + finding.severity().id());
            }
            if (runner != null && (finding.runner() == null || !runner.equals(finding.runner().name()))) {
                out.add(finding.runner() == null ? "runner (none)" : "runner \"" + finding.runner().name() + "\"");
            }
            if (keyPath != null && !keyPath.equals(finding.keyPath())) {
                out.add("keyPath " + finding.keyPath());
            }
            if (messageContains != null && !finding.message().contains(messageContains)) {
                out.add("message (does not contain \"" + messageContains + "\")");
            }
            return String.join(", ", out);
        }

        @Override
        public String toString() {
            List<String> out = new ArrayList<>();
            if (ruleId != null) {
                out.add("ruleId " + ruleId);
            }
            if (line != null) {
                out.add("line " + line);
            }
            if (column != null) {
                out.add("column " + column);
            }
            if (severity != null) {
                out.add("severity " + severity.id());
            }
            if (runner != null) {
                out.add("runner \"" + runner + "\"");
            }
            if (keyPath != null) {
                out.add("keyPath " + keyPath);
            }
            if (messageContains != null) {
                out.add("message containing \"" + messageContains + "\"");
            }
            return String.join(", ", out);
        }
    }
}
