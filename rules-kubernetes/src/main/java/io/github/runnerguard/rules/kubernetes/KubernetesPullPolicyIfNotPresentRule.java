package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.HIGH;
import static io.github.runnerguard.spi.Severity.MEDIUM;

import java.util.List;
import java.util.Locale;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.Setting;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.pull-policy-if-not-present}, which reports when {@code pull_policy} or {@code
 * allowed_pull_policies} contains {@code if-not-present}, so a job can use an image that another project pulled with
 * its credentials. When neither is set, gitlab-runner leaves the pull policy to Kubernetes, whose default is {@code
 * IfNotPresent} for every image with a tag other than {@code latest}: that is reported one level lower.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesPullPolicyIfNotPresentRule extends KubernetesRule {

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.pull-policy-if-not-present",
            "Cached private images are reusable by other projects",
            TenancySeverity.of(null, MEDIUM, HIGH),
            "Only a runner shared by projects with different image access has the problem; not reported on "
                    + "dedicated runners. An unset policy (the cluster default) is one level lower.",
            "With if-not-present, an image that one project pulled with its registry credentials stays on the "
                    + "node, and a job of another project that names it runs it without any credentials check. "
                    + "Kubernetes' own default for tagged images behaves the same way.",
            """
                    Pull every image on every job on shared runners:
                    [runners.kubernetes]
                      pull_policy = ["always"]
                      allowed_pull_policies = ["always"]""",
            "#set-a-pull-policy",
            List.of("Security for self-managed runners: Usage of private Docker images with `if-not-present` pull "
                            + "policy (https://docs.gitlab.com/runner/security/"
                            + "#usage-of-private-docker-images-with-if-not-present-pull-policy)",
                    "kube-score container-image-pull-policy",
                    "CIS Docker Benchmark v1.6.0 5.28",
                    "CWE-284: Improper Access Control"),
            List.of("kubernetes", "multi-tenancy", "images"));

    /** Creates the rule. */
    public KubernetesPullPolicyIfNotPresentRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        boolean anySet = false;
        for (String field : List.of("pull_policy", "allowed_pull_policies")) {
            List<Setting<String>> items = runner.stringItems(field);
            anySet |= !items.isEmpty() && items.stream().anyMatch(i -> !i.orElse("").isBlank());
            for (Setting<String> item : items) {
                if (item.orElse("").strip().toLowerCase(Locale.ROOT).equals("if-not-present")) {
                    emit.report(field + " contains \"if-not-present\": a job can run an image that another "
                            + "project pulled with its credentials", item.keyPath(), item.position());
                    break;
                }
            }
        }
        if (!anySet) {
            emit.report(emit.base().lower(), "pull_policy is not set, so Kubernetes' default applies: IfNotPresent "
                    + "for images tagged other than latest, which reuses images other projects pulled",
                    runner.path("pull_policy"), null);
        }
    }
}
