package io.github.runnerguard.testkit;

import java.util.List;
import java.util.Objects;
import io.github.runnerguard.config.RunnerConfig;
import org.opentest4j.AssertionFailedError;

/**
 * What a generated config must load to: the global values and each runner's values and sections, with the positions
 * of their keys. It names only what the generator wrote (and the defaults that follow from it); everything else in
 * the model is unconstrained.
 *
 * <p>Immutable and thread-safe.
 *
 * @param global  the global values (model paths from {@code RunnerConfig.global()})
 * @param runners the runners, in file order
 * @since 0.1.0
 */
public record Expectation(List<ExpectedValue> global, List<RunnerExpectation> runners) {

    /** Copies the lists. */
    public Expectation {
        global = List.copyOf(global);
        runners = List.copyOf(runners);
    }

    /**
     * The differences between {@code config} and this expectation, one readable line each; empty when it matches.
     * The model is read through its public accessors, by name (the model path), so a renamed accessor shows up
     * here as a difference.
     */
    public List<String> mismatches(RunnerConfig config) {
        Objects.requireNonNull(config, "config");
        return ModelCheck.mismatches(this, config);
    }

    /**
     * Asserts {@code config} matches this expectation.
     *
     * @throws AssertionFailedError listing every difference
     */
    public void assertMatches(RunnerConfig config) {
        List<String> mismatches = mismatches(config);
        if (!mismatches.isEmpty()) {
            throw new AssertionFailedError("The loaded model differs from the generated config's expectation in "
                    + mismatches.size() + " places:\n  - " + String.join("\n  - ", mismatches));
        }
    }
}
