/** Runnerguard rules-docker. */
module io.github.runnerguard.rules.docker {
    requires io.github.runnerguard.core;
}
