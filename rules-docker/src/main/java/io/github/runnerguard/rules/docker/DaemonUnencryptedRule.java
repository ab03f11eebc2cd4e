package io.github.runnerguard.rules.docker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import io.github.runnerguard.config.DockerSettings;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code docker.daemon-unencrypted}: {@code [runners.docker] host} is a {@code tcp://} (or {@code http://}) address
 * and {@code tls_verify} is not true, so the runner speaks to the Docker API in clear text without authentication.
 *
 * <p>gitlab-runner ({@code helpers/docker/options.go}) sets up TLS only when {@code tls_verify} is true. The
 * docker+machine executor is not checked: it replaces {@code host} and the TLS settings with the credentials
 * docker-machine issues for each VM.
 *
 * <p>Stateless and thread-safe.
 */
public final class DaemonUnencryptedRule implements SecurityRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.daemon-unencrypted",
            "The Docker daemon is reached over TCP without TLS",
            Severity.HIGH,
            TenancySeverity.always(Severity.HIGH),
            "High whatever the tenancy: the exposure is to whoever can reach the daemon's port, not to the jobs.",
            "With host = \"tcp://...\" and tls_verify unset or false, gitlab-runner talks to the Docker daemon in "
                    + "plain HTTP. A daemon that accepts that listens without TLS client authentication: anyone who "
                    + "can reach the port, a job container through the bridge gateway included, controls the daemon "
                    + "and so the host, and registry credentials cross the network in clear text. Not checked for "
                    + "docker+machine, which uses docker-machine's TLS credentials for each VM.",
            "Use the local socket, or require mutual TLS on the TCP endpoint:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  host = \"tcp://docker.example.com:2376\"\n"
                    + "  tls_verify = true\n"
                    + "  tls_cert_path = \"/etc/gitlab-runner/docker-certs\"  # ca.pem, cert.pem, key.pem\n",
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                    + "#the-runnersdocker-section"),
            List.of("Security for self-managed runners: Secure the runner host (https://docs.gitlab.com/runner/"
                            + "security/#secure-the-runner-host)",
                    "CWE-306: Missing Authentication for Critical Function",
                    "CWE-319: Cleartext Transmission of Sensitive Information"),
            List.of("docker", "daemon", "tls", "network"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public DaemonUnencryptedRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            if (!DockerRules.applies(config, runner) || DockerRules.executor(runner).equals("docker+machine")) {
                continue;
            }
            DockerSettings docker = runner.docker();
            String host = docker.host().orElse("");
            String lower = host.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("tcp://") || lower.startsWith("http://")) || docker.tlsVerify().orElse(false)) {
                continue;
            }
            Optional<Severity> severity = DockerRules.severity(DESCRIPTOR, runner, context);
            if (severity.isEmpty()) {
                continue;
            }
            String message = DockerRules.label(runner) + " reaches the Docker daemon at " + withoutUserInfo(host)
                    + " without TLS (tls_verify is " + (docker.tlsVerify().isSet() ? "false" : "unset") + ")"
                    + (DockerRules.executor(runner).equals("docker-autoscaler")
                    ? " through the instance connection; the daemon still listens on TCP without TLS on the instance"
                    : "")
                    + ": whoever can reach that port controls the daemon and its host.";
            findings.add(DockerRules.finding(DESCRIPTOR, severity.get(), config, runner,
                    DockerRules.dockerPath(runner, "host"), docker.host().position(), message,
                    DESCRIPTOR.remediation()));
        }
        return findings;
    }

    /** The address without a {@code user:password@} part, which messages must not repeat. */
    static String withoutUserInfo(String host) {
        int scheme = host.indexOf("://");
        int at = host.lastIndexOf('@');
        int slash = host.indexOf('/', scheme + 3);
        if (scheme < 0 || at < scheme || slash >= 0 && at > slash) {
            return host;
        }
        return host.substring(0, scheme + 3) + host.substring(at + 1);
    }
}
