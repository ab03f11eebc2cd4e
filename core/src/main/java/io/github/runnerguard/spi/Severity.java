package io.github.runnerguard.spi;

import java.util.Locale;

/** How bad a finding is, from the worst down. */
public enum Severity {
    /** Any job can take over the runner host or other projects' jobs and secrets; fix before the next job runs. */
    CRITICAL,
    /** A job can escape its isolation or reach secrets it should not with little effort; fix soon. */
    HIGH,
    /** Weakens isolation or exposes data under some conditions; plan a fix. */
    MEDIUM,
    /** Hardening that is missing; worth doing when the runner is next touched. */
    LOW,
    /** Worth knowing; no risk on its own. */
    INFO;

    /** The lower-case name used in reports and on the command line ({@code critical}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) <= 0;
    }

    /** One level less severe; {@link #INFO} stays {@code INFO}. */
    public Severity lower() {
        return this == INFO ? INFO : values()[ordinal() + 1];
    }

    /** One level more severe; {@link #CRITICAL} stays {@code CRITICAL}. */
    public Severity higher() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() - 1];
    }

    /** Parses {@code critical}, {@code HIGH}, ... (any case). */
    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
