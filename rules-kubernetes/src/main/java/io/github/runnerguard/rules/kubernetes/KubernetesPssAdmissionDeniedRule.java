package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.HIGH;

import java.util.List;
import java.util.Optional;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.PodSecurity;
import io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Level;
import io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Violation;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.pss-admission-denied}, which reports each control the job pods fail at the Pod Security
 * Standards level the target namespace enforces, when the audit context states it
 * ({@link AuditContext#podSecurityLevel()}, {@code baseline} or {@code restricted}): the pods will be rejected at
 * admission.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesPssAdmissionDeniedRule extends KubernetesRule {

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.pss-admission-denied",
            "Job pods will be rejected by Pod Security admission",
            TenancySeverity.always(HIGH),
            "Jobs fail the same way whoever shares the runner.",
            "When the namespace enforces a Pod Security Standards level, Kubernetes rejects every pod that fails "
                    + "one of its controls, so every job of the runner fails at start with a PodSecurity error. "
                    + "This reports, before any job runs, each control the runner's job pods fail at the enforced "
                    + "level.",
            """
                    Change config.toml so that every container passes the control (see kubernetes.pss-level), or \
                    run the jobs in a namespace whose level fits them, for example:
                    [runners.kubernetes]
                      allow_privilege_escalation = false
                      cap_drop = ["ALL"]""",
            "#set-a-security-policy-for-the-pod",
            List.of("Kubernetes executor: Specify container capabilities, PodSecurity rules in the cluster take "
                            + "precedence (https://docs.gitlab.com/runner/executors/kubernetes/"
                            + "#specify-container-capabilities)",
                    "Kubernetes Pod Security Admission (https://kubernetes.io/docs/concepts/security/"
                            + "pod-security-admission/)",
                    "Kubernetes Pod Security Standards (https://kubernetes.io/docs/concepts/security/"
                            + "pod-security-standards/)"),
            List.of("kubernetes", "pss", "admission"));

    /** Creates the rule. */
    public KubernetesPssAdmissionDeniedRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        Optional<String> enforced = context.podSecurityLevel();
        if (enforced.isEmpty()) {
            return;
        }
        Level level = Level.parse(enforced.get());
        if (level == Level.PRIVILEGED) {
            return;
        }
        List<Violation> rejected = runner.podSecurity().rejectedAt(level);
        for (Violation v : rejected) {
            emit.report("job pods of this runner will be rejected at admission: " + v.control().qualifiedTitle()
                    + ": " + v.detail() + " (the namespace enforces \"" + level.id() + "\")", v.keyPath(),
                    v.position());
        }
    }
}
