package io.github.runnerguard.spi;

import java.util.Locale;

/** Who shares a runner: the fact that most decides how dangerous a setting is. */
public enum Tenancy {
    /** One trusted project uses the runner. */
    DEDICATED,
    /** Several projects of one organisation use the runner (the default). */
    SHARED,
    /** Several organisations or untrusted users use the runner. */
    MULTI_TENANT;

    /** The id used in policy files and on the command line: {@code dedicated}, {@code shared}, {@code multi-tenant}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses an {@link #id()} (any case; {@code multi_tenant} also accepted). */
    public static Tenancy parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
