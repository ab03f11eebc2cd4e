package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.INFO;

import java.util.List;
import java.util.stream.Collectors;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.PodSecurity;
import io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Assessment;
import io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Level;
import io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Violation;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.pss-level}, which reports the Pod Security Standards level ({@code privileged}, {@code
 * baseline} or {@code restricted}) that the job pods of each Kubernetes runner meet, with the exact controls that keep
 * them from the next level, predicted from config.toml by {@link PodSecurity}.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesPssLevelRule extends KubernetesRule {

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.pss-level",
            "Pod Security Standards level of the job pods",
            TenancySeverity.always(INFO),
            "Information for every runner, whatever its tenancy.",
            "Namespaces enforce a Pod Security Standards level at admission, and job pods that fail it are rejected "
                    + "when the job starts. This predicts the level the runner's job pods (build, helper, service "
                    + "and init containers) meet, from the security contexts, capabilities, volumes, annotations "
                    + "and pod_spec patches in config.toml, and names what keeps them from the next level.",
            """
                    To reach restricted, set for every container:
                    [runners.kubernetes]
                      allow_privilege_escalation = false
                      cap_drop = ["ALL"]
                      [runners.kubernetes.pod_security_context]
                        run_as_non_root = true
                        run_as_user = 1000
                        [runners.kubernetes.pod_security_context.seccomp_profile]
                          type = "RuntimeDefault\"""",
            "#set-a-security-policy-for-the-pod",
            List.of("Kubernetes executor: Set a security policy for the pod (https://docs.gitlab.com/runner/executors/"
                            + "kubernetes/#set-a-security-policy-for-the-pod)",
                    "Kubernetes executor: Specify container capabilities, PodSecurity rules in the cluster take "
                            + "precedence (https://docs.gitlab.com/runner/executors/kubernetes/"
                            + "#specify-container-capabilities)",
                    "Kubernetes Pod Security Standards: Baseline and Restricted profiles (https://kubernetes.io/docs/"
                            + "concepts/security/pod-security-standards/#profile-details)"),
            List.of("kubernetes", "pss"));

    /** Creates the rule. */
    public KubernetesPssLevelRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        Assessment assessment = runner.podSecurity();
        StringBuilder message = new StringBuilder("job pods meet the Pod Security Standards \"")
                .append(assessment.level().id()).append("\" level");
        List<Violation> blocking = assessment.blockingNextLevel();
        if (assessment.level() != Level.RESTRICTED) {
            Level next = Level.values()[assessment.level().ordinal() + 1];
            message.append("; kept from \"").append(next.id()).append("\" by: ")
                    .append(blocking.stream().map(v -> v.control().title() + " (" + v.detail() + ")")
                            .collect(Collectors.joining("; ")));
        }
        if (!assessment.notes().isEmpty()) {
            message.append(". Notes: ").append(String.join("; ", assessment.notes()));
        }
        emit.report(message.toString(), runner.table().path(), runner.table().position());
    }
}
