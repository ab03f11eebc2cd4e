package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.LOW;
import static io.github.runnerguard.spi.Severity.MEDIUM;

import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.rules.kubernetes.internal.ContainerKind;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.capabilities-not-dropped}, which reports when the build container does not drop {@code
 * ALL} capabilities. Its drop list is the build container context's {@code capabilities.drop} when written (it
 * replaces the runner-level list), else the runner-level list ({@code NET_RAW} by default, plus {@code cap_drop}).
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesCapabilitiesNotDroppedRule extends KubernetesRule {

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.capabilities-not-dropped",
            "Build container keeps the default capabilities",
            TenancySeverity.of(null, LOW, MEDIUM),
            "Hardening that matters when several projects share the runner; not reported on dedicated runners.",
            "Unless ALL is dropped, the build container keeps the runtime's default capabilities (CHOWN, "
                    + "DAC_OVERRIDE, FOWNER, SETUID, SETGID, MKNOD, ...), which a root process in the job can use "
                    + "for privilege escalation and kernel attacks. gitlab-runner drops only NET_RAW by default.",
            """
                    Drop every capability and add back only what jobs need:
                    [runners.kubernetes]
                      cap_drop = ["ALL"]""",
            "#specify-container-capabilities",
            List.of("Kubernetes executor: Default list of dropped capabilities (https://docs.gitlab.com/runner/"
                            + "executors/kubernetes/#default-list-of-dropped-capabilities)",
                    "Pod Security Standards Restricted: Capabilities (https://kubernetes.io/docs/concepts/security/"
                            + "pod-security-standards/#restricted)",
                    "CIS Docker Benchmark v1.6.0 5.4",
                    "CWE-250: Execution with Unnecessary Privileges",
                    "kubesec CapDropAll"),
            List.of("kubernetes", "hardening", "capabilities", "pss-restricted"));

    /** Creates the rule. */
    public KubernetesCapabilitiesNotDroppedRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        KubernetesRunner.Capabilities build = runner.effectiveCapabilities(ContainerKind.BUILD);
        if (build.drop().contains("ALL")) {
            return;
        }
        List<String> others = new ArrayList<>();
        for (ContainerKind kind : ContainerKind.values()) {
            if (kind != ContainerKind.BUILD && !runner.effectiveCapabilities(kind).drop().contains("ALL")) {
                others.add(kind.label());
            }
        }
        String also = others.isEmpty() ? "" : " (nor do " + String.join(", ", others) + ")";
        String drops = build.drop().isEmpty() ? "nothing" : String.join(", ", build.drop());
        if (build.dropOrigin().isSet()) {
            emit.report("the build container drops " + drops + " but not ALL" + also + " ("
                    + rel(build.dropOrigin().keyPath()) + ")", build.dropOrigin().keyPath(),
                    build.dropOrigin().position());
        } else {
            emit.report("the build container drops only " + drops + " (gitlab-runner's default), not ALL" + also,
                    runner.path("cap_drop"), null);
        }
    }
}
