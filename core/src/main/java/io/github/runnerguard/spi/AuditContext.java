package io.github.runnerguard.spi;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a rule knows beyond the config: who shares each runner, the clock, facts about the file, and the Pod Security
 * Standards level the target Kubernetes namespace enforces.
 *
 * <p>Immutable and thread-safe.
 *
 * @param defaultTenancy the tenancy of runners not named in {@code tenancyByRunner} ({@link Tenancy#SHARED} unless
 *                       said otherwise)
 * @param tenancyByRunner tenancy per runner name
 * @param clock          the clock, for waiver expiry
 * @param file           facts about the file
 * @param enforcedPss    the Pod Security Standards level ({@code baseline} or {@code restricted}) enforced where the
 *                       Kubernetes runners' job pods run, or null when not stated
 */
public record AuditContext(Tenancy defaultTenancy, Map<String, Tenancy> tenancyByRunner, Clock clock,
                           FileFacts file, @Nullable String enforcedPss) {

    /** Checks and copies the parts. */
    public AuditContext {
        Objects.requireNonNull(defaultTenancy, "defaultTenancy");
        tenancyByRunner = Map.copyOf(tenancyByRunner);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(file, "file");
        if (enforcedPss != null) {
            enforcedPss = enforcedPss.toLowerCase(Locale.ROOT);
            if (!enforcedPss.equals("baseline") && !enforcedPss.equals("restricted")
                    && !enforcedPss.equals("privileged")) {
                throw new IllegalArgumentException("Pod Security Standards level must be privileged, baseline or "
                        + "restricted: " + enforcedPss);
            }
        }
    }

    /** Shared tenancy for every runner, the system clock, nothing known about the file. */
    public static AuditContext defaults() {
        return new AuditContext(Tenancy.SHARED, Map.of(), Clock.systemUTC(), FileFacts.UNKNOWN, null);
    }

    /** The tenancy of the runner named {@code runnerName} (its own when set, else the default). */
    public Tenancy tenancyOf(@Nullable String runnerName) {
        if (runnerName == null || tenancyByRunner.isEmpty()) {
            // without per-runner tenancies the name is not even hashed: every rule asks this for every runner
            return defaultTenancy;
        }
        return tenancyByRunner.getOrDefault(runnerName, defaultTenancy);
    }

    /** The enforced Pod Security Standards level, if stated. */
    public Optional<String> podSecurityLevel() {
        return Optional.ofNullable(enforcedPss);
    }

    /** The same context with another default tenancy. */
    public AuditContext withDefaultTenancy(Tenancy tenancy) {
        return new AuditContext(tenancy, tenancyByRunner, clock, file, enforcedPss);
    }

    /** The same context with a tenancy for one runner name. */
    public AuditContext withRunnerTenancy(String runnerName, Tenancy tenancy) {
        Map<String, Tenancy> copy = new java.util.HashMap<>(tenancyByRunner);
        copy.put(runnerName, tenancy);
        return new AuditContext(defaultTenancy, copy, clock, file, enforcedPss);
    }

    /** The same context with another clock. */
    public AuditContext withClock(Clock newClock) {
        return new AuditContext(defaultTenancy, tenancyByRunner, newClock, file, enforcedPss);
    }

    /** The same context with facts about the file. */
    public AuditContext withFile(FileFacts facts) {
        return new AuditContext(defaultTenancy, tenancyByRunner, clock, facts, enforcedPss);
    }

    /** The same context with the enforced Pod Security Standards level. */
    public AuditContext withEnforcedPss(@Nullable String level) {
        return new AuditContext(defaultTenancy, tenancyByRunner, clock, file, level);
    }
}
