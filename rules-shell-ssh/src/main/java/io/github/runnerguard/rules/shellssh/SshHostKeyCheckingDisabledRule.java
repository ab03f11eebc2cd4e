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
 * {@code ssh.host-key-checking-disabled}: a runner with executor ssh, parallels or virtualbox sets
 * {@code [runners.ssh] disable_strict_host_key_checking = true}.
 *
 * <p>gitlab-runner then accepts any host key ({@code ssh.InsecureIgnoreHostKey()} in {@code helpers/ssh}); unset or
 * {@code false}, it verifies the host against {@code known_hosts_file} (default {@code ~/.ssh/known_hosts}), so the
 * seed's "missing StrictHostKeyChecking" is stale and only the explicit {@code true} is flagged. Stateless and
 * thread-safe.
 */
public final class SshHostKeyCheckingDisabledRule implements SecurityRule {

    private static final String REMEDIATION = "Verify the host key: remove disable_strict_host_key_checking (or set "
            + "it to false) and record the host's key in the known_hosts file gitlab-runner reads:\n"
            + "\n"
            + "  [runners.ssh]\n"
            + "    host = \"build-host.example.com\"\n"
            + "    disable_strict_host_key_checking = false\n"
            + "    known_hosts_file = \"/etc/gitlab-runner/known_hosts\"\n"
            + "\n"
            + "(ssh-keyscan build-host.example.com >> /etc/gitlab-runner/known_hosts, then check the fingerprint.)\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "ssh.host-key-checking-disabled",
            "SSH host key checking disabled",
            Severity.HIGH,
            TenancySeverity.always(Severity.HIGH),
            "The same for every tenancy: the attacker is on the network between the runner and the host.",
            "Without host key verification the runner connects to whatever answers at the host address. A "
                    + "man in the middle receives every job script with its variables and secrets (and the SSH "
                    + "password, if one is set) and can return forged results.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/executors/ssh/#configure-strict-host-key-checking"),
            List.of("Security for self-managed runners: Usage of SSH executor (https://docs.gitlab.com/runner/security/"
                            + "#usage-of-ssh-executor)",
                    "SSH executor: Configure strict host key checking, on by default, disable_strict_host_key_checking "
                            + "= true turns it off (https://docs.gitlab.com/runner/executors/ssh/"
                            + "#configure-strict-host-key-checking)",
                    "CWE-322: Key Exchange without Entity Authentication"),
            List.of("ssh", "transport"),
            List.of(),
            ShellSshSupport.SINCE);

    /** Creates the rule. */
    public SshHostKeyCheckingDisabledRule() {
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
            if (!ShellSshSupport.SSH_EXECUTORS.contains(ShellSshSupport.executor(runner))
                    || !ssh.disableStrictHostKeyChecking().orElse(Boolean.FALSE)) {
                continue;
            }
            Optional<Severity> severity = ShellSshSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            String host = ssh.host().orElse("");
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                    ShellSshSupport.label(runner) + " (" + ShellSshSupport.executor(runner) + ") accepts any SSH "
                            + "host key" + (host.isEmpty() ? "" : " for " + host)
                            + ": disable_strict_host_key_checking = true",
                    config.source(), ShellSshSupport.ref(runner),
                    ShellSshSupport.path(runner, "ssh.disable_strict_host_key_checking"),
                    ShellSshSupport.at(ssh.disableStrictHostKeyChecking(), runner), DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
