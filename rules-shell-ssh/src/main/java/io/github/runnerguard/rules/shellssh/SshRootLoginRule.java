package io.github.runnerguard.rules.shellssh;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.config.SshSettings;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code ssh.root-login}: a runner with the ssh executor has a {@code [runners.ssh]} section whose {@code user} is
 * {@code root}, empty or unset; gitlab-runner connects as {@code root} when it is empty ({@code helpers/ssh
 * Client.Connect}).
 *
 * <p>Without a {@code [runners.ssh]} section the ssh executor refuses every job ("missing SSH configuration"), so
 * nothing is reported then. Stateless and thread-safe.
 */
public final class SshRootLoginRule implements SecurityRule {

    private static final String REMEDIATION = "Create an unprivileged user on the build host for the jobs and log in "
            + "as that user:\n"
            + "\n"
            + "  [runners.ssh]\n"
            + "    user = \"gitlab-ci\"\n"
            + "    identity_file = \"/home/gitlab-runner/.ssh/id_ed25519\"\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "ssh.root-login",
            "SSH executor logs in as root",
            Severity.MEDIUM,
            TenancySeverity.of(Severity.LOW, Severity.MEDIUM, Severity.HIGH),
            "Low on a runner dedicated to one trusted project; medium when several projects share the host; high "
                    + "when other organisations' jobs run there as root.",
            "The SSH executor runs every job's script as the SSH user, and gitlab-runner uses root when user is not "
                    + "set. A job running as root on a persistent host can change the system, install code that "
                    + "runs in later jobs of other projects, and read every credential on the host.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/executors/ssh/#use-the-ssh-executor"),
            List.of("Security for self-managed runners: Secure the runner host (https://docs.gitlab.com/runner/"
                            + "security/#secure-the-runner-host)",
                    "SSH executor: Use the SSH executor, the example logs in as root (https://docs.gitlab.com/runner/"
                            + "executors/ssh/#use-the-ssh-executor)",
                    "CWE-250: Execution with Unnecessary Privileges"),
            List.of("ssh", "privilege"),
            List.of(),
            ShellSshSupport.SINCE);

    /** Creates the rule. */
    public SshRootLoginRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            SshSettings ssh = runner.ssh();
            if (!ShellSshSupport.executor(runner).equals("ssh") || !ssh.present()) {
                continue;
            }
            String user = ssh.user().isSet() ? ssh.user().orElse("") : "";
            if (!user.isEmpty() && !user.equals("root")) {
                continue;
            }
            Optional<Severity> severity = ShellSshSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            String why = user.equals("root") ? "user = \"root\""
                    : ssh.user().isSet() ? "user is empty, so gitlab-runner uses root"
                    : "no user is set, so gitlab-runner uses root";
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                    ShellSshSupport.label(runner) + " runs its jobs as root on the SSH host: " + why,
                    config.source(), ShellSshSupport.ref(runner), ShellSshSupport.path(runner, "ssh.user"),
                    ShellSshSupport.at(ssh.user(), runner), DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
