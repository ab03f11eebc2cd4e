/** Runnerguard rules-shell-ssh. */
module io.github.runnerguard.rules.shellssh {
    requires io.github.runnerguard.core;
}
