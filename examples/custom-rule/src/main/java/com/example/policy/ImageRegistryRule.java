package com.example.policy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import io.github.runnerguard.config.DockerService;
import io.github.runnerguard.config.KubernetesService;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.config.Value;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;
import org.jspecify.annotations.Nullable;

/**
 * ACME's policy: the images a runner names in its config ({@code [runners.docker] image}, the
 * {@code [[runners.docker.services]]} names, {@code [runners.kubernetes] image} and the
 * {@code [[runners.kubernetes.services]]} names) come from an allowed registry.
 *
 * <p>Immutable and thread-safe.
 */
public final class ImageRegistryRule implements SecurityRule {

    /** The rule id. */
    public static final String ID = "acme.image-registry";

    /** The registry ACME mirrors every image into. */
    public static final String ACME_REGISTRY = "registry.acme.example";

    private static final Set<String> DOCKER_EXECUTORS = Set.of("docker", "docker-windows", "docker+machine",
            "docker-autoscaler");

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID,
            "Image from a registry outside ACME's",
            Severity.MEDIUM,
            TenancySeverity.of(Severity.LOW, Severity.MEDIUM, Severity.HIGH),
            "The more projects share a runner, the more jobs run the unvetted image, so the severity rises with "
                    + "tenancy.",
            "An image pulled from a public registry can change under the same tag or be replaced by a look-alike, "
                    + "and every job on the runner runs it with the job's credentials and caches. ACME mirrors the "
                    + "images it has reviewed into its own registry, and runners must name only those.",
            "Name images from the ACME registry, and restrict the images jobs may pick to it:\n"
                    + "```toml\n"
                    + "[runners.docker]\n"
                    + "  image = \"registry.acme.example/mirror/alpine:3.20\"\n"
                    + "  allowed_images = [\"registry.acme.example/**\"]\n"
                    + "  allowed_services = [\"registry.acme.example/**\"]\n"
                    + "```",
            URI.create("https://docs.gitlab.com/runner/executors/docker/#restrict-docker-images-and-services"),
            List.of("Usage of Docker executor", "Restrict Docker images and services (docs/executors/docker.md)",
                    "CWE-829: Inclusion of Functionality from Untrusted Control Sphere"),
            List.of("acme", "docker", "kubernetes", "supply-chain"),
            List.of(),
            "1.0.0");

    private final List<String> allowedRegistries;

    /** The rule with ACME's registry, {@value #ACME_REGISTRY}; the constructor ServiceLoader uses. */
    public ImageRegistryRule() {
        this(List.of(ACME_REGISTRY));
    }

    /**
     * The rule with other allowed registries.
     *
     * @param allowedRegistries registry hosts, with a port where the registry has one ({@code registry:5000})
     */
    public ImageRegistryRule(List<String> allowedRegistries) {
        this.allowedRegistries = allowedRegistries.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList();
        if (this.allowedRegistries.isEmpty()) {
            throw new IllegalArgumentException("name at least one allowed registry");
        }
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            String name = runner.name().orElse("");
            Optional<Severity> severity = DESCRIPTOR.tenancy().forTenancy(context.tenancyOf(name));
            if (severity.isEmpty()) {
                continue;
            }
            Check check = new Check(config, runner, name, severity.get(), findings);
            String executor = runner.executor().orElse("");
            String prefix = "runners[" + runner.index() + "].";
            if (DOCKER_EXECUTORS.contains(executor)) {
                check.image(runner.docker().image(), prefix + "docker.image", "image");
                List<DockerService> services = runner.docker().services();
                for (int i = 0; i < services.size(); i++) {
                    check.image(services.get(i).name(), prefix + "docker.services[" + i + "].name", "service");
                }
            } else if (executor.equals("kubernetes")) {
                check.image(runner.kubernetes().image(), prefix + "kubernetes.image", "image");
                List<KubernetesService> services = runner.kubernetes().services();
                for (int i = 0; i < services.size(); i++) {
                    check.image(services.get(i).name(), prefix + "kubernetes.services[" + i + "].name", "service");
                }
            }
        }
        return findings;
    }

    /** The registry an image reference pulls from, as Docker reads it; null when a variable decides it. */
    static @Nullable String registryOf(String image) {
        String reference = image.strip();
        if (reference.isEmpty() || reference.startsWith("$")) {
            return null;
        }
        int slash = reference.indexOf('/');
        if (slash > 0) {
            String first = reference.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first.toLowerCase(Locale.ROOT);
            }
        }
        return "docker.io";
    }

    /** The checks of one runner, collecting into one list. */
    private final class Check {
        private final RunnerConfig config;
        private final Runner runner;
        private final String name;
        private final Severity severity;
        private final List<Finding> findings;

        Check(RunnerConfig config, Runner runner, String name, Severity severity, List<Finding> findings) {
            this.config = config;
            this.runner = runner;
            this.name = name;
            this.severity = severity;
            this.findings = findings;
        }

        void image(Value<String> image, String keyPath, String what) {
            String reference = image.orElse("");
            String registry = registryOf(reference);
            if (registry == null || allowedRegistries.contains(registry)) {
                return;
            }
            @Nullable Position position = image.position() != null ? image.position() : runner.position();
            findings.add(new Finding(ID, severity,
                    "Runner \"" + name + "\" uses the " + what + " \"" + reference + "\" from " + registry
                            + ", not from an allowed registry (" + String.join(", ", allowedRegistries) + ")",
                    config.source(), new RunnerRef(runner.index(), name), keyPath, position,
                    DESCRIPTOR.remediation()));
        }
    }
}
