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
 * {@code docker.services-privileged}: service containers run privileged ({@code services_privileged = true}, or unset
 * while {@code privileged = true}) for every service image, because {@code allowed_privileged_services} does not
 * restrict them.
 *
 * <p>Stateless and thread-safe.
 */
public final class ServicesPrivilegedRule implements SecurityRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.services-privileged",
            "Every service image may run privileged",
            Severity.HIGH,
            TenancySeverity.of(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL),
            "Any job can name a service image and get it started privileged: tolerable for one trusted project "
                    + "(medium), a host takeover risk once several projects (high) or organisations (critical) share "
                    + "the runner.",
            "Services run privileged when services_privileged is true, or when it is unset and privileged is true "
                    + "(it inherits). Without allowed_privileged_services every service image a job names gets "
                    + "Docker's "
                    + "--privileged flag, and a privileged service can take over the host as easily as a privileged "
                    + "build container. Not reported for docker-windows, whose Docker daemon refuses privileged "
                    + "containers.",
            "Give privilege only to the service images that need it, such as rootless Docker-in-Docker, or turn it "
                    + "off:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  services_privileged = true\n"
                    + "  allowed_privileged_services = [\"docker.io/library/docker:*-dind-rootless\", "
                    + "\"docker:*-dind-rootless\"]\n",
            URI.create("https://docs.gitlab.com/runner/executors/docker/"
                    + "#use-rootless-docker-in-docker-with-restricted-privileged-mode"),
            List.of("Security for self-managed runners: Reduce the security risk of using privileged containers "
                            + "(https://docs.gitlab.com/runner/security/"
                            + "#reduce-the-security-risk-of-using-privileged-containers)",
                    "CIS Docker Benchmark v1.6.0 5.5",
                    "CWE-250: Execution with Unnecessary Privileges"),
            List.of("docker", "privileged", "services", "container-escape"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public ServicesPrivilegedRule() {
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
            List<String> allowList = docker.allowedPrivilegedServices().orElse(List.of());
            if (!Privilege.servicesFlag(docker) || ImagePatterns.restricts(allowList)) {
                continue;
            }
            Optional<Severity> severity = DockerRules.severity(DESCRIPTOR, runner, context);
            if (severity.isEmpty()) {
                continue;
            }
            boolean inherited = !docker.servicesPrivileged().isSet();
            String cause = inherited ? "services_privileged is unset, so services inherit privileged = true"
                    : "services_privileged = true";
            String message = DockerRules.label(runner) + " runs "
                    + Privilege.whichImages(allowList, "allowed_privileged_services", "service image")
                    + " privileged (" + cause + "): a job can start any service, docker:dind or its own image, "
                    + "with root on " + PrivilegedRule.host(runner) + "." + PrivilegedRule.reuseSentence(runner);
            findings.add(DockerRules.finding(DESCRIPTOR, severity.get(), config, runner,
                    DockerRules.dockerPath(runner, "services_privileged"),
                    inherited ? docker.privileged().position() : docker.servicesPrivileged().position(),
                    message, DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
