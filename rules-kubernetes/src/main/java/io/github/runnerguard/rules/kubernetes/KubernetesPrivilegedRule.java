package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.CRITICAL;
import static io.github.runnerguard.spi.Severity.HIGH;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.rules.kubernetes.internal.ContainerKind;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.Setting;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.privileged}, which reports when a container of the job pod runs privileged, through
 * {@code [runners.kubernetes] privileged = true} (unless the container's own context sets {@code privileged = false})
 * or a build, helper, service or init-permissions container context that sets {@code privileged = true}.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesPrivilegedRule extends KubernetesRule {

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.privileged",
            "Job pod containers run privileged",
            TenancySeverity.of(HIGH, CRITICAL, CRITICAL),
            "Any job on the runner can take over the node, so the risk grows with the number of projects and "
                    + "organisations that can run jobs on it.",
            "A privileged container has every capability and every device of the node, so the job script can "
                    + "mount the node's disks, load kernel modules and escape to the node, reaching the other pods, "
                    + "the kubelet's credentials and the runner's secrets. gitlab-runner applies [runners.kubernetes] "
                    + "privileged to every container of the job pod unless a container context overrides it.",
            """
                    Remove privileged = true; if some jobs need it (docker:dind), give them a dedicated runner with \
                    protected branches, and override it per container where possible:
                    [runners.kubernetes]
                      privileged = false
                      [runners.kubernetes.helper_container_security_context]
                        privileged = false""",
            "#other-configtoml-settings",
            List.of("Security for self-managed runners: Reduce the security risk of using privileged containers "
                            + "(https://docs.gitlab.com/runner/security/"
                            + "#reduce-the-security-risk-of-using-privileged-containers)",
                    "Pod Security Standards Baseline: Privileged Containers (https://kubernetes.io/docs/concepts/"
                            + "security/pod-security-standards/#baseline)",
                    "CIS Docker Benchmark v1.6.0 5.5",
                    "CWE-250: Execution with Unnecessary Privileges",
                    "kubesec Privileged"),
            List.of("kubernetes", "isolation", "privileged", "pss-baseline"));

    /** Creates the rule. */
    public KubernetesPrivilegedRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        Map<Setting<Boolean>, List<String>> byOrigin = new LinkedHashMap<>();
        for (ContainerKind kind : ContainerKind.values()) {
            Setting<Boolean> privileged = runner.effectivePrivileged(kind);
            if (privileged.is(Boolean.TRUE)) {
                byOrigin.computeIfAbsent(privileged, k -> new ArrayList<>()).add(kind.label());
            }
        }
        byOrigin.forEach((setting, containers) -> emit.report(rel(setting.keyPath()) + " = true runs the "
                + String.join(", ", containers) + (containers.size() == 1 ? " container" : " containers")
                + " privileged: a job can take over the node", setting.keyPath(), setting.position()));
    }
}
