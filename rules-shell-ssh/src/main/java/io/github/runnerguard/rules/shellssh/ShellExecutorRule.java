package io.github.runnerguard.rules.shellssh;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code shell.executor}: a runner uses the shell executor, which runs every job directly on the runner host as the
 * runner's user.
 *
 * <p>Stateless and thread-safe.
 */
public final class ShellExecutorRule implements SecurityRule {

    private static final String REMEDIATION = "Run untrusted or multi-project jobs in an executor that isolates each "
            + "job (docker, kubernetes, or docker-autoscaler with one job per instance); keep shell runners for one "
            + "trusted project, with tags and protected branches, on a host that holds nothing else:\n"
            + "\n"
            + "  [[runners]]\n"
            + "    executor = \"docker\"\n"
            + "    [runners.docker]\n"
            + "      image = \"alpine:3.20\"\n"
            + "      privileged = false\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "shell.executor",
            "Shell executor runs jobs directly on the host",
            Severity.HIGH,
            TenancySeverity.of(Severity.LOW, Severity.HIGH, Severity.CRITICAL),
            "Low on a runner dedicated to one trusted project on a host it owns; high when several projects share "
                    + "it (each can read and change the others' code); critical when other organisations' jobs "
                    + "run on it.",
            "The shell executor runs every job as the gitlab-runner user on the host, with no isolation between "
                    + "jobs: a job can read other projects' checkouts and caches, the runner's config.toml and its "
                    + "tokens, and leave code that later jobs run. GitLab calls it a high security risk and advises "
                    + "it only for trusted builds.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/security/#usage-of-shell-executor"),
            List.of("Security for self-managed runners: Usage of Shell executor (https://docs.gitlab.com/runner/"
                            + "security/#usage-of-shell-executor)",
                    "Shell executor: Security, \"Generally it's unsafe to run jobs with shell executors\" "
                            + "(https://docs.gitlab.com/runner/executors/shell/#security)",
                    "CWE-653: Improper Isolation or Compartmentalization"),
            List.of("shell", "isolation", "executor"),
            List.of(),
            ShellSshSupport.SINCE);

    /** Creates the rule. */
    public ShellExecutorRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            if (!ShellSshSupport.executor(runner).equals("shell")) {
                continue;
            }
            Optional<Severity> severity = ShellSshSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                    ShellSshSupport.label(runner) + " uses the shell executor: its jobs run on the host as the "
                            + "runner's user, with access to other projects' files and the runner's tokens",
                    config.source(), ShellSshSupport.ref(runner), ShellSshSupport.path(runner, "executor"),
                    ShellSshSupport.at(runner.executor(), runner), DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
