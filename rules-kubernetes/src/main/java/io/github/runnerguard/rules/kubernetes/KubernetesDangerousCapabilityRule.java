package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.CRITICAL;
import static io.github.runnerguard.spi.Severity.HIGH;
import static io.github.runnerguard.spi.Severity.LOW;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.github.runnerguard.rules.kubernetes.internal.ContainerKind;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.Setting;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.dangerous-capability}, which reports when {@code cap_add} or a container context's {@code
 * capabilities.add} grants a capability that lets a job attack the node or other pods. Runner-level {@code cap_add}
 * counts only when it reaches a container (it is not also in {@code cap_drop}, which wins, and some container context
 * does not replace the list). Adding {@code NET_RAW}, which gitlab-runner drops by default, is low on its own.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesDangerousCapabilityRule extends KubernetesRule {

    /** Capabilities that let a container attack the node, its kernel or other pods. */
    static final Set<String> DANGEROUS = Set.of("ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO",
            "SYS_BOOT", "SYS_TIME", "NET_ADMIN", "DAC_READ_SEARCH", "BPF", "PERFMON", "MAC_ADMIN", "MAC_OVERRIDE",
            "LINUX_IMMUTABLE", "SYSLOG", "AUDIT_CONTROL", "CHECKPOINT_RESTORE");

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.dangerous-capability",
            "Dangerous Linux capability added to job containers",
            TenancySeverity.of(HIGH, HIGH, CRITICAL),
            "A dangerous capability is a path to the node on any runner; on a multi-tenant runner it is critical. "
                    + "Adding NET_RAW alone is low everywhere.",
            "Capabilities such as SYS_ADMIN, SYS_MODULE, SYS_PTRACE or NET_ADMIN give a job's root user kernel "
                    + "powers that cross the container boundary: mounting file systems, loading modules, tracing "
                    + "other processes, reconfiguring the node's network or clock. NET_RAW, which gitlab-runner drops "
                    + "by default, allows packet spoofing on the pod network.",
            """
                    Remove the capability from cap_add and from the container contexts' capabilities.add:
                    [runners.kubernetes]
                      cap_add = []
                      cap_drop = ["ALL"]""",
            "#specify-container-capabilities",
            List.of("Kubernetes executor: Specify container capabilities (https://docs.gitlab.com/runner/executors/"
                            + "kubernetes/#specify-container-capabilities)",
                    "Pod Security Standards Baseline: Capabilities (https://kubernetes.io/docs/concepts/security/"
                            + "pod-security-standards/#baseline)",
                    "CIS Docker Benchmark v1.6.0 5.4",
                    "CWE-250: Execution with Unnecessary Privileges",
                    "Checkov CKV_K8S_25, CKV_K8S_28",
                    "kubesec CapSysAdmin"),
            List.of("kubernetes", "isolation", "capabilities", "pss-baseline"));

    /** Creates the rule. */
    public KubernetesDangerousCapabilityRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** The capability name without a {@code CAP_} prefix, upper case. */
    static String normalize(String capability) {
        String upper = capability.strip().toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper.substring(4) : upper;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        List<String> usingRunnerList = new ArrayList<>();
        for (ContainerKind kind : ContainerKind.values()) {
            if (!runner.context(kind).capAdd().isSet()) {
                usingRunnerList.add(kind.label());
            }
        }
        List<String> dropped = runner.strings("cap_drop").orElse(List.of());
        if (!usingRunnerList.isEmpty()) {
            for (Setting<String> item : runner.stringItems("cap_add")) {
                if (!dropped.contains(item.value())) {
                    report(emit, item, usingRunnerList);
                }
            }
        }
        for (ContainerKind kind : ContainerKind.values()) {
            for (Setting<String> item : runner.context(kind).capAddItems()) {
                report(emit, item, List.of(kind.label()));
            }
        }
    }

    private static void report(Emitter emit, Setting<String> item, List<String> containers) {
        String cap = normalize(item.orElse(""));
        String to = " to the " + String.join(", ", containers)
                + (containers.size() == 1 ? " container" : " containers");
        if (cap.equals("NET_RAW")) {
            emit.report(LOW, rel(item.keyPath()) + " adds NET_RAW" + to + ", which gitlab-runner drops by default: "
                    + "jobs can craft raw packets on the pod network", item.keyPath(), item.position());
        } else if (DANGEROUS.contains(cap)) {
            emit.report(rel(item.keyPath()) + " adds " + item.value() + to + ": " + (cap.equals("ALL")
                    ? "every capability, as good as privileged" : "a capability that crosses the container "
                    + "boundary"), item.keyPath(), item.position());
        }
    }
}
