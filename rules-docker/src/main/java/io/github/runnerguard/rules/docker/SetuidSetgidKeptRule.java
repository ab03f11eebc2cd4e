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
 * {@code docker.setuid-setgid-kept}: build containers keep the {@code SETUID} or {@code SETGID} capability, because
 * {@code cap_drop} drops neither {@code ALL} nor both, {@code cap_add} adds one back, or the container is privileged.
 *
 * <p>Stateless and thread-safe.
 */
public final class SetuidSetgidKeptRule implements SecurityRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.setuid-setgid-kept",
            "Build containers keep the SETUID and SETGID capabilities",
            Severity.LOW,
            TenancySeverity.of(null, Severity.LOW, Severity.MEDIUM),
            "Missing hardening rather than an open door: not reported for a dedicated runner, low on a shared one, "
                    + "medium when several organisations share it.",
            "GitLab's guidance for the Docker executor is to run jobs as a non-root user with sudo disabled or the "
                    + "SETUID and SETGID capabilities dropped. Docker keeps both by default, so a setuid binary such "
                    + "as sudo or su in the job image can still take a non-root job to root inside the container, one "
                    + "step closer to the host. The effective set follows Docker: cap_drop = [\"ALL\"] keeps only "
                    + "cap_add, cap_add wins over cap_drop otherwise, and a privileged container keeps everything. Not "
                    + "reported for docker-windows: Windows containers have no Linux capabilities.",
            "Drop both capabilities (or drop ALL and add back only what jobs need):\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  cap_drop = [\"SETUID\", \"SETGID\"]\n",
            URI.create("https://docs.gitlab.com/runner/security/#usage-of-docker-executor"),
            List.of("Security for self-managed runners: Usage of Docker executor (https://docs.gitlab.com/runner/"
                            + "security/#usage-of-docker-executor)",
                    "CIS Docker Benchmark v1.6.0 5.4",
                    "CWE-250: Execution with Unnecessary Privileges"),
            List.of("docker", "capabilities", "hardening"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public SetuidSetgidKeptRule() {
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
            List<String> add = docker.capAdd().orElse(List.of());
            List<String> drop = docker.capDrop().orElse(List.of());
            boolean privileged = Privilege.buildContainers(docker);
            List<String> kept = new ArrayList<>();
            for (String capability : List.of("SETUID", "SETGID")) {
                if (Capabilities.kept(capability, add, drop, privileged)) {
                    kept.add(capability);
                }
            }
            if (kept.isEmpty()) {
                continue;
            }
            String keyPath;
            @Nullable Position position;
            String cause;
            if (privileged) {
                keyPath = DockerRules.dockerPath(runner, "privileged");
                position = docker.privileged().position();
                cause = "privileged = true grants every capability, whatever cap_drop says";
            } else if (kept.stream().anyMatch(c -> Capabilities.contains(add, c))
                    || Capabilities.contains(add, Capabilities.ALL)) {
                keyPath = DockerRules.dockerPath(runner, "cap_add");
                position = docker.capAdd().position();
                cause = "cap_add = " + DockerRules.toml(add) + " adds it back";
            } else if (docker.capDrop().isSet()) {
                keyPath = DockerRules.dockerPath(runner, "cap_drop");
                position = docker.capDrop().position();
                cause = "cap_drop = " + DockerRules.toml(drop) + " drops neither ALL nor both";
            } else {
                keyPath = DockerRules.dockerPath(runner, "cap_drop");
                position = runner.position();
                cause = "cap_drop is unset";
            }
            String message = DockerRules.label(runner) + " keeps " + String.join(" and ", kept)
                    + " in build containers (" + cause + "): a setuid binary such as sudo or su can take a non-root "
                    + "job to root.";
            findings.add(DockerRules.finding(DESCRIPTOR, severity.get(), config, runner, keyPath, position, message,
                    DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
