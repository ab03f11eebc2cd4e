package io.github.runnerguard.rules.shellssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.SecurityRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shell, SSH and VM rules on the real config.toml files of the gitlab-runner repository: none throws on any
 * file that loads, and hand-checked shell, SSH and instance files give exactly the findings listed here.
 */
class ShellSshCorpusTest {

    /**
     * Hand-checked files (shared tenancy): every finding of this module's rules as {@code rule-id:line}. Instance
     * runners: docs-instance-01 and -04 use one job per instance, docs-instance-03 isolates jobs in nested VMs, the
     * others allow unlimited use ({@code max_use_count = 0} on line 20, or unset: reported at the runner header).
     */
    private static final Map<String, List<String>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("repo-config-toml-example.toml", List.of("shell.executor:9", "ssh.executor:33",
                    "ssh.password-auth:39", "ssh.root-login:38")),
            Map.entry("docs-ssh-01.toml", List.of("ssh.executor:3", "ssh.password-auth:8", "ssh.root-login:7")),
            Map.entry("docs-fleet-scaling-01.toml", List.of("shell.executor:8")),
            Map.entry("docs-fleet-scaling-02.toml", List.of("shell.executor:14", "shell.executor:20",
                    "shell.executor:8")),
            Map.entry("test-multi-04.toml", List.of("shell.executor:7")),
            Map.entry("test-multi-10.toml", List.of("shell.executor:12", "shell.executor:7")),
            Map.entry("test-single-01.toml", List.of("shell.executor:11", "shell.executor:6")),
            Map.entry("testdata-test-config.toml", List.of("shell.executor:16", "shell.executor:22")),
            Map.entry("docs-instance-01.toml", List.of()),
            Map.entry("docs-instance-02.toml", List.of("vm.instance-reused:20")),
            Map.entry("docs-instance-03.toml", List.of()),
            Map.entry("docs-instance-04.toml", List.of()),
            Map.entry("docs-instance-05.toml", List.of("vm.instance-reused:20")),
            Map.entry("docs-instance-07.toml", List.of("vm.instance-reused:20")),
            Map.entry("docs-fleeting-01.toml", List.of("vm.instance-reused:2")),
            Map.entry("docs-custom-01.toml", List.of())));

    private static List<Finding> audit(RunnerConfig config) {
        List<Finding> findings = new ArrayList<>();
        for (SecurityRule rule : ShellSshRulesTest.RULES) {
            findings.addAll(rule.check(config, AuditContext.defaults()));
        }
        return findings;
    }

    @Test
    void noRuleThrowsOnAnyCorpusFileThatLoads() throws IOException {
        Path corpus = SharedFiles.corpus();
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        int loaded = 0;
        int findings = 0;
        for (Path file : files) {
            LoadResult result = ConfigLoader.defaults().load(file);
            if (result.config() != null) {
                loaded++;
                findings += audit(result.config()).size();
            }
        }
        System.out.printf("shell/ssh/vm rules: %d of %d corpus files loaded, %d findings%n", loaded, files.size(),
                findings);
        assertTrue(loaded >= 240, "only " + loaded + " corpus files loaded");
    }

    @TestFactory
    Stream<DynamicTest> handCheckedFiles() {
        Path corpus = SharedFiles.corpus();
        return EXPECTED.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            LoadResult result = ConfigLoader.defaults().load(corpus.resolve(e.getKey()));
            assertNotNull(result.config(), e.getKey() + ": " + result.errors());
            List<String> actual = audit(result.config()).stream()
                    .map(f -> f.ruleId() + ":" + (f.position() == null ? "-" : f.position().line()))
                    .sorted().toList();
            assertEquals(e.getValue().stream().sorted().toList(), actual, e.getKey());
        }));
    }
}
