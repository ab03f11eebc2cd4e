package io.github.runnerguard.rules.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;
import io.github.runnerguard.spi.SecurityRule;
import org.junit.jupiter.api.Assumptions;

/** Test helpers: every rule of the module, config loading, and the shared reference directory. */
final class KubernetesRules {

    private KubernetesRules() {
    }

    /** A new instance of every rule of the module, in catalogue order. */
    static List<SecurityRule> all() {
        return List.of(new KubernetesPrivilegedRule(), new KubernetesPrivilegeEscalationRule(),
                new KubernetesHostPathRule(), new KubernetesDangerousCapabilityRule(),
                new KubernetesCapabilitiesNotDroppedRule(), new KubernetesRunsAsRootRule(),
                new KubernetesUnconfinedProfileRule(), new KubernetesNamespaceOverwriteRule(),
                new KubernetesServiceAccountOverwriteRule(), new KubernetesBearerTokenOverwriteRule(),
                new KubernetesSchedulingOverwriteRule(), new KubernetesPodSpecPatchRule(),
                new KubernetesPullPolicyIfNotPresentRule(), new KubernetesServiceAccountTokenAutomountRule(),
                new KubernetesAllowedImagesUnrestrictedRule(), new KubernetesPssLevelRule(),
                new KubernetesPssAdmissionDeniedRule());
    }

    /** Loads TOML text; fails when it does not load. */
    static RunnerConfig load(String toml) {
        LoadResult result = ConfigLoader.defaults().load(toml, "config.toml");
        if (result.config() == null) {
            throw new AssertionError("config does not load: " + result.diagnostics() + "\n" + toml);
        }
        return result.config();
    }

    /** A config with one Kubernetes runner whose {@code [runners.kubernetes]} table holds {@code body}. */
    static String runner(String body) {
        return """
                [[runners]]
                  name = "k8s"
                  url = "https://gitlab.example.com/"
                  token = "glrt-XXXXXXXXXXXXXXXXXXXX"
                  executor = "kubernetes"
                  [runners.feature_flags]
                    FF_USE_ADVANCED_POD_SPEC_CONFIGURATION = true
                  [runners.kubernetes]
                """ + body.indent(4);
    }

    /**
     * The shared reference directory: the {@code shared} folder next to the project root, found by walking up from
     * the working directory. Skips the test (with a message) when it is absent.
     */
    static Path shared() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("corpus"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        Assumptions.abort("the shared reference directory (<project root>/../shared) is absent");
        throw new IllegalStateException("unreachable");
    }
}
