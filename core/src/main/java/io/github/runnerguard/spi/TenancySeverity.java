package io.github.runnerguard.spi;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How tenancy changes a rule's severity: the severity for each tenancy, or none where the rule does not fire.
 *
 * @param dedicated   the severity on a runner dedicated to one trusted project, or null for no finding
 * @param shared      the severity on a runner shared by several projects of one organisation, or null
 * @param multiTenant the severity on a runner used by several organisations or untrusted users, or null
 */
public record TenancySeverity(@Nullable Severity dedicated, @Nullable Severity shared,
                              @Nullable Severity multiTenant) {

    /** The same severity whatever the tenancy. */
    public static TenancySeverity always(Severity severity) {
        return new TenancySeverity(severity, severity, severity);
    }

    /** One severity per tenancy; null means no finding for that tenancy. */
    public static TenancySeverity of(@Nullable Severity dedicated, @Nullable Severity shared,
                                     @Nullable Severity multiTenant) {
        return new TenancySeverity(dedicated, shared, multiTenant);
    }

    /** The severity for {@code tenancy}, or empty when the rule does not fire for it. */
    public Optional<Severity> forTenancy(Tenancy tenancy) {
        return Optional.ofNullable(switch (tenancy) {
            case DEDICATED -> dedicated;
            case SHARED -> shared;
            case MULTI_TENANT -> multiTenant;
        });
    }

    /** {@code high / critical / critical}, with {@code —} for no finding. */
    @Override
    public String toString() {
        return name(dedicated) + " / " + name(shared) + " / " + name(multiTenant);
    }

    private static String name(@Nullable Severity severity) {
        return severity == null ? "—" : severity.id();
    }
}
