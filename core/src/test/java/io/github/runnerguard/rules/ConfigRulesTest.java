package io.github.runnerguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import org.junit.jupiter.api.Test;

/** The config.* rules turn the loader's diagnostics into findings. */
class ConfigRulesTest {

    private static RunnerConfig load(String toml) {
        LoadResult result = ConfigLoader.defaults().load(toml, "config.toml");
        assertNotNull(result.config(), result.diagnostics().toString());
        return result.config();
    }

    private static List<Finding> check(SecurityRule rule, RunnerConfig config) {
        return rule.check(config, AuditContext.defaults());
    }

    @Test
    void unknownKeysAreLowOrMediumNextToASecuritySetting() {
        RunnerConfig config = load("""
                [[runners]]
                  name = "builder"
                  executor = "docker"
                  buids_dir = "/builds"
                  [runners.docker]
                    image = "alpine"
                    privilegd = false
                """);
        List<Finding> findings = check(new UnknownKeyRule(), config);
        assertEquals(2, findings.size(), findings.toString());
        Finding typo = findings.get(0);
        assertEquals("config.unknown-key", typo.ruleId());
        assertEquals(Severity.LOW, typo.severity());
        assertEquals(new Position(4, 3), typo.position());
        assertEquals("builder", typo.runner().name());
        assertEquals(0, typo.runner().index());
        assertTrue(typo.message().contains("buids_dir"), typo.message());
        assertTrue(typo.remediation().contains("builds_dir"), typo.remediation());
        Finding hardening = findings.get(1);
        assertEquals(Severity.MEDIUM, hardening.severity(), "privilegd is closest to privileged");
        assertEquals(new Position(7, 5), hardening.position());
        assertEquals("config.toml", hardening.file());
    }

    @Test
    void twoSpellingsOfOneKeyAreHigh() {
        RunnerConfig config = load("""
                [[runners]]
                  name = "dind"
                  executor = "docker"
                  [runners.docker]
                    privileged = false
                    Privileged = true
                """);
        List<Finding> findings = check(new AmbiguousKeyRule(), config);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.HIGH, findings.get(0).severity());
        assertEquals("dind", findings.get(0).runner().name());
        assertTrue(findings.get(0).remediation().contains("line"), findings.get(0).remediation());
        assertTrue(check(new UnknownKeyRule(), config).isEmpty());
    }

    @Test
    void valuesGitlabRunnerRefusesAreHigh() {
        RunnerConfig config = load("""
                concurrent = "4"
                [[runners]]
                  name = "typed"
                  executor = "docker"
                  [runners.docker]
                    privileged = "true"
                """);
        List<Finding> findings = check(new TypeMismatchRule(), config);
        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.severity() == Severity.HIGH));
        assertEquals(null, findings.get(0).runner(), "concurrent is a global key");
        assertEquals("typed", findings.get(1).runner().name());

        Diagnostic invalid = Diagnostic.of(Diagnostic.Kind.INVALID_VALUE, "idle_time is not a Go duration",
                "runners[0].autoscaler.policy[0].idle_time", new Position(9, 7));
        RunnerConfig withInvalid = new RunnerConfig(config.source(), config.global(), config.runners(), config.raw(),
                config.comments(), config.lines(), List.of(invalid));
        List<Finding> invalidFindings = check(new TypeMismatchRule(), withInvalid);
        assertEquals(1, invalidFindings.size());
        assertEquals("runners[0].autoscaler.policy[0].idle_time", invalidFindings.get(0).keyPath());
        assertTrue(check(new UnknownKeyRule(), withInvalid).isEmpty());
    }

    @Test
    void aCleanConfigHasNoFindings() {
        RunnerConfig config = load("""
                concurrent = 2
                [[runners]]
                  name = "ok"
                  url = "https://gitlab.example.com"
                  token = "glrt-abcdefghijklmnopqrst"
                  executor = "docker"
                  [runners.docker]
                    image = "alpine"
                """);
        for (SecurityRule rule : List.of(new UnknownKeyRule(), new AmbiguousKeyRule(), new TypeMismatchRule())) {
            assertTrue(check(rule, config).isEmpty(), rule.descriptor().id());
        }
    }

    @Test
    void descriptorsAreComplete() {
        for (SecurityRule rule : List.of(new UnknownKeyRule(), new AmbiguousKeyRule(), new TypeMismatchRule())) {
            RuleDescriptor d = rule.descriptor();
            assertEquals("config", d.family());
            assertFalse(d.title().isBlank());
            assertTrue(d.description().length() > 80, d.id());
            assertTrue(d.remediation().contains("\n"), "remediation carries a TOML snippet: " + d.id());
            assertTrue(d.helpUri().toString().startsWith("https://docs.gitlab.com/"), d.id());
            assertFalse(d.references().isEmpty());
            assertFalse(d.tenancyNote().isBlank());
            assertTrue(rule.descriptor() == d || rule.descriptor().equals(d));
        }
        assertTrue(UnknownKeyRule.SECURITY_KEYS.contains("privileged"));
    }
}
