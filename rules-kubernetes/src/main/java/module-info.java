/** Runnerguard rules-kubernetes. */
module io.github.runnerguard.rules.kubernetes {
    requires io.github.runnerguard.core;
}
