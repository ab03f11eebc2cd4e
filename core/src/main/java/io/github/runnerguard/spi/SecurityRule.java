package io.github.runnerguard.spi;

import java.util.List;
import io.github.runnerguard.config.RunnerConfig;

/**
 * A check of a loaded config.toml: the one interface rule authors implement.
 *
 * <p>Implementations are stateless, thread-safe and do no I/O; {@link #check} is a pure function of its arguments.
 * Register an implementation with {@code provides io.github.runnerguard.spi.SecurityRule with ...} in
 * {@code module-info.java} and the same class name in {@code META-INF/services/io.github.runnerguard.spi.SecurityRule}.
 * A public no-argument constructor is required for discovery.
 */
public interface SecurityRule {

    /** What this rule is. Returns the same value on every call. */
    RuleDescriptor descriptor();

    /**
     * Checks one config.
     *
     * @param config  the loaded config
     * @param context tenancy and facts about the file
     * @return the findings, possibly empty, never null
     */
    List<Finding> check(RunnerConfig config, AuditContext context);
}
