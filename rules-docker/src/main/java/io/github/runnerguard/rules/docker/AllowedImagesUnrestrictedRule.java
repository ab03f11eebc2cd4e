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
 * {@code docker.allowed-images-unrestricted}: {@code allowed_images} or {@code allowed_services} is empty (every
 * image allowed) or holds a match-everything pattern, so jobs may run any image from any registry.
 *
 * <p>Stateless and thread-safe.
 */
public final class AllowedImagesUnrestrictedRule implements SecurityRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.allowed-images-unrestricted",
            "Jobs may run any image",
            Severity.LOW,
            TenancySeverity.of(null, Severity.LOW, Severity.MEDIUM),
            "Hardening that matters with untrusted users: not reported for a dedicated runner, low on a shared one, "
                    + "medium when several organisations share it.",
            "allowed_images and allowed_services limit the images .gitlab-ci.yml may name, as doublestar globs. "
                    + "Left empty they allow every image (the same as [\"**\"]), and a pattern made only of *, / and : "
                    + "(such as \"**\" or \"*\") allows every image or every Docker Hub image, so any job can bring "
                    + "tooling from any registry onto the runner's host. One finding per list.",
            "List the registries and images jobs may use:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  allowed_images = [\"registry.example.com/ci/*:*\"]\n"
                    + "  allowed_services = [\"registry.example.com/ci/*:*\", \"docker:*-dind-rootless\"]\n",
            URI.create("https://docs.gitlab.com/runner/executors/docker/#restrict-docker-images-and-services"),
            List.of("Advanced configuration: The `[runners.docker]` section, allowed_images \"If not present, all "
                            + "images are allowed (equivalent to [\"**\"])\" (https://docs.gitlab.com/runner/"
                            + "configuration/advanced-configuration/#the-runnersdocker-section)",
                    "CWE-829: Inclusion of Functionality from Untrusted Control Sphere"),
            List.of("docker", "images", "allow-list"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public AllowedImagesUnrestrictedRule() {
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
            check(findings, config, runner, severity.get(), "allowed_images", docker.allowedImages(), "image");
            check(findings, config, runner, severity.get(), "allowed_services", docker.allowedServices(),
                    "service image");
        }
        return findings;
    }

    private static void check(List<Finding> findings, RunnerConfig config, Runner runner, Severity severity,
                              String key, Value<List<String>> value, String noun) {
        List<DockerRules.Element> elements = DockerRules.elements(runner, runner.docker().raw(), "docker", key,
                value);
        if (elements.isEmpty()) {
            String message = DockerRules.label(runner) + " sets no " + key + " (" + (value.isSet() ? "an empty list"
                    : "unset") + "), so jobs may run any " + noun + " from any registry.";
            findings.add(DockerRules.finding(DESCRIPTOR, severity, config, runner,
                    DockerRules.dockerPath(runner, key), DockerRules.at(value, runner), message,
                    DESCRIPTOR.remediation()));
            return;
        }
        for (DockerRules.Element element : elements) {
            if (ImagePatterns.matchesEverything(element.value())) {
                String message = DockerRules.label(runner) + ": " + key + " holds the pattern \"" + element.value()
                        + "\", which allows " + (element.value().equals("*") ? "every Docker Hub official " + noun
                        : "every " + noun) + ", so the list restricts little.";
                findings.add(DockerRules.finding(DESCRIPTOR, severity, config, runner, element.keyPath(),
                        element.position(), message, DESCRIPTOR.remediation()));
                return;
            }
        }
    }
}
