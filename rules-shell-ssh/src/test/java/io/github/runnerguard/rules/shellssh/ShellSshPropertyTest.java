package io.github.runnerguard.rules.shellssh;

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
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Over generated configs whose runners all carry every risky shell/SSH/VM setting: a rule reports exactly the runners
 * whose executor reads what it checks, and never a runner of another executor.
 */
class ShellSshPropertyTest {

    private static final List<String> EXECUTORS = List.of("shell", "ssh", "parallels", "virtualbox", "instance",
            "docker", "docker-autoscaler", "docker+machine", "kubernetes", "custom", "docker-windows", "SSH",
            "Shell", "");

    /** Rule id -> the executors it judges. */
    private static final Map<String, Set<String>> FAMILY = Map.of(
            "shell.executor", Set.of("shell"),
            "ssh.executor", Set.of("ssh"),
            "ssh.host-key-checking-disabled", Set.of("ssh", "parallels", "virtualbox"),
            "ssh.password-auth", Set.of("ssh", "parallels", "virtualbox"),
            "ssh.root-login", Set.of("ssh"),
            "vm.allowed-images-unrestricted", Set.of("parallels", "virtualbox"),
            "vm.instance-reused", Set.of("instance"));

    private static String runner(String executor, int n) {
        return "[[runners]]\n  name = \"r" + n + "\"\n"
                + (executor.isEmpty() ? "" : "  executor = \"" + executor + "\"\n")
                + "  [runners.ssh]\n    user = \"root\"\n    password = \"pw\"\n"
                + "    disable_strict_host_key_checking = true\n"
                + "  [runners.parallels]\n    base_name = \"b\"\n    allowed_images = [\".*\"]\n"
                + "  [runners.virtualbox]\n    base_name = \"b\"\n    allowed_images = [\".*\"]\n"
                + "  [runners.autoscaler]\n    plugin = \"aws\"\n    max_use_count = 0\n    capacity_per_instance = 3\n";
    }

    private static Gen<List<String>> executorLists() {
        return SourceDSL.lists().of(Generate.pick(EXECUTORS)).ofSizeBetween(0, 6);
    }

    @Test
    void eachRuleReportsExactlyTheRunnersOfItsExecutors() {
        qt().withExamples(150).forAll(executorLists()).checkAssert(executors -> {
            StringBuilder toml = new StringBuilder("concurrent = 2\n");
            for (int i = 0; i < executors.size(); i++) {
                toml.append(runner(executors.get(i), i));
            }
            RunnerConfig config = ConfigLoader.defaults().load(toml.toString(), "generated.toml").config();
            assertNotNull(config, toml.toString());
            for (SecurityRule rule : ShellSshRulesTest.RULES) {
                Set<String> family = FAMILY.get(rule.descriptor().id());
                List<Finding> findings = rule.check(config, AuditContext.defaults());
                for (Finding finding : findings) {
                    String executor = executors.get(finding.runner().index());
                    assertTrue(family.contains(executor), rule.descriptor().id() + " reported a " + executor
                            + " runner");
                }
                long expected = executors.stream().filter(family::contains).count();
                assertEquals(expected, findings.size(), rule.descriptor().id() + "\n" + toml);
            }
        });
    }
}
