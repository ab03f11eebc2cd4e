package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.HIGH;
import static io.github.runnerguard.spi.Severity.MEDIUM;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner.PodSpecEntry;
import io.github.runnerguard.rules.kubernetes.internal.PatchScanner;
import io.github.runnerguard.rules.kubernetes.internal.PatchScanner.PatchSetting;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.pod-spec-patch}, which reports a {@code [[runners.kubernetes.pod_spec]]} patch, since it
 * rewrites the generated pod and overrides what config.toml says elsewhere: report it for review, one level higher
 * when it sets {@code hostNetwork}, {@code hostPID}, {@code hostIPC}, {@code privileged} or {@code hostUsers} to true
 * or adds a {@code hostPath} volume. JSON patches are read structurally; YAML patches are scanned textually, which the
 * finding says. Patches are not reported when {@code [runners.feature_flags]} turns {@code
 * FF_USE_ADVANCED_POD_SPEC_CONFIGURATION} off, because gitlab-runner then ignores them.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesPodSpecPatchRule extends KubernetesRule {

    private static final Set<String> DANGEROUS_TRUE = Set.of("hostNetwork", "hostPID", "hostIPC", "privileged",
            "hostUsers");

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.pod-spec-patch",
            "pod_spec patch overrides the job pod",
            TenancySeverity.of(MEDIUM, MEDIUM, HIGH),
            "A patch needs review on any runner; one that reaches into the node (host namespaces, privileged, "
                    + "hostPath, host user namespace) is one level higher.",
            "A pod_spec patch can set any field of the job pod, after and over everything config.toml sets: "
                    + "host namespaces, privileged containers, hostPath volumes, security contexts. Other settings "
                    + "and audits of them can be silently undone by it.",
            """
                    Prefer config.toml settings; keep patches minimal, review them like code, and never set host \
                    namespaces or privileged in them. Turn the feature off where it is not needed:
                    [runners.feature_flags]
                      FF_USE_ADVANCED_POD_SPEC_CONFIGURATION = false""",
            "#overwrite-generated-pod-specifications",
            List.of("Kubernetes executor: Overwrite generated pod specifications (https://docs.gitlab.com/runner/"
                            + "executors/kubernetes/#overwrite-generated-pod-specifications)",
                    "Pod Security Standards Baseline: Host Namespaces, Privileged Containers, HostPath Volumes "
                            + "(https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline)",
                    "kubesec HostNetwork, HostPID, HostIPC, HostUsers",
                    "CWE-15: External Control of System or Configuration Setting"),
            List.of("kubernetes", "isolation", "pod-spec"));

    /** Creates the rule. */
    public KubernetesPodSpecPatchRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        Boolean flag = runner.advancedPodSpecFlag();
        if (Boolean.FALSE.equals(flag)) {
            return;
        }
        String when = flag == null ? " (applied when FF_USE_ADVANCED_POD_SPEC_CONFIGURATION is on, which a job can "
                + "do with a CI variable)" : "";
        for (PodSpecEntry entry : runner.podSpecs()) {
            String head = "pod_spec \"" + entry.name() + "\" (" + entry.patchType() + " patch)";
            if (entry.patch().value() == null) {
                String file = entry.patchPath().value();
                emit.report(head + (file != null && !file.isEmpty() ? " reads its patch from " + file
                        + " at job time, which cannot be inspected here" : " has no patch") + when,
                        entry.patchPath().isSet() ? entry.patchPath().keyPath() : entry.path(),
                        entry.patchPath().isSet() ? entry.patchPath().position() : entry.position());
                continue;
            }
            PatchScanner.Scan scan = PatchScanner.scan(entry.patch().value(), entry.patchType());
            Set<String> dangerous = new LinkedHashSet<>();
            List<String> removed = new ArrayList<>();
            for (PatchSetting s : scan.settings()) {
                if (DANGEROUS_TRUE.contains(s.key()) && s.isTrue()) {
                    dangerous.add(s.location() + " = true");
                } else if (s.key().equals("hostPath") && s.value() != PatchScanner.REMOVED) {
                    dangerous.add(s.location() + " (a hostPath volume)");
                } else if (s.value() == PatchScanner.REMOVED) {
                    removed.add(s.location());
                }
            }
            String how = scan.textual() ? " (YAML, keys found textually)" : "";
            if (!dangerous.isEmpty()) {
                emit.report(emit.base().higher(), head + how + " sets " + String.join(", ", dangerous) + when,
                        entry.patch().keyPath(), entry.patch().position());
            } else {
                emit.report(head + how + " overrides the generated job pod"
                        + (removed.isEmpty() ? "" : " and removes " + String.join(", ", removed))
                        + ": review it" + when, entry.patch().keyPath(), entry.patch().position());
            }
        }
    }
}
