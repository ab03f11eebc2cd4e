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
 * {@code docker.allowed-images-negation}: an entry of {@code allowed_images}, {@code allowed_services},
 * {@code allowed_privileged_images} or {@code allowed_privileged_services} starts with {@code !}, as if it excluded
 * images, which gitlab-runner's matcher does not do.
 *
 * <p>Stateless and thread-safe.
 */
public final class AllowedImagesNegationRule implements SecurityRule {

    static final List<String> KEYS = List.of("allowed_images", "allowed_services", "allowed_privileged_images",
            "allowed_privileged_services");

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.allowed-images-negation",
            "An image allow-list entry tries to exclude images with \"!\"",
            Severity.MEDIUM,
            TenancySeverity.always(Severity.MEDIUM),
            "Medium whatever the tenancy: the list does not do what its author meant, whoever uses the runner.",
            "gitlab-runner matches an image against each allow-list entry with doublestar and stops at the first "
                    + "match; nothing reads a leading \"!\" as an exclusion, so an entry such as \"!*/kali*\" matches "
                    + "no "
                    + "image and excludes nothing. GitLab's own example [\"**\", \"!*/kali*\"] allows every image, "
                    + "Kali included.",
            "List only the images to allow; to keep an image out, leave it out of every pattern:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  allowed_images = [\"registry.example.com/ci/*:*\", \"docker.io/library/*:*\"]\n",
            URI.create("https://docs.gitlab.com/runner/executors/docker/#restrict-docker-images-and-services"),
            List.of("Docker executor: Restrict Docker images and services (https://docs.gitlab.com/runner/executors/"
                            + "docker/#restrict-docker-images-and-services)",
                    "gitlab-runner 19.4.0 common/allowed_images.go: an image is allowed by the first pattern that "
                            + "matches, and no pattern is read as a \"!\" exclusion (https://gitlab.com/gitlab-org/"
                            + "gitlab-runner/-/blob/main/common/allowed_images.go)",
                    "CWE-183: Permissive List of Allowed Inputs"),
            List.of("docker", "images", "allow-list"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public AllowedImagesNegationRule() {
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
            List<Value<List<String>>> values = List.of(docker.allowedImages(), docker.allowedServices(),
                    docker.allowedPrivilegedImages(), docker.allowedPrivilegedServices());
            for (int k = 0; k < KEYS.size(); k++) {
                String key = KEYS.get(k);
                List<DockerRules.Element> elements = DockerRules.elements(runner, docker.raw(), "docker", key,
                        values.get(k));
                Optional<String> matchAll = Optional.empty();
                for (DockerRules.Element element : elements) {
                    if (ImagePatterns.isNegation(element.value())) {
                        String message = DockerRules.label(runner) + ": " + key + " entry \"" + element.value()
                                + "\" excludes nothing: gitlab-runner has no \"!\" exclusion, so the entry matches "
                                + "no image" + matchAll.map(p -> ", and \"" + p + "\" before it already allows "
                                + "every image").orElse("") + ".";
                        findings.add(DockerRules.finding(DESCRIPTOR, severity.get(), config, runner,
                                element.keyPath(), element.position(), message, DESCRIPTOR.remediation()));
                    } else if (matchAll.isEmpty() && ImagePatterns.matchesEverything(element.value())) {
                        matchAll = Optional.of(element.value());
                    }
                }
            }
        }
        return findings;
    }
}
