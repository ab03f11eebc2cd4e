package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.CRITICAL;
import static io.github.runnerguard.spi.Severity.HIGH;

import java.util.List;
import io.github.runnerguard.rules.kubernetes.internal.ContainerKind;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner.Profile;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.unconfined-profile}, which reports a {@code seccomp_profile} or {@code app_armor_profile}
 * of type {@code Unconfined} in the pod security context or a container context. gitlab-runner accepts the type only
 * as written ({@code Unconfined}); other spellings are logged and dropped, so they are not reported.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesUnconfinedProfileRule extends KubernetesRule {

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.unconfined-profile",
            "Seccomp or AppArmor confinement turned off",
            TenancySeverity.of(HIGH, HIGH, CRITICAL),
            "Turning off kernel confinement is serious on any runner and critical where untrusted users run jobs.",
            "Seccomp and AppArmor restrict the system calls and files a container process may use; Unconfined "
                    + "removes that layer, so kernel attack surface and container escapes that the runtime's "
                    + "default profile blocks become reachable from the job.",
            """
                    Use the runtime's default profiles:
                    [runners.kubernetes.pod_security_context.seccomp_profile]
                      type = "RuntimeDefault"
                    [runners.kubernetes.pod_security_context.app_armor_profile]
                      type = "RuntimeDefault\"""",
            "#set-seccomp-and-apparmor-profiles",
            List.of("Kubernetes executor: Set seccomp and AppArmor profiles (https://docs.gitlab.com/runner/executors/"
                            + "kubernetes/#set-seccomp-and-apparmor-profiles)",
                    "Pod Security Standards Baseline: Seccomp, AppArmor (https://kubernetes.io/docs/concepts/security/"
                            + "pod-security-standards/#baseline)",
                    "CIS Docker Benchmark v1.6.0 5.2",
                    "CIS Docker Benchmark v1.6.0 5.22",
                    "CWE-693: Protection Mechanism Failure",
                    "kubesec SeccompUnconfined, ApparmorUnconfined"),
            List.of("kubernetes", "isolation", "seccomp", "apparmor", "pss-baseline"));

    /** Creates the rule. */
    public KubernetesUnconfinedProfileRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        report(emit, runner.pod().seccomp(), "seccomp", "all containers of the pod");
        report(emit, runner.pod().appArmor(), "AppArmor", "all containers of the pod");
        for (ContainerKind kind : ContainerKind.values()) {
            report(emit, runner.context(kind).seccomp(), "seccomp", "the " + kind.label() + " container");
            report(emit, runner.context(kind).appArmor(), "AppArmor", "the " + kind.label() + " container");
        }
    }

    private static void report(Emitter emit, Profile profile, String what, String scope) {
        if ("Unconfined".equals(profile.applied())) {
            emit.report(rel(profile.type().keyPath()) + " = \"Unconfined\" turns off " + what + " confinement for "
                    + scope, profile.type().keyPath(), profile.type().position());
        }
    }
}
