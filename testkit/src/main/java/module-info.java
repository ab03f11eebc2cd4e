/**
 * Runnerguard testkit: helpers for people who write rules or build on Runnerguard's output.
 */
module io.github.runnerguard.testkit {
    requires transitive io.github.runnerguard.core;
    requires tools.jackson.databind;

    exports io.github.runnerguard.testkit;
}
