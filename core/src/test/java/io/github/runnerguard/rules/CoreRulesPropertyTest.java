package io.github.runnerguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties of every core rule over generated configs: no rule throws, findings are well-formed, no secret value of
 * the config appears in any message, and each finding has the severity its descriptor gives the runners' tenancy.
 */
class CoreRulesPropertyTest {

    private static final List<SecurityRule> RULES = List.of(new UrlPlaintextRule(), new TokenDuplicatedRule(),
            new TokenInlineRule(), new SecretInEnvironmentRule(), new DebugTraceAllowedRule(),
            new TokenMaskingDisabledRule(), new MetricsPublicRule(), new SessionServerPublicRule(),
            new ExecutorUnknownRule(), new ExecutorDeprecatedRule(), new ConfigFileReadableRule(),
            new CacheInsecureTransportRule(), new CacheStaticCredentialsRule());

    private static final List<String> EXECUTORS = List.of("shell", "ssh", "docker", "docker+machine",
            "docker-autoscaler", "kubernetes", "instance", "custom", "parallels", "virtualbox", "Docker",
            "docker+autoscaler", "");

    /** A secret: a fixed marker and random letters and digits, so that no other text contains it by chance. */
    private static Gen<String> secrets() {
        return SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(12, 24).map(s -> "Qz7" + s);
    }

    /** A generated config and the secrets written in it. */
    record Sample(String toml, List<String> secrets, Tenancy tenancy) {
        @Override
        public String toString() {
            return "tenancy " + tenancy.id() + "\n" + toml;
        }
    }

    private static Gen<String> runner(Gen<String> secret) {
        Gen<String> executor = Generate.pick(EXECUTORS);
        Gen<Integer> shape = Generate.range(0, 1 << 12);
        return executor.zip(shape, secret, (exec, bits, s) -> {
            StringBuilder b = new StringBuilder("[[runners]]\n");
            if ((bits & 1) != 0) {
                b.append("  name = \"r-").append(bits).append("\"\n");
            }
            b.append("  url = \"").append((bits & 2) != 0 ? "http://gitlab.example.com" : "https://gitlab.example.com")
                    .append("\"\n");
            switch ((bits >> 2) & 3) {
                case 0 -> b.append("  token = \"glrt-").append(s).append("\"\n");
                case 1 -> b.append("  token = \"${RUNNER_TOKEN}\"\n");
                case 2 -> b.append("  token = \"\"\n");
                default -> { }
            }
            if (!exec.isEmpty() || (bits & 16) != 0) {
                b.append("  executor = \"").append(exec).append("\"\n");
            }
            if ((bits & 32) != 0) {
                b.append("  clone_url = \"http://ci:").append(s).append("@10.1.2.3\"\n");
            }
            if ((bits & 64) != 0) {
                b.append("  environment = [\"NPM_TOKEN=").append(s).append("\", \"FF_MASK_ALL_DEFAULT_TOKENS=")
                        .append((bits & 128) != 0 ? "false" : "true").append("\", \"DB_PASSWORD=$X\"]\n");
            }
            if ((bits & 256) != 0) {
                b.append("  debug_trace_disabled = ").append((bits & 512) != 0).append('\n');
            }
            if ((bits & 1024) != 0) {
                b.append("  [runners.cache]\n    Type = \"s3\"\n  [runners.cache.s3]\n    ServerAddress = \"minio:9000\"\n")
                        .append("    Insecure = true\n    AccessKey = \"AKIA").append(s).append("\"\n")
                        .append("    SecretKey = \"").append(s).append("\"\n")
                        .append("  [runners.cache.gcs]\n    PrivateKey = \"").append(s).append("\"\n")
                        .append("  [runners.cache.azure]\n    AccountKey = \"").append(s).append("\"\n");
            }
            if ((bits & 2048) != 0) {
                b.append("  [runners.feature_flags]\n    FF_MASK_ALL_DEFAULT_TOKENS = false\n");
            }
            return b.toString();
        });
    }

