package io.github.runnerguard.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;

/**
 * What a command needs from its process: standard input, whether standard output and standard error are terminals,
 * and the clock that decides when waivers and inline suppressions expire.
 *
 * @param in            standard input
 * @param terminal      true when standard output is a terminal (text output is then coloured)
 * @param errorTerminal true when standard error is a terminal (progress is then shown for large audits)
 * @param clock         the clock for expiry dates
 */
record Environment(InputStream in, boolean terminal, boolean errorTerminal, Clock clock) {

    Environment {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(clock, "clock");
    }

    /** Standard input and the system clock; standard error is not a terminal. */
    Environment(InputStream in, boolean terminal) {
        this(in, terminal, false, Clock.systemUTC());
    }
}
