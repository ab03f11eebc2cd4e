package io.github.runnerguard.rules.shellssh;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.AutoscalerSettings;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.config.Value;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code vm.instance-reused}: a runner with the instance executor lets one autoscaled instance run more than one job:
 * {@code [runners.autoscaler] max_use_count} is not 1 (0 or unset means unlimited), or {@code capacity_per_instance}
 * is greater than 1 (jobs run side by side).
 *
 * <p>The instance executor runs jobs directly on the instance, so jobs on one instance share it. Not reported when
 * {@code [runners.autoscaler.vm_isolation] enabled = true}: each job then runs in its own nested VM (instance.md:
 * "Jobs executed in this environment do not need to be trusted"), nor when the runner has no
 * {@code [runners.autoscaler]} section (no instances at all). Stateless and thread-safe.
 */
public final class VmInstanceReusedRule implements SecurityRule {

    private static final String REMEDIATION = "Give each job a fresh instance that nothing else runs on:\n"
            + "\n"
            + "  [runners.autoscaler]\n"
            + "    capacity_per_instance = 1\n"
            + "    max_use_count = 1\n"
            + "\n"
            + "or, on macOS hosts with nesting, isolate each job in its own VM:\n"
            + "\n"
            + "  [runners.autoscaler.vm_isolation]\n"
            + "    enabled = true\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "vm.instance-reused",
            "Autoscaled instance runs more than one job",
            Severity.HIGH,
            TenancySeverity.of(null, Severity.HIGH, Severity.CRITICAL),
            "No finding on a runner dedicated to one trusted project; high when several projects share the "
                    + "instances; critical when other organisations' jobs do.",
            "The instance executor runs job scripts directly on the autoscaled VM. When an instance serves several "
                    + "jobs, one after another or side by side, a job can read what another project left or is "
                    + "doing there and plant code that runs in later jobs; GitLab says such jobs \"should be "
                    + "trusted as there is little isolation between them\".",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/executors/instance/"),
            List.of("Security for self-managed runners: the risk is more acute for non-ephemeral runners used for "
                            + "multiple projects (https://docs.gitlab.com/runner/security/)",
                    "Instance executor: Five jobs per instance with unlimited uses, little isolation with a capacity "
                            + "above 1 or an unlimited use count (https://docs.gitlab.com/runner/executors/instance/"
                            + "#five-jobs-per-instance-with-unlimited-uses)",
                    "Docker Autoscaler executor: Example: AWS autoscaling for 1 job per instance, capacity and use "
                            + "count 1 give each job a secure ephemeral instance (https://docs.gitlab.com/runner/"
                            + "executors/docker_autoscaler/#example-aws-autoscaling-for-1-job-per-instance)",
                    "CWE-653: Improper Isolation or Compartmentalization"),
            List.of("vm", "instance", "isolation", "autoscaler"),
            List.of(),
            ShellSshSupport.SINCE);

    /** Creates the rule. */
    public VmInstanceReusedRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            AutoscalerSettings autoscaler = runner.autoscaler();
            if (!ShellSshSupport.executor(runner).equals("instance") || !autoscaler.present()
                    || vmIsolationEnabled(autoscaler.raw())) {
                continue;
            }
            Value<Long> maxUse = autoscaler.maxUseCount();
            Value<Long> capacity = autoscaler.capacityPerInstance();
            long uses = maxUse.orElse(0L);
            long perInstance = capacity.orElse(1L);
            boolean reused = uses != 1;
            boolean shared = perInstance > 1;
            if (!reused && !shared) {
                continue;
            }
            Optional<Severity> severity = ShellSshSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            if (reused) {
                reasons.add(uses <= 0
                        ? (maxUse.isSet() ? "max_use_count = " + uses : "max_use_count is not set")
                                + " (each instance serves jobs until it is removed)"
                        : "max_use_count = " + uses + " (each instance serves " + uses + " jobs)");
            }
            if (shared) {
                reasons.add("capacity_per_instance = " + perInstance + " (jobs run side by side)");
            }
            Value<Long> cause = reused ? maxUse : capacity;
            String key = reused ? "autoscaler.max_use_count" : "autoscaler.capacity_per_instance";
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                    ShellSshSupport.label(runner) + " runs several jobs on one instance: " + String.join("; ", reasons),
                    config.source(), ShellSshSupport.ref(runner), ShellSshSupport.path(runner, key),
                    ShellSshSupport.at(cause, runner), DESCRIPTOR.remediation()));
        }
        return findings;
    }

    private static boolean vmIsolationEnabled(ConfigTable autoscaler) {
        return autoscaler.fieldValue("vm_isolation")
                .filter(ConfigTable.class::isInstance)
                .flatMap(table -> ((ConfigTable) table).fieldValue("enabled"))
                .filter(node -> node instanceof ConfigScalar scalar && Boolean.TRUE.equals(scalar.value()))
                .isPresent();
    }
}
