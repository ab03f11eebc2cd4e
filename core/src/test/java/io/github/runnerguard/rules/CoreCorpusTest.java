package io.github.runnerguard.rules;

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
 * The core rules on the real config.toml files of the gitlab-runner repository ({@code shared/corpus/gitlab-runner}):
 * none throws on any file that loads, and hand-checked files give exactly the findings listed here.
 */
class CoreCorpusTest {

    private static final List<SecurityRule> RULES = List.of(new UrlPlaintextRule(), new TokenDuplicatedRule(),
            new TokenInlineRule(), new SecretInEnvironmentRule(), new DebugTraceAllowedRule(),
            new TokenMaskingDisabledRule(), new MetricsPublicRule(), new SessionServerPublicRule(),
            new ExecutorUnknownRule(), new ExecutorDeprecatedRule(), new ConfigFileReadableRule(),
            new CacheInsecureTransportRule(), new CacheStaticCredentialsRule());

    /**
     * Hand-checked files (shared tenancy): every finding of the core rules, as {@code rule-id:line}, sorted. Read from
     * the files: {@code debug-trace-allowed} is on each {@code [[runners]]} header, since none of them sets
     * {@code debug_trace_disabled}; {@code TOKEN}, {@code RUNNER_TOKEN} and the like are literal tokens.
     */
    private static final Map<String, List<String>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("docs-advanced-08.toml", List.of("runner.session-server-public:10")),
            Map.entry("docs-advanced-09.toml", List.of("runner.debug-trace-allowed:2", "runner.token-inline:5",
                    "runner.url-plaintext:11", "runner.url-plaintext:4")),
            Map.entry("docs-docker-machine-autoscale-10.toml", List.of("cache.static-credentials:45",
                    "runner.debug-trace-allowed:4", "runner.executor-deprecated:8", "runner.token-inline:6")),
            Map.entry("docs-docker-autoscaler-04.toml", List.of("runner.debug-trace-allowed:2",
                    "runner.executor-unknown:3")),
            Map.entry("docs-feature-flags-01.toml", List.of("runner.debug-trace-allowed:2", "runner.token-inline:5")),
            Map.entry("docs-feature-flags-02.toml", List.of("runner.debug-trace-allowed:2", "runner.token-inline:5")),
            Map.entry("docs-oracle-cloud-02.toml", List.of("runner.debug-trace-allowed:2",
                    "runner.executor-unknown:2")),
            Map.entry("testdata-test-config.toml", List.of("runner.debug-trace-allowed:12",
                    "runner.debug-trace-allowed:18", "runner.debug-trace-allowed:6", "runner.token-inline:15",
                    "runner.token-inline:21", "runner.token-inline:9")),
            Map.entry("repo-config-toml-example.toml", List.of("runner.debug-trace-allowed:13",
                    "runner.debug-trace-allowed:28", "runner.debug-trace-allowed:4", "runner.token-duplicated:16",
                    "runner.token-duplicated:31", "runner.token-duplicated:7", "runner.token-inline:16",
                    "runner.token-inline:31", "runner.token-inline:7")),
            Map.entry("docs-fleet-scaling-01.toml", List.of("runner.debug-trace-allowed:4")),
            Map.entry("test-multi-04.toml", List.of("runner.debug-trace-allowed:3", "runner.token-inline:6"))));

    private static List<Finding> audit(RunnerConfig config) {
        List<Finding> findings = new ArrayList<>();
        for (SecurityRule rule : RULES) {
            findings.addAll(rule.check(config, AuditContext.defaults()));
        }
        return findings;
    }

    @Test
    void noRuleThrowsOnAnyCorpusFileThatLoads() throws IOException {
        Path corpus = SharedFiles.corpus();
        int loaded = 0;
        int findings = 0;
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        for (Path file : files) {
            LoadResult result = ConfigLoader.defaults().load(file);
            if (result.config() == null) {
                continue;
            }
            loaded++;
            findings += audit(result.config()).size();
        }
        System.out.printf("core rules: %d of %d corpus files loaded, %d findings%n", loaded, files.size(), findings);
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
