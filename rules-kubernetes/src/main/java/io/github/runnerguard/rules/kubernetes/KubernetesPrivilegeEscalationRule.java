package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.HIGH;
import static io.github.runnerguard.spi.Severity.LOW;
import static io.github.runnerguard.spi.Severity.MEDIUM;

import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.rules.kubernetes.internal.ContainerKind;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.RawReader;
import io.github.runnerguard.rules.kubernetes.internal.Setting;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.privilege-escalation}, which reports when the build container may gain privileges through
 * set-user-ID binaries, because its effective {@code allow_privilege_escalation} (the build container context's, else
 * {@code [runners.kubernetes]}) is true (one level above the tenancy severity) or unset (Kubernetes then allows
 * escalation). Keys that look like it but that gitlab-runner ignores, such as {@code allowPrivilegeEscalation}, are
 * named in the finding.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesPrivilegeEscalationRule extends KubernetesRule {

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.privilege-escalation",
            "Build container allows privilege escalation",
            TenancySeverity.of(LOW, MEDIUM, HIGH),
            "The severity is for an unset value (Kubernetes allows escalation); an explicit true is one level "
                    + "higher. Escalation matters more where untrusted users choose the job image.",
            "Without allowPrivilegeEscalation: false, a process in the job can become root through set-user-ID "
                    + "binaries such as sudo in the job image, and use root's capabilities against the node. "
                    + "gitlab-runner leaves the field unset unless config.toml sets it, and Kubernetes then allows "
                    + "escalation.",
            """
                    Set it to false for every container:
                    [runners.kubernetes]
                      allow_privilege_escalation = false""",
            "#other-configtoml-settings",
            List.of("Kubernetes executor: Other `config.toml` settings, allow_privilege_escalation \"When empty, it "
                            + "does not define the flag\" (https://docs.gitlab.com/runner/executors/kubernetes/"
                            + "#other-configtoml-settings)",
                    "Pod Security Standards Restricted: Privilege Escalation (https://kubernetes.io/docs/concepts/"
                            + "security/pod-security-standards/#restricted)",
                    "CIS Docker Benchmark v1.6.0 5.26",
                    "CWE-269: Improper Privilege Management",
                    "kubesec AllowPrivilegeEscalation"),
            List.of("kubernetes", "isolation", "pss-restricted"));

    /** Creates the rule. */
    public KubernetesPrivilegeEscalationRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        Setting<Boolean> effective = runner.effectiveAllowPrivilegeEscalation(ContainerKind.BUILD);
        if (effective.is(Boolean.FALSE)) {
            return;
        }
        if (effective.is(Boolean.TRUE)) {
            emit.report(emit.base().higher(), rel(effective.keyPath())
                    + " = true lets processes in the build container gain privileges (set-user-ID binaries, "
                    + "file capabilities)", effective.keyPath(), effective.position());
            return;
        }
        List<ConfigEntry> ignored = new ArrayList<>(runner.ignoredLookAlikes("allow_privilege_escalation"));
        KubernetesRunner.ContainerContext build = runner.context(ContainerKind.BUILD);
        if (build.present()) {
            RawReader.table(runner.table(), ContainerKind.BUILD.table()).ifPresent((ConfigTable t) ->
                    ignored.addAll(RawReader.ignoredLookAlikes(t, "allow_privilege_escalation")));
        }
        String message = "allow_privilege_escalation is not set for the build container, so Kubernetes allows "
                + "privilege escalation";
        if (!ignored.isEmpty()) {
            ConfigEntry first = ignored.get(0);
            emit.report(message + "; the key \"" + first.key() + "\" is not a gitlab-runner key and is ignored "
                    + "(the key is allow_privilege_escalation)", runner.path("allow_privilege_escalation"),
                    first.position());
            return;
        }
        emit.report(message, runner.path("allow_privilege_escalation"), null);
    }
}
