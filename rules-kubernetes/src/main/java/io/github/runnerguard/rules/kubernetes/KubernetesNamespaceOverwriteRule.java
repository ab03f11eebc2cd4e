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
 * The rule {@code kubernetes.namespace-overwrite}, which reports when {@code namespace_overwrite_allowed} lets jobs
 * pick the namespace of their pod (variable {@code KUBERNETES_NAMESPACE_OVERWRITE}) and accepts namespaces outside the
 * runner's own: it is probed with {@code kube-system}, {@code kube-public}, {@code kube-node-lease}, {@code default},
 * {@code gitlab-runner}, {@code gitlab} and {@code production} (the runner's own {@code namespace} excepted), and
 * reported when it is not anchored, because gitlab-runner matches it anywhere in the value ({@code "ci-.*"} accepts
 * {@code "production-ci-a"}). A valid Go expression that cannot be translated is reported one level lower as
 * unchecked.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesNamespaceOverwriteRule extends KubernetesRule {

    static final List<String> PROBES = List.of("kube-system", "kube-public", "kube-node-lease", "default",
            "gitlab-runner", "gitlab", "production");

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.namespace-overwrite",
            "Jobs can choose a namespace outside the runner's own",
            TenancySeverity.of(MEDIUM, HIGH, CRITICAL),
            "Choosing another namespace lets one project's jobs run beside other teams' workloads and secrets; the "
                    + "more tenants, the worse.",
            "With namespace_overwrite_allowed, a job sets KUBERNETES_NAMESPACE_OVERWRITE and its pod, secrets and "
                    + "service account lookups move to that namespace, with the runner's permissions there. "
                    + "gitlab-runner checks the value with Go's MatchString, which finds the pattern anywhere, so an "
                    + "unanchored pattern such as ci-.* accepts production-ci-x.",
            """
                    Anchor the pattern and keep it to the runner's own namespaces, or remove it:
                    [runners.kubernetes]
                      namespace_overwrite_allowed = "^ci-[a-z0-9-]+$\"""",
            "#overwrite-the-kubernetes-namespace",
            List.of("Kubernetes executor: Overwrite the Kubernetes namespace, KUBERNETES_NAMESPACE_OVERWRITE "
                            + "(https://docs.gitlab.com/runner/executors/kubernetes/"
                            + "#overwrite-the-kubernetes-namespace)",
                    "CWE-625: Permissive Regular Expression",
                    "CWE-266: Incorrect Privilege Assignment"),
            List.of("kubernetes", "multi-tenancy", "overwrite"));

    /** Creates the rule. */
    public KubernetesNamespaceOverwriteRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        String own = runner.string("namespace").orElse("");
        List<String> probes = PROBES.stream().filter(p -> !p.equals(own)).toList();
        reportOverwrite(emit, runner.string("namespace_overwrite_allowed"), probes, "namespace",
                "KUBERNETES_NAMESPACE_OVERWRITE", "production-", "-production");
    }

    /** Reports a namespace or service account overwrite pattern that is broad, unanchored or unchecked. */
    static void reportOverwrite(Emitter emit, Setting<String> regex, List<String> probes, String what,
                                String variable, String prefix, String suffix) {
        OverwriteCheck.evaluate(regex, probes, prefix, suffix).ifPresent(outcome -> {
            String head = rel(regex.keyPath()) + " = \"" + regex.value() + "\" lets jobs choose the " + what
                    + " with " + variable;
            if (outcome.unchecked().isPresent()) {
                emit.report(emit.base().lower(), head + "; it could not be checked (" + outcome.unchecked().get()
                        + "): review which values it accepts", regex.keyPath(), regex.position());
                return;
            }
            if (!outcome.broad()) {
                return;
            }
            StringBuilder message = new StringBuilder(head);
            if (!outcome.accepted().isEmpty()) {
                message.append("; it accepts ").append(outcome.acceptedText());
            }
            outcome.unanchored().ifPresent(example -> message.append(outcome.accepted().isEmpty() ? "; " : ", and ")
                    .append("it is not anchored (Go's MatchString finds it anywhere), so it also accepts \"")
                    .append(example).append('"'));
            emit.report(message.toString(), regex.keyPath(), regex.position());
        });
    }
}
