package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.HIGH;
import static io.github.runnerguard.spi.Severity.LOW;
import static io.github.runnerguard.spi.Severity.MEDIUM;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.rules.kubernetes.internal.ContainerKind;
import io.github.runnerguard.rules.kubernetes.internal.Ids;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.Setting;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.runs-as-root}, which reports when job containers can run as root. Three cases: {@code
 * run_as_user = 0} in the pod or a container context (one level above the tenancy severity); neither the pod nor the
 * build container context sets {@code run_as_non_root = true} or a {@code run_as_user} above 0, so the image's user
 * applies; {@code allowed_users} or {@code allowed_groups} list UID/GID 0, which lets jobs ask for root. Entries such
 * as {@code "root"} are not reported: gitlab-runner compares the lists numerically and ignores non-numeric entries.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesRunsAsRootRule extends KubernetesRule {

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.runs-as-root",
            "Job containers can run as root",
            TenancySeverity.of(LOW, MEDIUM, HIGH),
            "An explicit run_as_user = 0 is one level above the tenancy severity. Root in a container matters more "
                    + "when untrusted users choose the image.",
            "A job that runs as root in its container is one kernel bug or one misconfiguration (a hostPath, a "
                    + "capability, a writable mount) away from root on the node. Unless config.toml fixes a "
                    + "non-root user, the user comes from the job's image, which is root for most images.",
            """
                    Run job pods as a non-root user:
                    [runners.kubernetes.pod_security_context]
                      run_as_non_root = true
                      run_as_user = 1000""",
            "#configure-container-user-and-group",
            List.of("Kubernetes executor: Configure container user and group (https://docs.gitlab.com/runner/executors/"
                            + "kubernetes/#configure-container-user-and-group)",
                    "Pod Security Standards Restricted: Running as Non-root, Running as Non-root user "
                            + "(https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted)",
                    "CIS Docker Benchmark v1.6.0 4.1",
                    "CWE-250: Execution with Unnecessary Privileges",
                    "kubesec RunAsNonRoot, RunAsUser"),
            List.of("kubernetes", "hardening", "user", "pss-restricted"));

    /** Creates the rule. */
    public KubernetesRunsAsRootRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        Map<Setting<Long>, List<String>> rootUsers = new LinkedHashMap<>();
        Setting<Long> pod = runner.pod().runAsUser();
        if (pod.is(0L)) {
            rootUsers.put(pod, new ArrayList<>());
        }
        for (ContainerKind kind : ContainerKind.values()) {
            Setting<Long> effective = runner.effectiveRunAsUser(kind);
            if (effective.is(0L)) {
                rootUsers.computeIfAbsent(effective, k -> new ArrayList<>()).add(kind.label());
            }
        }
        rootUsers.forEach((setting, containers) -> {
            if (!containers.isEmpty()) {
                emit.report(emit.base().higher(), rel(setting.keyPath()) + " = 0 runs the "
                        + String.join(", ", containers) + (containers.size() == 1 ? " container" : " containers")
                        + " as root", setting.keyPath(), setting.position());
            }
        });

        Setting<Long> buildUser = runner.effectiveRunAsUser(ContainerKind.BUILD);
        Setting<Boolean> ownNonRoot = runner.context(ContainerKind.BUILD).runAsNonRoot();
        Setting<Boolean> nonRoot = ownNonRoot.isSet() ? ownNonRoot : runner.pod().runAsNonRoot();
        boolean userFixed = buildUser.value() != null && buildUser.value() > 0;
        if (!userFixed && !nonRoot.is(Boolean.TRUE) && !buildUser.is(0L)) {
            String why = nonRoot.is(Boolean.FALSE) ? rel(nonRoot.keyPath()) + " = false and no run_as_user above 0"
                    : "neither pod_security_context nor build_container_security_context sets run_as_non_root = true "
                    + "or a run_as_user above 0";
            emit.report("the build container runs as the image's user, root for most images: " + why,
                    nonRoot.isSet() ? nonRoot.keyPath() : runner.pod().path() + ".run_as_non_root",
                    nonRoot.isSet() ? nonRoot.position() : null);
        }

        for (String list : List.of("allowed_users", "allowed_groups")) {
            for (Setting<String> item : runner.stringItems(list)) {
                if (Ids.isZero(item.value())) {
                    emit.report(list + " lists \"" + item.value() + "\", so jobs can run as "
                            + (list.equals("allowed_users") ? "UID" : "GID") + " 0 (image:kubernetes:user)",
                            item.keyPath(), item.position());
                }
            }
        }
    }
}
