package io.github.runnerguard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code runnerguard} command; it only dispatches to its subcommands. */
@Command(name = "runnerguard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Audits GitLab Runner config.toml files for security risks.",
        footer = {"", "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error or a "
                + "file that could not be audited.", "Run 'runnerguard audit --help' to start."})
final class RunnerguardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine line = spec.commandLine();
        line.getErr().println("runnerguard: a command is required (audit, rules, explain)");
        line.usage(line.getErr());
        return Main.ERROR;
    }
}
