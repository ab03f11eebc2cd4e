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
 * {@code docker.unconfined-security-opt}: {@code security_opt} or {@code services_security_opt} turns off seccomp,
 * AppArmor or SELinux confinement.
 *
 * <p>Stateless and thread-safe.
 */
public final class UnconfinedSecurityOptRule implements SecurityRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.unconfined-security-opt",
            "Seccomp, AppArmor or SELinux confinement is turned off",
            Severity.HIGH,
            TenancySeverity.of(Severity.HIGH, Severity.HIGH, Severity.CRITICAL),
            "Confinement is what stands between a kernel bug and the host, for one project's jobs too (high); "
                    + "critical when several organisations share the runner.",
            "Docker confines every container with a seccomp system-call filter, an AppArmor profile and SELinux "
                    + "labels. seccomp=unconfined, apparmor=unconfined, label=disable (also with the deprecated "
                    + "\":\" separator, or the bare word disable) and the unconfined SELinux type label=type:spc_t "
                    + "in security_opt (build containers) or services_security_opt (services) turn that off, leaving "
                    + "the host kernel's whole attack surface to the job. systempaths=unconfined is not reported: the "
                    + "Docker API rejects it, so such jobs fail before they start. Not reported for docker-windows, "
                    + "where these are Linux-only mechanisms.",
            "Remove the option and keep Docker's default confinement; if a job needs more, give it a narrower custom "
                    + "profile:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  security_opt = [\"no-new-privileges=true\"]\n",
            URI.create("https://docs.gitlab.com/runner/executors/docker/#troubleshooting-selinux-issues"),
            List.of("Security for self-managed runners: Usage of Docker executor (https://docs.gitlab.com/runner/"
                            + "security/#usage-of-docker-executor)",
                    "CIS Docker Benchmark v1.6.0 5.2",
                    "CIS Docker Benchmark v1.6.0 5.3",
                    "CIS Docker Benchmark v1.6.0 5.22",
                    "CWE-693: Protection Mechanism Failure"),
            List.of("docker", "seccomp", "apparmor", "selinux"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public UnconfinedSecurityOptRule() {
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
            List<DockerRules.Element> build = DockerRules.elements(runner, docker.raw(), "docker", "security_opt",
                    docker.securityOpt());
            List<DockerRules.Element> services = DockerRules.elements(runner, docker.raw(), "docker",
                    "services_security_opt", docker.servicesSecurityOpt());
            report(findings, config, runner, severity.get(), build, "security_opt", "build container");
            report(findings, config, runner, severity.get(), services, "services_security_opt", "service container");
        }
        return findings;
    }

    private static void report(List<Finding> findings, RunnerConfig config, Runner runner, Severity severity,
                               List<DockerRules.Element> elements, String key, String containers) {
        for (DockerRules.Element element : elements) {
            Optional<String> off = SecurityOpts.unconfines(element.value());
            if (off.isPresent()) {
                String message = DockerRules.label(runner) + " turns off " + off.get() + " for every " + containers
                        + " (" + key + " entry \"" + element.value() + "\").";
                findings.add(DockerRules.finding(DESCRIPTOR, severity, config, runner, element.keyPath(),
                        element.position(), message, DESCRIPTOR.remediation()));
            }
        }
    }
}
