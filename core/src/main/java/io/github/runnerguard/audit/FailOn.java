package io.github.runnerguard.audit;

import java.util.Locale;
import java.util.Optional;
import io.github.runnerguard.spi.Severity;

/** The lowest severity of an unsuppressed finding that makes an audit fail, or {@link #NEVER}. */
public enum FailOn {
    /** Fail on critical findings only. */
    CRITICAL,
    /** Fail on high or critical findings (the default). */
    HIGH,
    /** Fail on medium findings or worse. */
    MEDIUM,
    /** Fail on low findings or worse. */
    LOW,
    /** Fail on any finding. */
    INFO,
    /** Never fail because of findings. */
    NEVER;

    /** The id used in policy files and on the command line: {@code critical} ... {@code info}, {@code never}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The lowest failing severity, or empty for {@link #NEVER}. */
    public Optional<Severity> threshold() {
        return this == NEVER ? Optional.empty() : Optional.of(Severity.valueOf(name()));
    }

    /** True when a finding of {@code severity} makes the audit fail. */
    public boolean failsOn(Severity severity) {
        return this != NEVER && severity.atLeast(Severity.valueOf(name()));
    }

    /**
     * Parses an {@link #id()} (any case).
     *
     * @throws IllegalArgumentException for anything else, naming the accepted values
     */
    public static FailOn parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fail-on must be one of critical, high, medium, low, info, never; got \""
                    + text + "\"", e);
        }
    }
}
