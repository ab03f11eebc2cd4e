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
 * {@code ssh.password-auth}: a runner with executor ssh, parallels or virtualbox has a non-empty
 * {@code [runners.ssh] password}.
 *
 * <p>The password is stored in clear text and, unlike the runner token, is not masked by gitlab-runner
 * (config-schema.md §4); {@code $VAR} is not expanded in this key. The message never shows it. Stateless and
 * thread-safe.
 */
public final class SshPasswordAuthRule implements SecurityRule {

    private static final String REMEDIATION = "Log in with a key instead: give gitlab-runner's user an unencrypted "
            + "private key readable only by it, put the public key in the remote user's authorized_keys, turn off "
            + "password login on the host, and delete the password:\n"
            + "\n"
            + "  [runners.ssh]\n"
            + "    user = \"gitlab-ci\"\n"
            + "    identity_file = \"/home/gitlab-runner/.ssh/id_ed25519\"\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "ssh.password-auth",
            "SSH password written in config.toml",
            Severity.MEDIUM,
            TenancySeverity.always(Severity.MEDIUM),
            "The same for every tenancy: the exposure is through the file and the remote host's password login.",
            "[runners.ssh] password is a clear-text credential in config.toml that gitlab-runner does not mask, and "
                    + "it implies the host accepts password logins, which can be guessed or replayed. Whoever reads "
                    + "the file can log in to the build host (or VM) as the job user.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/#the-runnersssh-section"),
            List.of("SSH executor: Use the SSH executor, authentication with password and/or identity_file "
                            + "(https://docs.gitlab.com/runner/executors/ssh/#use-the-ssh-executor)",
                    "gitlab-runner 19.4.0 common/config.go: Config.Masked() does not mask [runners.ssh] password "
                            + "(https://gitlab.com/gitlab-org/gitlab-runner/-/blob/main/common/config.go)",
                    "CWE-256: Plaintext Storage of a Password"),
            List.of("ssh", "secret"),
            List.of(),
            ShellSshSupport.SINCE);

    /** Creates the rule. */
    public SshPasswordAuthRule() {
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
                    || !ssh.password().isSet() || ssh.password().orElse("").isEmpty()) {
                continue;
            }
            Optional<Severity> severity = ShellSshSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            String user = ssh.user().orElse("");
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                    ShellSshSupport.label(runner) + " (" + ShellSshSupport.executor(runner) + ") logs in"
                            + (user.isEmpty() ? "" : " as " + user) + " with a password written in the file",
                    config.source(), ShellSshSupport.ref(runner), ShellSshSupport.path(runner, "ssh.password"),
                    ShellSshSupport.at(ssh.password(), runner), DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
