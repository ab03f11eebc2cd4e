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
 * {@code ssh.executor}: a runner uses the SSH executor, which runs every job on one persistent remote host.
 *
 * <p>Stateless and thread-safe.
 */
public final class SshExecutorRule implements SecurityRule {

    private static final String REMEDIATION = "Move the jobs to an executor that gives each job a clean environment "
            + "(docker, kubernetes, or instance/docker-autoscaler with max_use_count = 1); if the SSH executor must "
            + "stay, dedicate the runner and its host to one trusted project:\n"
            + "\n"
            + "  [[runners]]\n"
            + "    executor = \"docker-autoscaler\"\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "ssh.executor",
            "SSH executor runs jobs on a shared persistent host",
            Severity.MEDIUM,
            TenancySeverity.of(Severity.LOW, Severity.MEDIUM, Severity.HIGH),
            "Low on a runner dedicated to one trusted project; medium when several projects share the remote host; "
                    + "high when other organisations' jobs run there.",
            "The SSH executor runs every job's script on the same remote host as the same user, with no clean "
                    + "environment per build: checkouts persist and one job can read or change what another project "
                    + "left there. GitLab keeps the executor in maintenance mode and advises another executor.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/executors/ssh/"),
            List.of("Security for self-managed runners: the risk is more acute for non-ephemeral runners used for "
                            + "multiple projects (https://docs.gitlab.com/runner/security/)",
                    "SSH executor: introduction, \"it's generally better to use a different executor type\" "
                            + "(https://docs.gitlab.com/runner/executors/ssh/)",
                    "Executors: Selecting the executor, SSH has no clean build environment for every build "
                            + "(https://docs.gitlab.com/runner/executors/#selecting-the-executor)",
                    "CWE-653: Improper Isolation or Compartmentalization"),
            List.of("ssh", "isolation", "executor"),
            List.of(),
            ShellSshSupport.SINCE);

    /** Creates the rule. */
    public SshExecutorRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            if (!ShellSshSupport.executor(runner).equals("ssh")) {
                continue;
            }
            Optional<Severity> severity = ShellSshSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            String host = runner.ssh().host().orElse("");
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                    ShellSshSupport.label(runner) + " uses the ssh executor: every job runs on "
                            + (host.isEmpty() ? "the same remote host" : "the same host " + host)
                            + " with no clean environment per job",
                    config.source(), ShellSshSupport.ref(runner), ShellSshSupport.path(runner, "executor"),
                    ShellSshSupport.at(runner.executor(), runner), DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
