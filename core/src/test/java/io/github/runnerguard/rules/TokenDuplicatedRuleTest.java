package io.github.runnerguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.junit.jupiter.api.Test;

/** runner.token-duplicated within a file (messages) and across the files of one audit (FleetRule). */
class TokenDuplicatedRuleTest {

    private static final String SECRET = "glrt-Zx9_shared-token-value";

    private final TokenDuplicatedRule rule = new TokenDuplicatedRule();

    private static RunnerConfig load(String source, String text) {
        RunnerConfig config = ConfigLoader.defaults().load(text, source).config();
        assertNotNull(config, source);
        return config;
    }

    private static String runner(String name, String token, String executor) {
        return "[[runners]]\n  name = \"" + name + "\"\n  url = \"https://gitlab.example.com\"\n  token = \""
                + token + "\"\n  executor = \"" + executor + "\"\n";
    }

    @Test
    void messagesNameTheOtherRunnerAndLineButNeverTheToken() {
        RunnerConfig config = load("a.toml", runner("docker-a", SECRET, "docker") + runner("shell-b", SECRET, "shell"));
        List<Finding> findings = rule.check(config, AuditContext.defaults());
        assertEquals(2, findings.size());
        Finding first = findings.get(0);
        assertEquals("runners[0].token", first.keyPath());
        assertTrue(first.message().contains("runner \"shell-b\" (line 9)"), first.message());
        assertTrue(findings.get(1).message().contains("runner \"docker-a\" (line 4)"), findings.get(1).message());
        for (Finding finding : findings) {
            assertFalse(finding.message().contains(SECRET), finding.message());
            assertFalse(finding.message().contains("shared-token"), finding.message());
        }
    }

    @Test
    void sameTokenInTwoFilesIsReportedLowInEachFile() {
        RunnerConfig a = load("host-a/config.toml", runner("a", SECRET, "docker"));
        RunnerConfig b = load("host-b/config.toml", runner("other", "glrt-unique", "docker")
                + runner("b", SECRET, "docker"));
        assertEquals(List.of(), rule.check(a, AuditContext.defaults()));
        assertEquals(List.of(), rule.check(b, AuditContext.defaults()));
        List<Finding> fleet = rule.checkFleet(List.of(a, b), AuditContext.defaults());
        assertEquals(2, fleet.size(), fleet.toString());
        Finding inA = fleet.stream().filter(f -> f.file().equals("host-a/config.toml")).findFirst().orElseThrow();
        Finding inB = fleet.stream().filter(f -> f.file().equals("host-b/config.toml")).findFirst().orElseThrow();
        assertEquals(Severity.LOW, inA.severity());
        assertEquals("runners[0].token", inA.keyPath());
        assertEquals("runners[1].token", inB.keyPath());
        assertEquals(9, inB.position().line());
        assertTrue(inA.message().contains("runner \"b\" in host-b/config.toml (line 9)"), inA.message());
        assertTrue(inB.message().contains("runner \"a\" in host-a/config.toml (line 4)"), inB.message());
        fleet.forEach(f -> assertFalse(f.message().contains(SECRET), f.message()));
    }

    @Test
    void fleetIgnoresVariableReferencesAndDuplicatesWithinOneFile() {
        RunnerConfig a = load("a.toml", runner("a", "${RUNNER_TOKEN}", "docker") + runner("a2", SECRET, "docker")
                + runner("a3", SECRET, "docker"));
        RunnerConfig b = load("b.toml", runner("b", "${RUNNER_TOKEN}", "docker"));
        assertEquals(List.of(), rule.checkFleet(List.of(a, b), AuditContext.defaults()));
        assertEquals(2, rule.check(a, AuditContext.defaults()).size(), "a2 and a3 share a token within a.toml");
    }

    @Test
    void fleetSeverityFollowsEachRunnersTenancy() {
        RunnerConfig a = load("a.toml", runner("trusted", SECRET, "docker"));
        RunnerConfig b = load("b.toml", runner("public", SECRET, "docker"));
        AuditContext context = AuditContext.defaults().withRunnerTenancy("public", Tenancy.MULTI_TENANT);
        List<Finding> fleet = rule.checkFleet(List.of(a, b), context);
        assertEquals(List.of(Severity.LOW, Severity.LOW), fleet.stream().map(Finding::severity).toList());
    }
}
