/** Runnerguard cli. */
module io.github.runnerguard.cli {
    requires io.github.runnerguard.core;
}
