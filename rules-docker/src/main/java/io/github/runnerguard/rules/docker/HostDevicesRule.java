package io.github.runnerguard.rules.docker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigTable;
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
 * {@code docker.host-devices}: {@code devices}, {@code services_devices} or {@code device_cgroup_rules} give job
 * containers host devices; high when a rule grants every device or every image gets the service devices.
 *
 * <p>Stateless and thread-safe.
 */
public final class HostDevicesRule implements SecurityRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.host-devices",
            "Host devices are passed to job containers",
            Severity.MEDIUM,
            TenancySeverity.of(Severity.LOW, Severity.MEDIUM, Severity.HIGH),
            "A device is a piece of the host a job can use or misuse: low for one trusted project, medium when "
                    + "projects share the runner, high for several organisations. High whatever the tenancy when a "
                    + "device cgroup rule grants every device (a *:* rwm) or every block device (b *:* ...), or when a "
                    + "services_devices pattern matches every image.",
            "devices passes host devices to every build container, services_devices to the service images matching "
                    + "each glob, and device_cgroup_rules lets build containers create and use the devices a rule "
                    + "names. GitLab's guidance is to restrict device access to trusted images; a rule for every "
                    + "device or block device reaches the host's disks, and a match-all services_devices pattern "
                    + "(such as \"**\") gives the devices to any image a job names.",
            "Pass only the devices jobs need, to the images that need them:\n"
                    + "\n"
                    + "[runners.docker.services_devices]\n"
                    + "  \"registry.example.com/hw-test/*\" = [\"/dev/bus/usb\"]\n",
            URI.create("https://docs.gitlab.com/runner/executors/docker/#using-host-devices"),
            List.of("Docker executor: Using host devices (https://docs.gitlab.com/runner/executors/docker/"
                            + "#using-host-devices)",
                    "CIS Docker Benchmark v1.6.0 5.18",
                    "CWE-668: Exposure of Resource to Wrong Sphere"),
            List.of("docker", "devices", "isolation"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public HostDevicesRule() {
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
            DockerSettings docker = runner.docker();
            devices(findings, config, runner, severity.get(), docker);
            cgroupRules(findings, config, runner, severity.get(), docker);
            servicesDevices(findings, config, runner, severity.get(), docker);
        }
        return findings;
    }

    private static void devices(List<Finding> findings, RunnerConfig config, Runner runner, Severity severity,
                                DockerSettings docker) {
        List<String> devices = docker.devices().orElse(List.of());
        if (devices.isEmpty()) {
            return;
        }
        String message = DockerRules.label(runner) + " passes the host devices " + DockerRules.toml(devices)
                + " to every build container (devices).";
        findings.add(DockerRules.finding(DESCRIPTOR, severity, config, runner,
                DockerRules.dockerPath(runner, "devices"), DockerRules.at(docker.devices(), runner), message,
                DESCRIPTOR.remediation()));
    }

    private static void cgroupRules(List<Finding> findings, RunnerConfig config, Runner runner, Severity severity,
                                    DockerSettings docker) {
        List<DockerRules.Element> rules = DockerRules.elements(runner, docker.raw(), "docker", "device_cgroup_rules",
                docker.deviceCgroupRules());
        if (rules.isEmpty()) {
            return;
        }
        for (DockerRules.Element rule : rules) {
            Optional<String> all = grantsAll(rule.value());
            if (all.isPresent()) {
                String message = DockerRules.label(runner) + " lets build containers use " + all.get()
                        + " (device_cgroup_rules entry \"" + rule.value() + "\"), the host's disks included.";
                findings.add(DockerRules.finding(DESCRIPTOR, atLeastHigh(severity), config, runner, rule.keyPath(),
                        rule.position(), message, DESCRIPTOR.remediation()));
                return;
            }
        }
        List<String> values = rules.stream().map(DockerRules.Element::value).toList();
        String message = DockerRules.label(runner) + " lets build containers use host devices through "
                + "device_cgroup_rules = " + DockerRules.toml(values) + ".";
        findings.add(DockerRules.finding(DESCRIPTOR, severity, config, runner,
                DockerRules.dockerPath(runner, "device_cgroup_rules"),
                DockerRules.at(docker.deviceCgroupRules(), runner), message, DESCRIPTOR.remediation()));
    }

    private static void servicesDevices(List<Finding> findings, RunnerConfig config, Runner runner,
                                        Severity severity, DockerSettings docker) {
        Optional<ConfigEntry> entry = docker.raw().field("services_devices");
        if (entry.isEmpty() || !(entry.get().value() instanceof ConfigTable table) || table.entries().isEmpty()) {
            return;
        }
        String keyPath = DockerRules.dockerPath(runner, "services_devices");
        for (ConfigEntry pattern : table.entries()) {
            if (ImagePatterns.matchesEverything(pattern.key())) {
                String message = DockerRules.label(runner) + " passes host devices to every service image a job "
                        + "names (services_devices pattern \"" + pattern.key() + "\").";
                findings.add(DockerRules.finding(DESCRIPTOR, atLeastHigh(severity), config, runner,
                        pattern.value().path().isEmpty() ? keyPath : pattern.value().path(),
                        pattern.position() != null ? pattern.position() : entry.get().position(), message,
                        DESCRIPTOR.remediation()));
                return;
            }
        }
        List<String> patterns = table.entries().stream().map(ConfigEntry::key).toList();
        String message = DockerRules.label(runner) + " passes host devices to the service images matching "
                + DockerRules.toml(patterns) + " (services_devices).";
        findings.add(DockerRules.finding(DESCRIPTOR, severity, config, runner, keyPath, entry.get().position(),
                message, DESCRIPTOR.remediation()));
    }

    /**
     * What a device cgroup rule ({@code type major:minor access}) grants when it grants every device ({@code a *:*})
     * or every block device ({@code b *:*}).
     */
    static Optional<String> grantsAll(String rule) {
        String[] parts = rule.trim().split("\\s+");
        if (parts.length < 2) {
            return Optional.empty();
        }
        String type = parts[0];
        String major = parts[1].split(":", 2)[0];
        if (!major.equals("*")) {
            return Optional.empty();
        }
        return switch (type) {
            case "a" -> Optional.of("every host device");
            case "b" -> Optional.of("every host block device");
            default -> Optional.empty();
        };
    }

    private static Severity atLeastHigh(Severity severity) {
        return severity.atLeast(Severity.HIGH) ? severity : Severity.HIGH;
    }
}