    private static Gen<Sample> samples() {
        Gen<String> secret = secrets();
        Gen<String> global = Generate.pick(List.of("", "listen_address = \"0.0.0.0:9252\"\n",
                "listen_address = \":9252\"\n", "listen_address = \"127.0.0.1:9252\"\n",
                "[session_server]\n  listen_address = \"[::]:8093\"\n",
                "concurrent = 4\n"));
        Gen<List<String>> runners = SourceDSL.lists().of(runner(secret)).ofSizeBetween(0, 4);
        return global.zip(runners, secret, Generate.enumValues(Tenancy.class), (g, rs, s, tenancy) -> {
            StringBuilder toml = new StringBuilder(g);
            for (String r : rs) {
                toml.append(r).append('\n');
            }
            List<String> secrets = new ArrayList<>();
            for (String r : rs) {
                int at = r.indexOf("Qz7");
                while (at >= 0) {
                    int end = at;
                    while (end < r.length() && Character.isLetterOrDigit(r.charAt(end))) {
                        end++;
                    }
                    secrets.add(r.substring(at, end));
                    at = r.indexOf("Qz7", end);
                }
            }
            return new Sample(toml.toString(), secrets, tenancy);
        });
    }

    @Test
    void rulesAreTotalWellFormedAndNeverLeakSecrets() {
        qt().withExamples(300).forAll(samples()).checkAssert(sample -> {
            RunnerConfig config = ConfigLoader.defaults().load(sample.toml(), "generated.toml").config();
            assertNotNull(config, sample.toml());
            AuditContext context = AuditContext.defaults().withDefaultTenancy(sample.tenancy());
            for (SecurityRule rule : RULES) {
                List<Finding> findings = rule.check(config, context);
                assertNotNull(findings);
                for (Finding finding : findings) {
                    assertEquals(rule.descriptor().id(), finding.ruleId());
                    assertEquals("generated.toml", finding.file());
                    Severity expected = rule.descriptor().tenancy().forTenancy(sample.tenancy()).orElse(null);
                    assertNotNull(expected, () -> rule.descriptor().id() + " fired on a tenancy it skips");
                    assertEquals(expected, finding.severity(), () -> rule.descriptor().id() + " severity");
                    for (String secret : sample.secrets()) {
                        assertFalse(finding.message().contains(secret),
                                () -> rule.descriptor().id() + " leaks a secret: " + finding.message());
                        assertFalse(finding.remediation().contains(secret));
                        assertFalse(finding.keyPath().contains(secret));
                    }
                    if (finding.runner() != null) {
                        assertTrue(finding.runner().index() < config.runners().size());
                        assertTrue(finding.keyPath().startsWith("runners[" + finding.runner().index() + "]"),
                                finding.keyPath());
                    }
                }
            }
        });
    }

    @Test
    void executorRulesOnlyFireForTheirExecutors() {
        qt().withExamples(200).forAll(samples()).checkAssert(sample -> {
            RunnerConfig config = ConfigLoader.defaults().load(sample.toml(), "generated.toml").config();
            assertNotNull(config);
            for (Finding finding : new ExecutorDeprecatedRule().check(config, AuditContext.defaults())) {
                assertEquals("docker+machine", config.runners().get(finding.runner().index()).executor().value());
            }
            for (Finding finding : new ExecutorUnknownRule().check(config, AuditContext.defaults())) {
                String executor = config.runners().get(finding.runner().index()).executor().orElse("");
                assertFalse(ExecutorUnknownRule.EXECUTORS.contains(executor), executor);
            }
            long known = config.runners().stream()
                    .filter(r -> ExecutorUnknownRule.EXECUTORS.contains(r.executor().orElse(""))).count();
            assertEquals(config.runners().size() - known,
                    new ExecutorUnknownRule().check(config, AuditContext.defaults()).size());
        });
    }
}
