/** Runnerguard testkit. */
module io.github.runnerguard.testkit {
    requires io.github.runnerguard.core;
}
