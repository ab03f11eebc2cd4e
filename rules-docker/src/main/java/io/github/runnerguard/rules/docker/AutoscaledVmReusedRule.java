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
 * {@code docker.autoscaled-vm-reused}: an autoscaled VM serves more than one job: docker+machine with
 * {@code MaxBuilds} unset, 0 or above 1; docker-autoscaler with {@code max_use_count} unset, 0 or above 1, or
 * {@code capacity_per_instance} above 1. Worse when jobs run privileged.
 *
 * <p>Stateless and thread-safe.
 */
public final class AutoscaledVmReusedRule implements SecurityRule {

    /** The severities when jobs run privileged, which turns a reused VM into one a job can own. */
    static final TenancySeverity WHEN_PRIVILEGED = TenancySeverity.of(Severity.HIGH, Severity.HIGH,
            Severity.CRITICAL);

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.autoscaled-vm-reused",
            "Autoscaled VMs run more than one job",
            Severity.MEDIUM,
            TenancySeverity.of(null, Severity.MEDIUM, Severity.HIGH),
            "A reused VM carries one job's leftovers into the next: not reported for a dedicated runner, medium "
                    + "when projects share it, high for several organisations. When job or service containers run "
                    + "privileged a job can own the VM, and the severities become high / high / critical.",
            "GitLab strongly recommends MaxBuilds = 1 for docker+machine so that an autoscaled VM, possibly "
                    + "compromised through privileged mode, handles one job only; for docker-autoscaler, "
                    + "capacity_per_instance = 1 and max_use_count = 1 give each job a secure ephemeral instance. "
                    + "MaxBuilds and max_use_count of 0 or unset mean unlimited reuse, and a capacity above 1 runs "
                    + "jobs side by side on one instance.",
            "Give each job its own VM:\n"
                    + "\n"
                    + "[runners.machine]        # docker+machine\n"
                    + "  MaxBuilds = 1\n"
                    + "\n"
                    + "[runners.autoscaler]     # docker-autoscaler\n"
                    + "  capacity_per_instance = 1\n"
                    + "  max_use_count = 1\n",
            URI.create("https://docs.gitlab.com/runner/security/#usage-of-docker-executor"),
            List.of("Security for self-managed runners: Usage of Docker executor, MaxBuilds = 1 for the Docker Machine "
                            + "executor (https://docs.gitlab.com/runner/security/#usage-of-docker-executor)",
                    "Security for self-managed runners: Reduce the security risk of using privileged containers "
                            + "(https://docs.gitlab.com/runner/security/"
                            + "#reduce-the-security-risk-of-using-privileged-containers)",
                    "Docker Autoscaler executor: Example: AWS autoscaling for 1 job per instance, capacity and use "
                            + "count 1 give each job a secure ephemeral instance (https://docs.gitlab.com/runner/"
                            + "executors/docker_autoscaler/#example-aws-autoscaling-for-1-job-per-instance)",
                    "CIS Software Supply Chain Security Guide v1.0 2.2.1: Ensure build workers are single-used",
                    "CWE-668: Exposure of Resource to Wrong Sphere"),
            List.of("docker", "autoscaling", "ephemeral", "multi-project"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public AutoscaledVmReusedRule() {
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
            List<VmReuse.Reuse> reuses = VmReuse.of(runner);
            if (reuses.isEmpty()) {
                continue;
            }
            DockerSettings docker = runner.docker();
            boolean privileged = !DockerRules.windows(runner) && Privilege.any(docker);
            Optional<Severity> severity = (privileged ? WHEN_PRIVILEGED : DESCRIPTOR.tenancy())
                    .forTenancy(context.tenancyOf(runner.name().orElse(null)));
            if (severity.isEmpty()) {
                continue;
            }
            for (VmReuse.Reuse reuse : reuses) {
                String message = DockerRules.label(runner) + " reuses its autoscaled VMs (" + reuse.setting() + "): "
                        + reuse.effect() + (reuse.together()
                        ? ", so jobs running side by side can read and tamper with each other's files and processes."
                        : ", so a job can leave code, files or credentials behind for the jobs after it.")
                        + (privileged ? " Jobs also run privileged (" + privilegeCause(docker)
                        + "), so a job can take over the VM itself: keep privileged mode to "
                        + "VMs that each run a single job." : "");
                findings.add(DockerRules.finding(DESCRIPTOR, severity.get(), config, runner, reuse.keyPath(),
                        reuse.position(), message, remediation(runner)));
            }
        }
        return findings;
    }

    private static String privilegeCause(DockerSettings docker) {
        if (Privilege.buildContainers(docker)) {
            return "privileged = true; see docker.privileged";
        }
        return (docker.servicesPrivileged().isSet() ? "services_privileged = true"
                : "services inherit privileged = true") + "; see docker.services-privileged";
    }

    private static String remediation(Runner runner) {
        return DockerRules.executor(runner).equals("docker+machine")
                ? "Give each job its own VM:\n\n[runners.machine]\n  MaxBuilds = 1\n"
                : "Give each job its own instance:\n\n[runners.autoscaler]\n  capacity_per_instance = 1\n"
                + "  max_use_count = 1\n";
    }
}
