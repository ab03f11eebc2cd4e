package io.github.runnerguard.rules.git;

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
 * The git rules on the real config.toml files of the gitlab-runner repository: none throws on any file that loads,
 * and hand-checked shell, SSH and custom files give exactly the findings listed here.
 */
class GitCorpusTest {

    private static final String FETCH = "git.fetch-on-persistent-host:";
    private static final String CLEANUP = "git.job-cleanup-disabled:";
    private static final String TOKEN = "git.job-token-persisted:";
    private static final String GIT_CONFIG = "git.clean-git-config-disabled:";

    /** The findings of a shell runner with nothing set, at its header line. */
    private static List<String> shell(int header) {
        return List.of(FETCH + header, CLEANUP + header, TOKEN + header, GIT_CONFIG + header);
    }

    /** The findings of an SSH or custom runner with nothing set (clean_git_config defaults to true there). */
    private static List<String> sshOrCustom(int header) {
        return List.of(FETCH + header, CLEANUP + header, TOKEN + header);
    }

    private static List<String> all(List<List<String>> parts) {
        List<String> out = new ArrayList<>();
        parts.forEach(out::addAll);
        return out;
    }

    /**
     * Hand-checked files (shared tenancy): no runner of these files sets GIT_STRATEGY, a feature flag,
     * clean_git_config or custom_build_dir, so every shell, SSH and custom runner is reported at its header;
     * docker and instance runners are not.
     */
    private static final Map<String, List<String>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("repo-config-toml-example.toml", all(List.of(shell(4), sshOrCustom(28)))),
            Map.entry("docs-ssh-01.toml", sshOrCustom(2)),
            Map.entry("docs-fleet-scaling-01.toml", shell(4)),
            Map.entry("docs-fleet-scaling-02.toml", all(List.of(shell(4), shell(10), shell(16)))),
            Map.entry("test-multi-04.toml", shell(3)),
            Map.entry("testdata-test-config.toml", all(List.of(shell(12), shell(18)))),
            Map.entry("test-single-01.toml", all(List.of(shell(2), shell(7)))),
            Map.entry("docs-custom-01.toml", sshOrCustom(2)),
            Map.entry("docs-custom-libvirt-01.toml", sshOrCustom(8)),
            Map.entry("docs-custom-lxd-01.toml", sshOrCustom(2)),
            Map.entry("docs-custom-fargate-01.toml", sshOrCustom(8)),
            Map.entry("docs-instance-02.toml", List.of()),
            Map.entry("docs-feature-flags-01.toml", List.of())));

    private static List<Finding> audit(RunnerConfig config) {
        List<Finding> findings = new ArrayList<>();
        for (SecurityRule rule : GitRulesTest.RULES) {
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
        System.out.printf("git rules: %d of %d corpus files loaded, %d findings%n", loaded, files.size(), findings);
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
