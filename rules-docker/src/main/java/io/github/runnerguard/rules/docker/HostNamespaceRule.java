package io.github.runnerguard.rules.docker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.DockerSettings;
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
 * {@code docker.host-namespace}: {@code network_mode}, {@code pid_mode}, {@code ipcmode} or {@code userns_mode} is
 * {@code host}, so job containers share that namespace with the host.
 *
 * <p>Stateless and thread-safe.
 */
public final class HostNamespaceRule implements SecurityRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.host-namespace",
            "Job containers share a namespace with the host",
            Severity.HIGH,
            TenancySeverity.of(Severity.HIGH, Severity.HIGH, Severity.CRITICAL),
            "Sharing a namespace with the host breaks isolation even for one trusted project's jobs (high); "
                    + "critical when several organisations share the runner.",
            "network_mode = \"host\" gives jobs and services the host's network stack (services bound to the "
                    + "host's localhost, host ports); pid_mode = \"host\" lets the build container see and signal "
                    + "the host's processes, which GitLab calls a breach of isolation with serious security "
                    + "implications; ipcmode = \"host\" shares the host's IPC and shared memory; userns_mode = "
                    + "\"host\" takes containers out of the daemon's user-namespace remapping, so root in a job is "
                    + "root on the host. The values are compared exactly, as Docker does.",
            "Leave the namespace modes unset; for a network per job use the feature flag instead of network_mode:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  # no network_mode, pid_mode, ipcmode or userns_mode\n"
                    + "[runners.feature_flags]\n"
                    + "  FF_NETWORK_PER_BUILD = true\n",
            URI.create("https://docs.gitlab.com/runner/executors/docker/#pid-mode"),
            List.of("Security for self-managed runners: Usage of Docker executor (https://docs.gitlab.com/runner/"
                            + "security/#usage-of-docker-executor)",
                    "CIS Docker Benchmark v1.6.0 5.10",
                    "CIS Docker Benchmark v1.6.0 5.16",
                    "CIS Docker Benchmark v1.6.0 5.17",
                    "CIS Docker Benchmark v1.6.0 5.31",
                    "CWE-668: Exposure of Resource to Wrong Sphere"),
            List.of("docker", "namespaces", "isolation"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public HostNamespaceRule() {
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
            check(findings, config, runner, severity.get(), "network_mode", docker.networkMode(),
                    "jobs and services use the host's network stack: they reach services listening on the host's "
                            + "localhost and can bind the host's ports");
            check(findings, config, runner, severity.get(), "pid_mode", docker.pidMode(),
                    "the build container sees the host's processes and can signal and inspect them");
            check(findings, config, runner, severity.get(), "ipcmode", docker.ipcmode(),
                    "the build container shares the host's IPC objects and shared memory");
            check(findings, config, runner, severity.get(), "userns_mode", docker.usernsMode(),
                    "containers leave the daemon's user-namespace remapping, so root in a job is root on the host");
        }
        return findings;
    }

    private static void check(List<Finding> findings, RunnerConfig config, Runner runner, Severity severity,
                              String key, Value<String> value, String effect) {
        if (!value.orElse("").equals("host")) {
            return;
        }
        String message = DockerRules.label(runner) + " sets " + key + " = \"host\": " + effect + ".";
        findings.add(DockerRules.finding(DESCRIPTOR, severity, config, runner, DockerRules.dockerPath(runner, key),
                DockerRules.at(value, runner), message, DESCRIPTOR.remediation()));
    }
}
