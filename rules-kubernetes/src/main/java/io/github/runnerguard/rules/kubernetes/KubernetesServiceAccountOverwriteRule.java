package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.CRITICAL;
import static io.github.runnerguard.spi.Severity.HIGH;
import static io.github.runnerguard.spi.Severity.MEDIUM;

import java.util.List;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.service-account-overwrite}, which reports when {@code service_account_overwrite_allowed}
 * lets jobs pick the service account of their pod (variable {@code KUBERNETES_SERVICE_ACCOUNT_OVERWRITE}) and is broad
 * or unanchored: it is probed with {@code default}, {@code gitlab-runner} (the usual name of the runner manager's own,
 * powerful account), {@code admin}, {@code cluster-admin}, {@code deployer} and {@code production} (the configured
 * {@code service_account} excepted).
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesServiceAccountOverwriteRule extends KubernetesRule {

    static final List<String> PROBES = List.of("default", "gitlab-runner", "admin", "cluster-admin", "deployer",
            "production");

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.service-account-overwrite",
            "Jobs can choose a broad range of service accounts",
            TenancySeverity.of(MEDIUM, HIGH, CRITICAL),
            "A job that picks a powerful service account gets its API permissions; the more tenants, the worse.",
            "With service_account_overwrite_allowed, a job sets KUBERNETES_SERVICE_ACCOUNT_OVERWRITE and its pod "
                    + "runs with that service account, whose token Kubernetes mounts into the job by default. A "
                    + "broad or unanchored pattern lets jobs take the runner manager's account or a deployer's.",
            """
                    Anchor the pattern and list only accounts meant for jobs, or remove it:
                    [runners.kubernetes]
                      service_account_overwrite_allowed = "^ci-job-(build|test)$\"""",
            "#overwrite-the-kubernetes-default-service-account",
            List.of("Kubernetes executor: Overwrite the Kubernetes default service account, "
                            + "KUBERNETES_SERVICE_ACCOUNT_OVERWRITE (https://docs.gitlab.com/runner/executors/"
                            + "kubernetes/#overwrite-the-kubernetes-default-service-account)",
                    "CWE-625: Permissive Regular Expression",
                    "CWE-266: Incorrect Privilege Assignment",
                    "kubesec ServiceAccountName"),
            List.of("kubernetes", "multi-tenancy", "overwrite", "credentials"));

    /** Creates the rule. */
    public KubernetesServiceAccountOverwriteRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        String own = runner.string("service_account").orElse("");
        List<String> probes = PROBES.stream().filter(p -> !p.equals(own)).toList();
        KubernetesNamespaceOverwriteRule.reportOverwrite(emit, runner.string("service_account_overwrite_allowed"),
                probes, "service account", "KUBERNETES_SERVICE_ACCOUNT_OVERWRITE", "gitlab-", "-admin");
    }
}
