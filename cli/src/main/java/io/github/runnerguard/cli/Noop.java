package io.github.runnerguard.cli;

/**
 * A main class that does nothing: the start-up floor of the JVM with the command's jar on the class path, against
 * which {@code benchmarks/startup.sh} measures {@code runnerguard audit}.
 */
public final class Noop {

    private Noop() {
    }

    /** Returns at once. */
    public static void main(String[] args) {
        // nothing: the time to get here is the floor
    }
}
