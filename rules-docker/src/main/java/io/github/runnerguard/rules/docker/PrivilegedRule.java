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
 * {@code docker.privileged}: {@code [runners.docker] privileged = true}, which gives job containers every capability
 * and device of the host.
 *
 * <p>Stateless and thread-safe.
 */
public final class PrivilegedRule implements SecurityRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.privileged",
            "Job containers run in privileged mode",
            Severity.CRITICAL,
            TenancySeverity.of(Severity.HIGH, Severity.CRITICAL, Severity.CRITICAL),
            "A privileged job can take over the host its container runs on: on a dedicated runner that host serves one "
                    + "trusted project (high), on a shared or multi-tenant runner it serves everyone's jobs "
                    + "(critical). "
                    + "One level lower when allowed_privileged_images limits which images run privileged.",
            "With privileged = true gitlab-runner starts job containers with Docker's --privileged flag: every "
                    + "capability, every host device, no seccomp or AppArmor confinement. A job can gain full root "
                    + "access to the runner's host or autoscaled VM, mount its disks and break out of the container, "
                    + "and the job chooses the image. Not reported for docker-windows, whose Docker daemon refuses "
                    + "privileged containers (\"Windows does not support privileged mode\").",
            "Turn privileged mode off. If jobs build images, give privilege only to a rootless Docker-in-Docker "
                    + "service, on VMs that each run one job:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  privileged = false\n"
                    + "  services_privileged = true\n"
                    + "  allowed_privileged_services = [\"docker.io/library/docker:*-dind-rootless\", "
                    + "\"docker:*-dind-rootless\"]\n",
            URI.create("https://docs.gitlab.com/runner/security/#usage-of-docker-executor"),
            List.of("Security for self-managed runners: Usage of Docker executor (https://docs.gitlab.com/runner/"
                            + "security/#usage-of-docker-executor)",
                    "Security for self-managed runners: Reduce the security risk of using privileged containers "
                            + "(https://docs.gitlab.com/runner/security/"
                            + "#reduce-the-security-risk-of-using-privileged-containers)",
                    "CIS Docker Benchmark v1.6.0 5.5",
                    "CWE-250: Execution with Unnecessary Privileges"),
            List.of("docker", "privileged", "container-escape"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public PrivilegedRule() {
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
            DockerSettings docker = runner.docker();
            if (!Privilege.buildContainers(docker)) {
                continue;
            }
            Optional<Severity> base = DockerRules.severity(DESCRIPTOR, runner, context);
            if (base.isEmpty()) {
                continue;
            }
            List<String> allowList = docker.allowedPrivilegedImages().orElse(List.of());
            Severity severity = ImagePatterns.restricts(allowList) ? base.get().lower() : base.get();
            String message = DockerRules.label(runner) + " runs "
                    + Privilege.whichImages(allowList, "allowed_privileged_images", "job image")
                    + " in privileged mode (privileged = true): such a job can become root on "
                    + host(runner) + "." + reuseSentence(runner);
            findings.add(DockerRules.finding(DESCRIPTOR, severity, config, runner,
                    DockerRules.dockerPath(runner, "privileged"), docker.privileged().position(), message,
                    DESCRIPTOR.remediation()));
        }
        return findings;
    }

    /** What a container escape on this runner reaches. */
    static String host(Runner runner) {
        return switch (DockerRules.executor(runner)) {
            case "docker+machine" -> "the autoscaled VM it runs on";
            case "docker-autoscaler" -> "the autoscaled instance it runs on";
            default -> "the runner's Docker host";
        };
    }

    /**
     * The sentence that ties privileged containers to VM reuse, shared by {@code docker.privileged} and
     * {@code docker.services-privileged}: privileged mode is acceptable only on single-use VMs.
     */
    static String reuseSentence(Runner runner) {
        List<VmReuse.Reuse> reuses = VmReuse.of(runner);
        if (!reuses.isEmpty()) {
            return " The VMs are also reused (" + VmReuse.settings(reuses) + "; see docker.autoscaled-vm-reused), "
                    + "so a job that takes over a VM can tamper with the jobs that run there after it: keep "
                    + "privileged mode to VMs that each run a single job.";
        }
        Optional<String> singleUse = VmReuse.singleUse(runner);
        if (singleUse.isPresent()) {
            return " The VMs are single-use (" + singleUse.get() + "), which confines a takeover to the job's own "
                    + "VM.";
        }
        return " On a static host every later job runs on that host: keep privileged mode to isolated VMs that "
                + "each run a single job.";
    }
}
