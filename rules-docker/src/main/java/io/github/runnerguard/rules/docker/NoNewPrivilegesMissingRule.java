package io.github.runnerguard.rules.docker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.DockerSettings;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;
import org.jspecify.annotations.Nullable;

/**
 * {@code docker.no-new-privileges-missing}: {@code [runners.docker] security_opt} does not turn on
 * {@code no-new-privileges} for build containers.
 *
 * <p>Stateless and thread-safe.
 */
public final class NoNewPrivilegesMissingRule implements SecurityRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.no-new-privileges-missing",
            "Build containers can gain privileges through setuid binaries",
            Severity.LOW,
            TenancySeverity.of(null, Severity.LOW, Severity.LOW),
            "Missing hardening: not reported for a dedicated runner, low when the runner is shared.",
            "Without no-new-privileges a process in a job container can gain privileges through setuid and setgid "
                    + "binaries such as sudo, which GitLab's guidance asks to disable. The option is on when "
                    + "security_opt holds no-new-privileges, no-new-privileges=true or no-new-privileges:true. A "
                    + "Docker "
                    + "daemon started with no-new-privileges in daemon.json sets it for every container, which "
                    + "config.toml does not show. Not reported for docker-windows, where it is a Linux-only "
                    + "mechanism.",
            "Turn it on for build containers:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  security_opt = [\"no-new-privileges=true\"]\n",
            URI.create("https://docs.gitlab.com/runner/security/#usage-of-docker-executor"),
            List.of("Security for self-managed runners: Usage of Docker executor (https://docs.gitlab.com/runner/"
                            + "security/#usage-of-docker-executor)",
                    "CIS Docker Benchmark v1.6.0 5.26",
                    "CWE-269: Improper Privilege Management"),
            List.of("docker", "hardening"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public NoNewPrivilegesMissingRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            if (!DockerRules.applies(config, runner) || DockerRules.windows(runner)) {
                continue;
            }
            Optional<Severity> severity = DockerRules.severity(DESCRIPTOR, runner, context);
            if (severity.isEmpty()) {
                continue;
            }
            DockerSettings docker = runner.docker();
            List<DockerRules.Element> options = DockerRules.elements(runner, docker.raw(), "docker", "security_opt",
                    docker.securityOpt());
            if (options.stream().anyMatch(o -> SecurityOpts.enablesNoNewPrivileges(o.value()))) {
                continue;
            }
            Optional<DockerRules.Element> off = options.stream()
                    .filter(o -> SecurityOpts.disablesNoNewPrivileges(o.value())).findFirst();
            String keyPath;
            @Nullable Position position;
            String cause;
            if (off.isPresent()) {
                keyPath = off.get().keyPath();
                position = off.get().position();
                cause = "security_opt entry \"" + off.get().value() + "\" turns it off";
            } else {
                keyPath = DockerRules.dockerPath(runner, "security_opt");
                position = DockerRules.at(docker.securityOpt(), runner);
                cause = docker.securityOpt().isSet() ? "security_opt does not include it" : "security_opt is unset";
            }
            String message = DockerRules.label(runner) + " does not set no-new-privileges for build containers ("
                    + cause + "): setuid binaries such as sudo can still raise a job's privileges, unless the Docker "
                    + "daemon sets it for every container.";
            findings.add(DockerRules.finding(DESCRIPTOR, severity.get(), config, runner, keyPath, position, message,
                    DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
