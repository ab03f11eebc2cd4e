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
 * {@code docker.sensitive-host-mount}: a {@code [runners.docker] volumes} entry binds a sensitive host path
 * ({@code /etc}, {@code /root}, {@code /home}, {@code /proc}, {@code /var/lib/docker}, ...) into job containers.
 *
 * <p>Stateless and thread-safe.
 */
public final class SensitiveHostMountRule implements SecurityRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.sensitive-host-mount",
            "A sensitive host path is mounted into jobs",
            Severity.HIGH,
            TenancySeverity.of(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL),
            "What a job can read or change on the host matters more the more projects (high) or organisations "
                    + "(critical) share the runner. One level lower when the mount is read-only (:ro).",
            "gitlab-runner binds every host path in volumes into each job's build and service containers. A "
                    + "sensitive path (/, /etc with the runner's own config.toml and tokens, /root, /home, /boot, "
                    + "/dev, /proc, /sys, /usr, /lib, /bin, /sbin, /var/lib/docker, /var/lib/containerd, "
                    + "/var/lib/kubelet, /run, anything under them or a directory above them; on Windows a drive "
                    + "root, C:\\Windows, C:\\Users, C:\\ProgramData\\docker or C:\\GitLab-Runner) lets jobs read "
                    + "the host's secrets or, read-write, change the host. Anonymous volumes (/cache) and named "
                    + "volumes (name:/path) are not host paths and are not reported; engine sockets and the "
                    + "directories holding them are reported by docker.socket-mount instead.",
            "Mount only a directory made for jobs, read-only unless jobs must write to it:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  volumes = [\"/cache\", \"/srv/ci-shared:/shared:ro\"]\n",
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                    + "#volumes-in-the-runnersdocker-section"),
            List.of("Security for self-managed runners: Secure the runner host (https://docs.gitlab.com/runner/"
                            + "security/#secure-the-runner-host)",
                    "CIS Docker Benchmark v1.6.0 5.6",
                    "CWE-668: Exposure of Resource to Wrong Sphere"),
            List.of("docker", "volumes", "host-path"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public SensitiveHostMountRule() {
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
            Optional<Severity> base = DockerRules.severity(DESCRIPTOR, runner, context);
            if (base.isEmpty()) {
                continue;
            }
            boolean windows = DockerRules.windows(runner);
            DockerSettings docker = runner.docker();
            for (DockerRules.Element element : DockerRules.elements(runner, docker.raw(), "docker", "volumes",
                    docker.volumes())) {
                Optional<VolumeSpec> volume = VolumeSpec.parse(element.value(), windows);
                Optional<HostPaths.Exposure> exposure = volume.flatMap(v -> HostPaths.sensitive(v, windows));
                if (exposure.isEmpty()) {
                    continue;
                }
                boolean readOnly = volume.get().readOnly();
                String message = DockerRules.label(runner) + " mounts " + exposure.get().what()
                        + (readOnly ? " read-only" : " read-write") + " into every job and service container "
                        + "(volumes entry \"" + element.value() + "\"): "
                        + (readOnly ? "any job can read it." : "any job can read and change it.");
                findings.add(DockerRules.finding(DESCRIPTOR, readOnly ? base.get().lower() : base.get(), config,
                        runner, element.keyPath(), element.position(), message, DESCRIPTOR.remediation()));
            }
        }
        return findings;
    }
}
