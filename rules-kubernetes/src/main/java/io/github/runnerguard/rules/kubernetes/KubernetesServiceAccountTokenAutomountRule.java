package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.LOW;
import static io.github.runnerguard.spi.Severity.MEDIUM;

import java.util.List;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.Setting;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.service-account-token-automount}, which reports when the job pod gets its service
 * account's API token, because {@code automount_service_account_token = true} (one level above the tenancy severity)
 * or the key is unset (Kubernetes mounts the token unless the service account says otherwise).
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesServiceAccountTokenAutomountRule extends KubernetesRule {

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.service-account-token-automount",
            "Job pods get a Kubernetes API token",
            TenancySeverity.of(null, LOW, MEDIUM),
            "The severity is for an unset value; an explicit true is one level higher. Not reported on dedicated "
                    + "runners, where the project owns the service account.",
            "Kubernetes mounts the pod's service account token into every container unless told not to, so every "
                    + "job script can call the Kubernetes API with that account's permissions, which are often "
                    + "broader than a build needs.",
            """
                    Do not mount the token into job pods:
                    [runners.kubernetes]
                      automount_service_account_token = false""",
            "#other-configtoml-settings",
            List.of("Kubernetes executor: Other `config.toml` settings, automount_service_account_token "
                            + "(https://docs.gitlab.com/runner/executors/kubernetes/#other-configtoml-settings)",
                    "CIS Kubernetes Benchmark 5.1.6",
                    "CWE-522: Insufficiently Protected Credentials",
                    "kubesec AutomountServiceAccountToken"),
            List.of("kubernetes", "credentials"));

    /** Creates the rule. */
    public KubernetesServiceAccountTokenAutomountRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        Setting<Boolean> automount = runner.bool("automount_service_account_token");
        String account = runner.string("service_account").value();
        String whose = account == null || account.isEmpty() ? "the namespace's default service account"
                : "service account \"" + account + "\"";
        if (automount.is(Boolean.TRUE)) {
            emit.report(emit.base().higher(), "automount_service_account_token = true gives every job the API token "
                    + "of " + whose, automount.keyPath(), automount.position());
        } else if (!automount.isSet()) {
            emit.report("automount_service_account_token is not set, so Kubernetes mounts the API token of " + whose
                    + " into every job", automount.keyPath(), null);
        }
    }
}
