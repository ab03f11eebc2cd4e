package io.github.runnerguard.rules.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Tenancy;
import io.github.runnerguard.testkit.GeneratedConfig;
import io.github.runnerguard.testkit.RunnerConfigGenerator;
import io.github.runnerguard.testkit.RunnerConfigGens;
import org.junit.jupiter.api.Test;

/** Properties of the Kubernetes rules over generated configs (QuickTheories). */
class KubernetesPropertiesTest {

    private static List<Finding> audit(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (SecurityRule rule : KubernetesRules.all()) {
            findings.addAll(rule.check(config, context));
        }
        return findings;
    }

    @Test
    void runnersOfOtherExecutorsNeverGetAKubernetesFinding() {
        List<String> others = RunnerConfigGenerator.EXECUTORS.stream().filter(e -> !e.equals("kubernetes")).toList();
        qt().withExamples(100).forAll(RunnerConfigGens.configs().withExecutors(others))
                .checkAssert(generated -> {
                    RunnerConfig config = generated.load();
                    assertEquals(List.of(), audit(config, AuditContext.defaults().withEnforcedPss("restricted")),
                            generated.toml());
                });
    }

    @Test
    void everyKubernetesRunnerGetsOneLevelAndEveryFindingPointsAtALine() {
        qt().withExamples(100).forAll(RunnerConfigGens.withExecutor("kubernetes")).checkAssert(generated -> {
            RunnerConfig config = generated.load();
            List<Finding> findings = audit(config, AuditContext.defaults());
            Set<RunnerRef> withLevel = findings.stream().filter(f -> f.ruleId().equals("kubernetes.pss-level"))
                    .map(Finding::runner).collect(Collectors.toSet());
            long kubernetesRunners = config.runners().stream().filter(r -> KubernetesRunner.of(r).isPresent())
                    .count();
            assertEquals(kubernetesRunners, withLevel.size(), generated.toml());
            for (Finding f : findings) {
                assertTrue(f.position() != null && f.position().line() <= config.lines().size(), f.toString());
                assertFalse(f.message().contains("eyJhbGciOiJSUzI1NiIsImtpZCI6InJ1bm5lciJ9"),
                        "no bearer token in " + f.message());
                assertFalse(f.message().contains("glrt-"), f.message());
            }
        });
    }

    @Test
    void runnerLevelPrivilegedAlwaysReachesSomeContainer() {
        // no generated config has a helper context, so the helper container always inherits privileged = true
        qt().withExamples(100).forAll(RunnerConfigGens.withExecutor("kubernetes")
                .forcing("kubernetes.privileged", true)).checkAssert((GeneratedConfig generated) -> {
                    RunnerConfig config = generated.load();
                    Set<Integer> flagged = new KubernetesPrivilegedRule().check(config, AuditContext.defaults())
                            .stream().map(f -> f.runner().index()).collect(Collectors.toSet());
                    assertEquals(config.runners().size(), flagged.size(), generated.toml());
                });
    }

    @Test
    void admissionFindingsGrowWithTheEnforcedLevel() {
        qt().withExamples(100).forAll(RunnerConfigGens.withExecutor("kubernetes")).checkAssert(generated -> {
            RunnerConfig config = generated.load();
            SecurityRule denied = new KubernetesPssAdmissionDeniedRule();
            List<Finding> none = denied.check(config, AuditContext.defaults());
            List<Finding> privileged = denied.check(config, AuditContext.defaults().withEnforcedPss("privileged"));
            List<Finding> baseline = denied.check(config, AuditContext.defaults().withEnforcedPss("baseline"));
            List<Finding> restricted = denied.check(config, AuditContext.defaults().withEnforcedPss("restricted"));
            assertEquals(List.of(), none);
            assertEquals(List.of(), privileged);
            assertTrue(withoutLevel(restricted).containsAll(withoutLevel(baseline)), generated.toml());
            // gitlab-runner's defaults never meet restricted: every Kubernetes runner is rejected there
            Set<Integer> rejected = restricted.stream().map(f -> f.runner().index()).collect(Collectors.toSet());
            assertEquals(config.runners().size(), rejected.size(), generated.toml());
        });
    }

    /** The findings without the enforced level named at the end of the message. */
    private static List<String> withoutLevel(List<Finding> findings) {
        return findings.stream().map(f -> f.keyPath() + " " + f.position() + " "
                + f.message().replaceFirst(" \\(the namespace enforces \"[a-z]+\"\\)$", "")).toList();
    }

    @Test
    void dedicatedNeverRanksAboveMultiTenant() {
        qt().withExamples(100).forAll(RunnerConfigGens.withExecutor("kubernetes")).checkAssert(generated -> {
            RunnerConfig config = generated.load();
            for (SecurityRule rule : KubernetesRules.all()) {
                List<Finding> dedicated = rule.check(config, AuditContext.defaults()
                        .withDefaultTenancy(Tenancy.DEDICATED));
                List<Finding> multi = rule.check(config, AuditContext.defaults()
                        .withDefaultTenancy(Tenancy.MULTI_TENANT));
                assertTrue(dedicated.size() <= multi.size(), rule.descriptor().id());
                for (Finding d : dedicated) {
                    multi.stream().filter(m -> m.keyPath().equals(d.keyPath()) && m.message().equals(d.message()))
                            .findFirst().ifPresent(m -> assertTrue(m.severity().atLeast(d.severity()),
                                    rule.descriptor().id() + ": " + d + " vs " + m));
                }
            }
        });
    }
}
