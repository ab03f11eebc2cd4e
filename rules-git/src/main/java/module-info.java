/** Runnerguard rules-git. */
module io.github.runnerguard.rules.git {
    requires io.github.runnerguard.core;
}
