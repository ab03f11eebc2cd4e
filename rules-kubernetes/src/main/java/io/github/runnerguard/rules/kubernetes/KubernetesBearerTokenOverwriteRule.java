package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.CRITICAL;
import static io.github.runnerguard.spi.Severity.HIGH;
import static io.github.runnerguard.spi.Severity.MEDIUM;

import java.util.List;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.Setting;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.bearer-token-overwrite}, which reports when {@code bearer_token_overwrite_allowed = true}
 * lets a job replace the credentials the runner uses to create its pod with a token from its own CI variable ({@code
 * KUBERNETES_BEARER_TOKEN}); gitlab-runner applies it whether or not {@code host} is set.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesBearerTokenOverwriteRule extends KubernetesRule {

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.bearer-token-overwrite",
            "Jobs can supply their own Kubernetes credentials",
            TenancySeverity.of(MEDIUM, HIGH, CRITICAL),
            "Per-project credentials blur who creates what in the cluster; with several tenants it also lets a "
                    + "leaked token be used through the runner.",
            "With bearer_token_overwrite_allowed, the runner creates the job's pod, secrets and exec sessions with "
                    + "the bearer token a project puts in KUBERNETES_BEARER_TOKEN, so the limits the administrator "
                    + "set through the runner's own account no longer apply to that job.",
            """
                    Keep the runner's own credentials:
                    [runners.kubernetes]
                      bearer_token_overwrite_allowed = false""",
            "#set-the-bearer-token-for-kubernetes-api-calls",
            List.of("Kubernetes executor: Set the bearer token for Kubernetes API calls, KUBERNETES_BEARER_TOKEN "
                            + "(https://docs.gitlab.com/runner/executors/kubernetes/"
                            + "#set-the-bearer-token-for-kubernetes-api-calls)",
                    "CWE-266: Incorrect Privilege Assignment",
                    "CWE-287: Improper Authentication"),
            List.of("kubernetes", "multi-tenancy", "overwrite", "credentials"));

    /** Creates the rule. */
    public KubernetesBearerTokenOverwriteRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        Setting<Boolean> allowed = runner.bool("bearer_token_overwrite_allowed");
        if (allowed.is(Boolean.TRUE)) {
            emit.report("bearer_token_overwrite_allowed = true lets jobs create their pods with their own bearer "
                    + "token (KUBERNETES_BEARER_TOKEN)", allowed.keyPath(), allowed.position());
        }
    }
}
