package io.github.runnerguard.rules.docker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
 * {@code docker.socket-mount}: a {@code [runners.docker] volumes} entry binds a container-engine socket of the host
 * (or a directory that holds one, or a Windows named pipe) into job containers.
 *
 * <p>Stateless and thread-safe.
 */
public final class SocketMountRule implements SecurityRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.socket-mount",
            "A container engine socket of the host is mounted into jobs",
            Severity.CRITICAL,
            TenancySeverity.always(Severity.CRITICAL),
            "Critical whatever the tenancy: the socket gives every job root on the host, and through it every other "
                    + "job and secret there.",
            "A volumes entry that binds docker.sock, podman.sock, containerd.sock, crio.sock, another *.sock under "
                    + "/run or /var/run, a directory that holds one (/, /var, /run, /var/run, ...) or a Windows named "
                    + "pipe such as \\\\.\\pipe\\docker_engine hands the host's container engine to every job and "
                    + "service. A job can then start a privileged container that mounts the host's root file system. "
                    + "A :ro mount does not help: a socket stays usable on a read-only mount.",
            "Remove the socket from volumes. To build images, use Docker-in-Docker as a (rootless) service or a "
                    + "daemonless builder such as BuildKit rootless, Buildah or Kaniko:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  volumes = [\"/cache\"]\n",
            URI.create("https://docs.gitlab.com/runner/executors/docker/#use-podman-to-run-docker-commands"),
            List.of("Security for self-managed runners: Usage of Docker executor (https://docs.gitlab.com/runner/"
                            + "security/#usage-of-docker-executor)",
                    "CIS Docker Benchmark v1.6.0 5.32",
                    "CWE-668: Exposure of Resource to Wrong Sphere"),
            List.of("docker", "volumes", "socket", "container-escape"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public SocketMountRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            if (!DockerRules.applies(config, runner)) {
                continue;
            }
            Optional<Severity> severity = DockerRules.severity(DESCRIPTOR, runner, context);
            if (severity.isEmpty()) {
                continue;
            }
            boolean windows = DockerRules.windows(runner);
            DockerSettings docker = runner.docker();
            for (DockerRules.Element element : DockerRules.elements(runner, docker.raw(), "docker", "volumes",
                    docker.volumes())) {
                Optional<VolumeSpec> volume = VolumeSpec.parse(element.value(), windows);
                Optional<HostPaths.Exposure> exposure = volume.flatMap(v -> HostPaths.socket(v, windows));
                if (exposure.isEmpty()) {
                    continue;
                }
                String message = DockerRules.label(runner) + " mounts " + exposure.get().what()
                        + " into every job and service container (volumes entry \"" + element.value() + "\")"
                        + (volume.get().readOnly() ? "; :ro does not help, a socket stays usable read-only" : "")
                        + ": any job can drive the container engine, start a privileged container and become root "
                        + "on " + PrivilegedRule.host(runner) + ".";
                findings.add(DockerRules.finding(DESCRIPTOR, severity.get(), config, runner, element.keyPath(),
                        element.position(), message, DESCRIPTOR.remediation()));
            }
        }
        return findings;
    }
}
