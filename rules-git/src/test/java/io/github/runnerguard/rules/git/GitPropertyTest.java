package io.github.runnerguard.rules.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Map;
import java.util.Set;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Tenancy;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Over generated configs whose runners all carry every risky git setting: each git rule reports exactly the runners
 * of the executors it judges, never a runner whose executor gives each job a clean environment, and nothing on a
 * dedicated runner when its table has no dedicated severity.
 */
class GitPropertyTest {

    private static final List<String> EXECUTORS = List.of("shell", "ssh", "custom", "parallels", "virtualbox",
            "instance", "docker", "docker-autoscaler", "docker+machine", "docker-windows", "kubernetes", "Shell", "");

    private static final Set<String> KNOWN = Set.of("shell", "ssh", "custom", "parallels", "virtualbox",
            "instance", "docker", "docker-autoscaler", "docker+machine", "docker-windows", "kubernetes");

    /** Rule id -> the executors it reports when every risky setting is present. */
    private static final Map<String, Set<String>> FAMILY = Map.of(
            "git.fetch-on-persistent-host", Set.of("shell", "ssh", "custom"),
            "git.job-cleanup-disabled", Set.of("shell", "ssh", "custom"),
            "git.job-token-persisted", Set.of("shell", "ssh", "custom"),
            "git.clean-git-config-disabled", Set.of("shell", "ssh", "custom", "instance", "docker",
                    "docker-autoscaler", "docker+machine", "docker-windows", "kubernetes"),
            "git.custom-build-dir-on-shared-host", Set.of("shell", "ssh"),
            "git.security-flag-job-overridable", KNOWN);

    private static String runner(String executor) {
        return "[[runners]]\n"
                + (executor.isEmpty() ? "" : "  executor = \"" + executor + "\"\n")
                + "  clean_git_config = false\n"
                + "  environment = [\"GIT_STRATEGY=fetch\", \"FF_MASK_ALL_DEFAULT_TOKENS=true\"]\n"
                + "  [runners.custom_build_dir]\n    enabled = true\n"
                + "  [runners.feature_flags]\n    FF_ENABLE_JOB_CLEANUP = false\n    FF_GIT_URLS_WITHOUT_TOKENS = false\n";
    }

    private static Gen<List<String>> executorLists() {
        return SourceDSL.lists().of(Generate.pick(EXECUTORS)).ofSizeBetween(0, 6);
    }

    @Test
    void eachRuleReportsExactlyTheRunnersOfItsExecutors() {
        qt().withExamples(150).forAll(executorLists(), Generate.enumValues(Tenancy.class))
                .checkAssert((executors, tenancy) -> {
                    StringBuilder toml = new StringBuilder();
                    executors.forEach(e -> toml.append(runner(e)));
                    RunnerConfig config = ConfigLoader.defaults().load(toml.toString(), "generated.toml").config();
                    assertNotNull(config, toml.toString());
                    AuditContext context = AuditContext.defaults().withDefaultTenancy(tenancy);
                    for (SecurityRule rule : GitRulesTest.RULES) {
                        String id = rule.descriptor().id();
                        List<Finding> findings = rule.check(config, context);
                        boolean fires = rule.descriptor().tenancy().forTenancy(tenancy).isPresent();
                        for (Finding finding : findings) {
                            String executor = executors.get(finding.runner().index());
                            assertTrue(FAMILY.get(id).contains(executor), id + " reported a " + executor + " runner");
                            assertEquals(rule.descriptor().tenancy().forTenancy(tenancy).orElseThrow(),
                                    finding.severity(), id);
                        }
                        long expected = fires ? executors.stream().filter(FAMILY.get(id)::contains).count() : 0;
                        assertEquals(expected, findings.size(), id + " (" + tenancy.id() + ")\n" + toml);
                    }
                });
    }
}
