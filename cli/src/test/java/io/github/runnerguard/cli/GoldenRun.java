package io.github.runnerguard.cli;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Runs the command at a fixed instant, for tests that need a child JVM with its own working directory:
 * {@code GoldenRun 2026-06-01T08:00:00Z audit ...}.
 */
final class GoldenRun {

    private GoldenRun() {
    }

    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse(args[0]), ZoneOffset.UTC);
        Environment environment = new Environment(new ByteArrayInputStream(new byte[0]), false, false, clock);
        System.exit(Main.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err, environment));
    }
}
