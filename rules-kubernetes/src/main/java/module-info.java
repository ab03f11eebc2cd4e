/**
 * Runnerguard rules for the Kubernetes executor ({@code kubernetes.*}), with the Pod Security Standards
 * prediction of job pods.
 */
module io.github.runnerguard.rules.kubernetes {
    requires io.github.runnerguard.core;

    exports io.github.runnerguard.rules.kubernetes;

    provides io.github.runnerguard.spi.SecurityRule with
            io.github.runnerguard.rules.kubernetes.KubernetesPrivilegedRule,
            io.github.runnerguard.rules.kubernetes.KubernetesPrivilegeEscalationRule,
            io.github.runnerguard.rules.kubernetes.KubernetesHostPathRule,
            io.github.runnerguard.rules.kubernetes.KubernetesDangerousCapabilityRule,
            io.github.runnerguard.rules.kubernetes.KubernetesCapabilitiesNotDroppedRule,
            io.github.runnerguard.rules.kubernetes.KubernetesRunsAsRootRule,
            io.github.runnerguard.rules.kubernetes.KubernetesUnconfinedProfileRule,
            io.github.runnerguard.rules.kubernetes.KubernetesNamespaceOverwriteRule,
            io.github.runnerguard.rules.kubernetes.KubernetesServiceAccountOverwriteRule,
            io.github.runnerguard.rules.kubernetes.KubernetesBearerTokenOverwriteRule,
            io.github.runnerguard.rules.kubernetes.KubernetesSchedulingOverwriteRule,
            io.github.runnerguard.rules.kubernetes.KubernetesPodSpecPatchRule,
            io.github.runnerguard.rules.kubernetes.KubernetesPullPolicyIfNotPresentRule,
            io.github.runnerguard.rules.kubernetes.KubernetesServiceAccountTokenAutomountRule,
            io.github.runnerguard.rules.kubernetes.KubernetesAllowedImagesUnrestrictedRule,
            io.github.runnerguard.rules.kubernetes.KubernetesPssLevelRule,
            io.github.runnerguard.rules.kubernetes.KubernetesPssAdmissionDeniedRule;
}
