package io.github.runnerguard.spi;

import java.util.List;
import io.github.runnerguard.config.RunnerConfig;

/**
 * A security rule that can also see every config of one audit at once, for risks no single file shows (the same
 * runner token in two files, for example).
 *
 * <p>The engine first calls {@link #check} on each file as for any rule, then, when an audit covers two or more
 * loaded configs, calls {@link #checkFleet} once with all of them in the order they were audited. {@code checkFleet}
 * reports only what spans two or more files; anything one file shows on its own belongs in {@code check}, so nothing
 * is reported twice. Each finding names the file it belongs to ({@link Finding#file()} is that config's
 * {@link RunnerConfig#source()}), so the engine files it under that config (and applies that file's policy and inline
 * suppressions) like any other finding. An engine that does not know this interface still runs the rule as a plain
 * {@link SecurityRule}.
 *
 * <p>The same contracts as {@link SecurityRule}: stateless, thread-safe, no I/O, never null.
 */
public interface FleetRule extends SecurityRule {

    /**
     * Checks the configs of one audit together.
     *
     * @param configs every config of the audit that loaded, in audit order; two or more
     * @param context tenancy and clock; its {@link AuditContext#file()} facts are not those of any one file
     * @return the findings that span files, possibly empty, never null
     */
    List<Finding> checkFleet(List<RunnerConfig> configs, AuditContext context);
}
