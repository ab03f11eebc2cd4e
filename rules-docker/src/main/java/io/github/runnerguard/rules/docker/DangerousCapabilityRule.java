package io.github.runnerguard.rules.docker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@code docker.dangerous-capability}: {@code [runners.docker] cap_add} grants build containers a capability that
 * opens a way out of the container ({@code ALL}, {@code SYS_ADMIN}, {@code SYS_PTRACE}, ...).
 *
 * <p>Stateless and thread-safe.
 */
public final class DangerousCapabilityRule implements SecurityRule {

    /** The capabilities this rule reports, with what each lets a job do. */
    static final Map<String, String> DANGEROUS = Map.ofEntries(
            Map.entry("ALL", "every capability, close to privileged mode"),
            Map.entry("SYS_ADMIN", "mounting file systems and most kernel administration, the classic container "
                    + "escape"),
            Map.entry("SYS_PTRACE", "tracing and injecting code into processes it can see"),
            Map.entry("SYS_MODULE", "loading modules into the host's kernel"),
            Map.entry("SYS_RAWIO", "raw access to I/O ports and memory"),
            Map.entry("SYS_BOOT", "rebooting the host"),
            Map.entry("NET_ADMIN", "reconfiguring the network to sniff or redirect other containers' traffic"),
            Map.entry("DAC_READ_SEARCH", "bypassing read permission checks and opening host files by handle "
                    + "(the \"shocker\" escape)"),
            Map.entry("BPF", "loading eBPF programs into the host's kernel"),
            Map.entry("PERFMON", "kernel performance monitoring and eBPF tracing of the host"),
            Map.entry("MAC_ADMIN", "changing the AppArmor or SELinux policy"),
            Map.entry("MAC_OVERRIDE", "bypassing AppArmor or SELinux"),
            Map.entry("SYSLOG", "reading the kernel log and kernel addresses"));

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.dangerous-capability",
            "Build containers get a dangerous Linux capability",
            Severity.HIGH,
            TenancySeverity.of(Severity.HIGH, Severity.HIGH, Severity.CRITICAL),
            "These capabilities open a way to the host even for one trusted project's jobs (high); critical when "
                    + "several organisations share the runner.",
            "cap_add gives every build container extra Linux capabilities. ALL, SYS_ADMIN, SYS_PTRACE, SYS_MODULE, "
                    + "SYS_RAWIO, SYS_BOOT, NET_ADMIN, DAC_READ_SEARCH, BPF, PERFMON, MAC_ADMIN, MAC_OVERRIDE and "
                    + "SYSLOG (any case, with or without CAP_) each let a job reach past the container into the host's "
                    + "kernel, files, processes or network. Not reported for docker-windows: Windows containers have "
                    + "no Linux capabilities.",
            "Remove the capability; start from none and add back only what jobs need:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  cap_drop = [\"ALL\"]\n"
                    + "  cap_add = [\"CHOWN\", \"DAC_OVERRIDE\", \"FOWNER\"]\n",
            URI.create("https://docs.gitlab.com/runner/security/#usage-of-docker-executor"),
            List.of("Security for self-managed runners: Usage of Docker executor (https://docs.gitlab.com/runner/"
                            + "security/#usage-of-docker-executor)",
                    "CIS Docker Benchmark v1.6.0 5.4",
                    "CWE-250: Execution with Unnecessary Privileges"),
            List.of("docker", "capabilities", "container-escape"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public DangerousCapabilityRule() {
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
            for (DockerRules.Element element : DockerRules.elements(runner, docker.raw(), "docker", "cap_add",
                    docker.capAdd())) {
                String capability = Capabilities.normalize(element.value());
                String effect = DANGEROUS.get(capability);
                if (effect == null) {
                    continue;
                }
                String message = DockerRules.label(runner) + " adds the capability " + element.value()
                        + " to every build container (cap_add): " + effect + ".";
                findings.add(DockerRules.finding(DESCRIPTOR, severity.get(), config, runner, element.keyPath(),
                        element.position(), message, DESCRIPTOR.remediation()));
            }
        }
        return findings;
    }
}
