package io.github.runnerguard.audit;

import java.time.LocalDate;
import java.util.Objects;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.spi.Finding;
import org.jspecify.annotations.Nullable;

/**
 * A policy's accepted exception: findings of one rule (on one runner, or on every runner) are suppressed with a
 * stated reason, until an optional expiry date.
 *
 * <p>A waiver is valid through its {@code expires} day and expired from the day after; an expired waiver suppresses
 * nothing and is itself reported. Immutable and thread-safe.
 *
 * @param rule     the rule id (or a former id, resolved when the policy is applied)
 * @param runner   the runner name it is limited to, or null for every runner
 * @param reason   why the risk is accepted; never blank
 * @param expires  the last day it applies, or null for no expiry
 * @param position where it is in the policy file, or null
 */
public record Waiver(String rule, @Nullable String runner, String reason, @Nullable LocalDate expires,
                     @Nullable Position position) {

    /** Checks the parts. */
    public Waiver {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a reason");
        }
    }

    /** True when {@code today} is after the expiry date. */
    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** True when this waiver covers {@code finding} (rule id already resolved), whatever its expiry. */
    public boolean covers(Finding finding) {
        if (!rule.equals(finding.ruleId())) {
            return false;
        }
        return runner == null || finding.runner() != null && runner.equals(finding.runner().name());
    }

    /** The same waiver for another id (used when an alias is resolved). */
    public Waiver withRule(String id) {
        return new Waiver(id, runner, reason, expires, position);
    }
}
