package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.LOW;
import static io.github.runnerguard.spi.Severity.MEDIUM;

import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.rules.kubernetes.internal.DoublestarGlob;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.Setting;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.allowed-images-unrestricted}, which reports when {@code allowed_images} or {@code
 * allowed_services} is empty (all images are allowed) or accepts any image: its doublestar globs match an image from
 * an arbitrary registry or an arbitrary Docker Hub user. A {@code !} prefix is not a negation in gitlab-runner; the
 * finding says so.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesAllowedImagesUnrestrictedRule extends KubernetesRule {

    static final List<String> PROBES = List.of("registry.example.invalid/anyone/anything:latest",
            "anyone/anything:latest");

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.allowed-images-unrestricted",
            "Jobs can run any image",
            TenancySeverity.of(null, LOW, MEDIUM),
            "An allowlist matters where the runner serves projects its administrator does not control; not "
                    + "reported on dedicated runners.",
            "Without allowed_images and allowed_services, a job can run any image from any registry in the "
                    + "cluster, including images built to attack it; the Kubernetes executor documentation says "
                    + "\"If not present all images are allowed\".",
            "List the registries and images jobs may use:\n"
                    + "[runners.kubernetes]\n"
                    + "  allowed_images = [\"registry.example.com/ci/" + "**\"]\n"
                    + "  allowed_services = [\"registry.example.com/ci/services/" + "**\"]",
            "#restrict-docker-images-and-services",
            List.of("Kubernetes executor: Restrict Docker images and services (https://docs.gitlab.com/runner/"
                            + "executors/kubernetes/#restrict-docker-images-and-services)",
                    "Kubernetes executor: Other `config.toml` settings, allowed_images \"If not present all images are "
                            + "allowed\" (https://docs.gitlab.com/runner/executors/kubernetes/"
                            + "#other-configtoml-settings)",
                    "CWE-829: Inclusion of Functionality from Untrusted Control Sphere"),
            List.of("kubernetes", "images", "supply-chain"));

    /** Creates the rule. */
    public KubernetesAllowedImagesUnrestrictedRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        for (String field : List.of("allowed_images", "allowed_services")) {
            Setting<List<String>> list = runner.strings(field);
            String kind = field.equals("allowed_images") ? "image" : "service image";
            if (list.value() == null || list.value().isEmpty()) {
                emit.report(field + (list.isSet() ? " is empty" : " is not set") + ": jobs can run any " + kind,
                        list.keyPath(), list.position());
                continue;
            }
            List<String> accepted = new ArrayList<>();
            for (String probe : PROBES) {
                if (list.value().stream().anyMatch(glob -> DoublestarGlob.matches(glob, probe))) {
                    accepted.add(probe);
                }
            }
            boolean negation = list.value().stream().anyMatch(g -> g.startsWith("!"));
            if (!accepted.isEmpty()) {
                emit.report(field + " accepts any " + kind + " (it matches \"" + String.join("\" and \"", accepted)
                        + "\")" + (negation ? "; \"!\" patterns are not exclusions in gitlab-runner" : ""),
                        list.keyPath(), list.position());
            }
        }
    }
}
