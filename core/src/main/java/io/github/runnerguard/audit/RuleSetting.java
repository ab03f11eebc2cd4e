package io.github.runnerguard.audit;

import java.util.Objects;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.spi.Severity;
import org.jspecify.annotations.Nullable;

/**
 * What a policy says about one rule: whether it runs, and the severity its findings get.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule     the rule id (or a former id, resolved when the policy is applied)
 * @param enabled  false to skip the rule, true to run it, null when the policy does not say
 * @param severity the severity every finding of the rule gets, or null to keep the rule's own
 * @param position where the setting is in the policy file, or null
 */
public record RuleSetting(String rule, @Nullable Boolean enabled, @Nullable Severity severity,
                          @Nullable Position position) {

    /** Checks the rule id. */
    public RuleSetting {
        Objects.requireNonNull(rule, "rule");
    }

    /** The same setting for another id (used when an alias is resolved). */
    public RuleSetting withRule(String id) {
        return new RuleSetting(id, enabled, severity, position);
    }
}
