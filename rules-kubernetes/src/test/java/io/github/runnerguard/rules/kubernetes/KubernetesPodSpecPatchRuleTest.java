package io.github.runnerguard.rules.kubernetes;

import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import io.github.runnerguard.testkit.RuleTestKit;
import org.junit.jupiter.api.Test;

/** Multi-line YAML patches, whose line cannot carry an expectation comment in a fixture. */
class KubernetesPodSpecPatchRuleTest {

    @Test
    void yamlPrivilegedContainerIsOneLevelHigher() {
        RuleTestKit.rule(new KubernetesPodSpecPatchRule()).tenancy(Tenancy.MULTI_TENANT).config("""
                [[runners]]
                  name = "yaml"
                  executor = "kubernetes"
                  [runners.kubernetes]
                    [[runners.kubernetes.pod_spec]]
                      name = "privileged-build"
                      patch = '''
                        containers:
                          - name: build
                            securityContext:
                              privileged: true
                      '''
                      patch_type = "strategic"
                """).check().assertFindings(f -> f.count(1).ruleId("kubernetes.pod-spec-patch").line(7)
                .severity(Severity.CRITICAL).runner("yaml").keyPath("runners[0].kubernetes.pod_spec[0].patch")
                .messageContains("(YAML, keys found textually) sets containers.securityContext.privileged = true"));
    }

    @Test
    void yamlHostPathVolume() {
        RuleTestKit.rule(new KubernetesPodSpecPatchRule()).config("""
                [[runners]]
                  name = "yaml"
                  executor = "kubernetes"
                  [runners.feature_flags]
                    FF_USE_ADVANCED_POD_SPEC_CONFIGURATION = true
                  [runners.kubernetes]
                    [[runners.kubernetes.pod_spec]]
                      name = "node-logs"
                      patch_type = "merge"
                      patch = '''
                        volumes:
                          - name: logs
                            hostPath:
                              path: /var/log
                      '''
                """).check().assertFindings(f -> f.count(1).line(10).severity(Severity.HIGH)
                .messageContains("volumes.hostPath"));
    }

    @Test
    void harmlessYamlPatchIsForReview() {
        RuleTestKit.rule(new KubernetesPodSpecPatchRule()).tenancy(Tenancy.DEDICATED).config("""
                [[runners]]
                  name = "yaml"
                  executor = "kubernetes"
                  [runners.kubernetes]
                    [[runners.kubernetes.pod_spec]]
                      name = "hostname"
                      patch = '''
                        hostname: "custom-pod-hostname"
                      '''
                """).check().assertFindings(f -> f.count(1).line(7).severity(Severity.MEDIUM)
                .messageContains("review it"));
    }
}
