package io.github.runnerguard.cli;

import io.github.runnerguard.audit.Runnerguard;
import picocli.CommandLine;

/** Answers {@code --version} on every command. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"runnerguard " + Runnerguard.version()};
    }
}
