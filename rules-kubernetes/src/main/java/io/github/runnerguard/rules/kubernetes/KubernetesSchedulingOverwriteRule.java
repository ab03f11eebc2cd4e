package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.HIGH;
import static io.github.runnerguard.spi.Severity.LOW;
import static io.github.runnerguard.spi.Severity.MEDIUM;

import java.util.List;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.Setting;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.scheduling-overwrite}, which reports when {@code node_selector_overwrite_allowed} or
 * {@code node_tolerations_overwrite_allowed} accepts values that schedule jobs onto control-plane or chosen nodes.
 * gitlab-runner matches the whole variable value ({@code key=value} for a selector, {@code key[=value]:effect} for a
 * toleration) with Go's {@code MatchString}; an empty toleration value tolerates every taint. The probes are {@code
 * node-role.kubernetes.io/control-plane} and {@code node-role.kubernetes.io/master} selectors and tolerations, a
 * {@code kubernetes.io/hostname} selector, and the empty toleration.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesSchedulingOverwriteRule extends KubernetesRule {

    static final List<String> SELECTOR_PROBES = List.of("node-role.kubernetes.io/control-plane=",
            "node-role.kubernetes.io/control-plane=true", "node-role.kubernetes.io/master=",
            "kubernetes.io/hostname=node-1");
    static final List<String> TOLERATION_PROBES = List.of("node-role.kubernetes.io/control-plane:NoSchedule",
            "node-role.kubernetes.io/master:NoSchedule", "");

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.scheduling-overwrite",
            "Jobs can schedule themselves onto control-plane or chosen nodes",
            TenancySeverity.of(LOW, MEDIUM, HIGH),
            "Node placement separates builds from production and other tenants; the more tenants, the more that "
                    + "separation matters.",
            "Node selectors and tolerations keep build pods away from the control plane and from nodes that run "
                    + "production or other tenants' workloads. A broad overwrite pattern lets a job pick any node "
                    + "label or tolerate any taint (an empty KUBERNETES_NODE_TOLERATIONS_* value tolerates all), "
                    + "so a compromised job lands next to the workloads it should never see.",
            """
                    Anchor the patterns to the labels and taints meant for builds, or remove them:
                    [runners.kubernetes]
                      node_selector_overwrite_allowed = "^kubernetes\\\\.io/arch=(amd64|arm64)$\"""",
            "#overwrite-pod-tolerations",
            List.of("Kubernetes executor: Overwrite pod tolerations (https://docs.gitlab.com/runner/executors/"
                            + "kubernetes/#overwrite-pod-tolerations)",
                    "Kubernetes executor: Overwrite the node selector (https://docs.gitlab.com/runner/executors/"
                            + "kubernetes/#overwrite-the-node-selector)",
                    "CWE-625: Permissive Regular Expression"),
            List.of("kubernetes", "multi-tenancy", "overwrite", "scheduling"));

    /** Creates the rule. */
    public KubernetesSchedulingOverwriteRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        report(emit, runner.string("node_selector_overwrite_allowed"), SELECTOR_PROBES, "node selectors",
                "KUBERNETES_NODE_SELECTOR_*");
        report(emit, runner.string("node_tolerations_overwrite_allowed"), TOLERATION_PROBES, "node tolerations",
                "KUBERNETES_NODE_TOLERATIONS_*");
    }

    private static void report(Emitter emit, Setting<String> regex, List<String> probes, String what,
                               String variable) {
        OverwriteCheck.evaluate(regex, probes, "", "").ifPresent(outcome -> {
            String head = rel(regex.keyPath()) + " = \"" + regex.value() + "\" lets jobs add " + what + " with "
                    + variable;
            if (outcome.unchecked().isPresent()) {
                emit.report(emit.base().lower(), head + "; it could not be checked (" + outcome.unchecked().get()
                        + "): review which values it accepts", regex.keyPath(), regex.position());
            } else if (!outcome.accepted().isEmpty()) {
                boolean all = outcome.accepted().contains("");
                emit.report(head + "; it accepts " + outcome.acceptedText()
                        + (all ? ", and an empty toleration tolerates every taint" : ""), regex.keyPath(),
                        regex.position());
            }
        });
    }
}
