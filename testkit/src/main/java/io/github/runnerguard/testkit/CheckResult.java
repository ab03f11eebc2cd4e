package io.github.runnerguard.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.testkit.internal.Excerpt;
import io.github.runnerguard.testkit.internal.FindingFormat;
import org.opentest4j.AssertionFailedError;

/**
 * The findings one rule reported for one config, returned by {@link RuleTestKit.Builder#check()}, with assertions
 * whose failure messages show the config around the expected and actual lines.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CheckResult {

    private final String source;
    private final List<String> lines;
    private final RunnerConfig config;
    private final List<Finding> findings;

    CheckResult(String source, List<String> lines, RunnerConfig config, List<Finding> findings) {
        this.source = Objects.requireNonNull(source, "source");
        this.lines = List.copyOf(lines);
        this.config = Objects.requireNonNull(config, "config");
        this.findings = List.copyOf(findings);
    }

    /** The findings, in the order the rule returned them. */
    public List<Finding> findings() {
        return findings;
    }

    /** The loaded config the rule checked. */
    public RunnerConfig config() {
        return config;
    }

    /** The source name of the config ({@code config.toml} for text, the path as given for a file). */
    public String source() {
        return source;
    }

    /** The lines of the config text. */
    public List<String> lines() {
        return lines;
    }

    /**
     * Asserts the findings match what {@code expectations} describes (see {@link FindingsAssert}).
     *
     * @return this result, for more assertions
     * @throws AssertionFailedError when they do not, with the findings and a config excerpt in the message
     */
    public CheckResult assertFindings(Consumer<FindingsAssert> expectations) {
        FindingsAssert spec = new FindingsAssert();
        expectations.accept(spec);
        spec.verify(this);
        return this;
    }

    /**
     * Asserts there is no finding.
     *
     * @return this result
     * @throws AssertionFailedError listing every finding, with a config excerpt, when there is one
     */
    public CheckResult assertNoFindings() {
        if (!findings.isEmpty()) {
            Map<Integer, String> marks = new HashMap<>();
            for (Finding finding : findings) {
                if (finding.position() != null) {
                    Excerpt.mark(marks, finding.position().line(), "F");
                }
            }
            String message = "Expected no finding but found " + findings.size() + ":\n" + FindingFormat.list(findings)
                    + Excerpt.render(source, lines, marks, "F = finding here");
            throw new AssertionFailedError(message.stripTrailing(), "count 0", "count " + findings.size());
        }
        return this;
    }

    @Override
    public String toString() {
        return "CheckResult[" + source + ", " + findings.size() + " findings]";
    }
}
