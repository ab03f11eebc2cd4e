package io.github.runnerguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import io.github.runnerguard.testkit.sample.NoLimitRule;
import io.github.runnerguard.testkit.sample.PrivilegedFlagRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class RuleTestKitTest {

    private static final String PRIVILEGED = """
            concurrent = 4

            [[runners]]
              name = "builder"
              url = "https://gitlab.example.com/"
              token = "glrt-abcdefghijklmnopqrst"
              executor = "docker"
              limit = 2
              [runners.docker]
                image = "alpine:3.20"
                privileged = true
            """;

    private static final String TWO_RUNNERS = """
            concurrent = 4

            [[runners]]
              name = "first"
              executor = "docker"
              limit = 1
              [runners.docker]
                privileged = true

            [[runners]]
              name = "second"
              executor = "docker"
              limit = 1
              [runners.docker]
                Privileged = true
            """;

    @Test
    void findingMatchesEveryDescribedProperty() {
        CheckResult result = RuleTestKit.rule(new PrivilegedFlagRule()).config(PRIVILEGED).check()
                .assertFindings(f -> f.count(1).ruleId(PrivilegedFlagRule.ID).line(11).column(5)
                        .severity(Severity.HIGH).runner("builder").keyPath("runners[0].docker.privileged")
                        .messageContains("privileged containers"));
        assertEquals(1, result.findings().size());
        assertEquals(RuleTestKit.TEXT_SOURCE, result.findings().get(0).file());
    }

    @Test
    void tenancyChangesTheSeverity() {
        RuleTestKit.rule(new PrivilegedFlagRule()).config(PRIVILEGED).tenancy(Tenancy.MULTI_TENANT).check()
                .assertFindings(f -> f.count(1).severity(Severity.CRITICAL));
        RuleTestKit.rule(new PrivilegedFlagRule()).config(PRIVILEGED).tenancy(Tenancy.DEDICATED).check()
                .assertFindings(f -> f.count(1).severity(Severity.MEDIUM));
    }

    @Test
    void contextGivesTenancyPerRunner() {
        RuleTestKit.rule(new PrivilegedFlagRule()).config(TWO_RUNNERS)
                .context(AuditContext.defaults().withRunnerTenancy("second", Tenancy.MULTI_TENANT)).check()
                .assertFindings(f -> f.count(2)
                        .runner("first").severity(Severity.HIGH).line(8)
                        .and()
                        .runner("second").severity(Severity.CRITICAL).line(15));
    }

    @Test
    void tenancyOverridesTheContextsDefault() {
        RuleTestKit.rule(new NoLimitRule()).config("[[runners]]\n  name = \"x\"\n")
                .context(AuditContext.defaults().withDefaultTenancy(Tenancy.MULTI_TENANT))
                .tenancy(Tenancy.DEDICATED).check()
                .assertNoFindings();
    }

    @Test
    void assertNoFindingsPassesWithoutFindings() {
        RuleTestKit.rule(new PrivilegedFlagRule()).config(PRIVILEGED.replace("privileged = true", "privileged = false"))
                .check().assertNoFindings();
    }

    @Test
    void absenceFindingPointsAtTheRunnerHeader() {
        RuleTestKit.rule(new NoLimitRule()).config("concurrent = 1\n\n[[runners]]\n  name = \"free\"\n").check()
                .assertFindings(f -> f.count(1).line(3).column(1).keyPath("runners[0].limit").runner("free"));
    }

    @Test
    void wrongLineFailsWithTheExcerptAroundExpectedAndActualLines() {
        CheckResult result = RuleTestKit.rule(new PrivilegedFlagRule()).config(PRIVILEGED).check();
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> result.assertFindings(f -> f.ruleId(PrivilegedFlagRule.ID).line(5)));
        String message = error.getMessage();
        assertTrue(message.contains("Expected a finding with ruleId sample.privileged-flag, line 5, but none matches"),
                message);
        assertTrue(message.contains("differs in line 11"), message);
        assertTrue(message.contains("E = expected finding here, F = actual finding here"), message);
        assertTrue(message.contains("   5 E |   url = \"https://gitlab.example.com/\""), message);
        assertTrue(message.contains("  11 F |     privileged = true"), message);
        assertTrue(message.contains("   3   | [[runners]]"), message);
        assertTrue(error.isExpectedDefined() && error.isActualDefined());
    }

    @Test
    void wrongCountFails() {
        CheckResult result = RuleTestKit.rule(new PrivilegedFlagRule()).config(TWO_RUNNERS).check();
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> result.assertFindings(f -> f.count(1)));
        assertTrue(error.getMessage().startsWith("Expected 1 finding but found 2."), error.getMessage());
        assertTrue(error.getMessage().contains("1. sample.privileged-flag high at 8:5, runner #0 \"first\""),
                error.getMessage());
    }

    @Test
    void wrongSeverityNamesTheDifference() {
        CheckResult result = RuleTestKit.rule(new PrivilegedFlagRule()).config(PRIVILEGED).check();
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> result.assertFindings(f -> f.severity(Severity.CRITICAL).runner("other")));
        assertTrue(error.getMessage().contains("differs in severity high, runner \"builder\""), error.getMessage());
    }

    @Test
    void twoDescriptionsNeedTwoDifferentFindings() {
        CheckResult result = RuleTestKit.rule(new PrivilegedFlagRule()).config(PRIVILEGED).check();
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> result.assertFindings(f -> f.ruleId(PrivilegedFlagRule.ID).and().line(11)));
        assertTrue(error.getMessage().contains("The 2 described findings need 2 different findings"),
                error.getMessage());
    }

    @Test
    void assertNoFindingsFailsListingTheFindings() {
        CheckResult result = RuleTestKit.rule(new PrivilegedFlagRule()).config(PRIVILEGED).check();
        AssertionFailedError error = assertThrows(AssertionFailedError.class, result::assertNoFindings);
        assertTrue(error.getMessage().startsWith("Expected no finding but found 1:"), error.getMessage());
        assertTrue(error.getMessage().contains("  11 F |     privileged = true"), error.getMessage());
    }

    @Test
    void describingNothingIsAMistake() {
        CheckResult result = RuleTestKit.rule(new PrivilegedFlagRule()).config(PRIVILEGED).check();
        assertThrows(IllegalStateException.class, () -> result.assertFindings(f -> { }));
        assertThrows(IllegalStateException.class, () -> result.assertFindings(f -> f.line(1).line(2)));
    }

    @Test
    void configThatDoesNotLoadFailsWithTheLoadersDiagnostic() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> RuleTestKit.rule(new PrivilegedFlagRule()).config("[[runners]]\n  name = \"x\n").check());
        assertTrue(error.getMessage().startsWith("The config config.toml did not load"), error.getMessage());
        assertTrue(error.getMessage().contains("syntax"), error.getMessage());
        assertTrue(error.getMessage().contains("   2 X |   name = \"x"), error.getMessage());
    }

    @Test
    void configFromAFileUsesThePathAsSource(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, PRIVILEGED);
        CheckResult result = RuleTestKit.rule(new PrivilegedFlagRule()).config(file).check()
                .assertFindings(f -> f.count(1).line(11));
        assertEquals(file.toString(), result.findings().get(0).file());
        assertEquals(file.toString(), result.source());
    }

    @Test
    void checkWithoutConfigIsAMistake() {
        assertThrows(IllegalStateException.class, () -> RuleTestKit.rule(new PrivilegedFlagRule()).check());
    }

    @Test
    void discoveredFindsTheRuleThroughServiceLoader() {
        RuleTestKit.Builder builder = RuleTestKit.discovered(" sample.privileged-flag ");
        assertEquals(PrivilegedFlagRule.class, builder.rule().getClass());
    }

    @Test
    void discoveredFailsNamingTheArtifactOfTheFamily() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> RuleTestKit.discovered("docker.privileged"));
        assertTrue(error.getMessage().contains("No SecurityRule with id 'docker.privileged' was found"),
                error.getMessage());
        assertTrue(error.getMessage().contains("Rules found: [") && error.getMessage().contains("sample.no-limit")
                && error.getMessage().contains("sample.privileged-flag"), error.getMessage());
        assertTrue(error.getMessage().contains("io.github.runnerguard:runnerguard-rules-docker"), error.getMessage());

        error = assertThrows(AssertionFailedError.class, () -> RuleTestKit.discovered("shell.exec"));
        assertTrue(error.getMessage().contains("runnerguard-rules-shell-ssh"), error.getMessage());

        error = assertThrows(AssertionFailedError.class, () -> RuleTestKit.discovered("acme.image-registry"));
        assertTrue(error.getMessage().contains("runnerguard-rules-acme"), error.getMessage());
    }

    @Test
    void discoveredPointsFromAFormerIdToTheCurrentOne() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> RuleTestKit.discovered("sample.privileged"));
        assertTrue(error.getMessage().contains("former id (alias) of 'sample.privileged-flag'"), error.getMessage());
    }

    @Test
    void aRuleThatThrowsFailsTheCheck() {
        SecurityRule throwing = new StubRule(PrivilegedFlagRule.ID) {
            @Override
            public List<Finding> check(RunnerConfig config, AuditContext context) {
                throw new IllegalStateException("boom");
            }
        };
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> RuleTestKit.rule(throwing).config(PRIVILEGED).check());
        assertTrue(error.getMessage().contains("threw java.lang.IllegalStateException: boom"), error.getMessage());
    }

    @Test
    void aFindingUnderAnotherIdFailsTheCheck() {
        SecurityRule other = new StubRule("sample.other") {
            @Override
            public List<Finding> check(RunnerConfig config, AuditContext context) {
                return new PrivilegedFlagRule().check(config, context);
            }
        };
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> RuleTestKit.rule(other).config(PRIVILEGED).check());
        assertTrue(error.getMessage().contains("returned a finding with the rule id 'sample.privileged-flag'"),
                error.getMessage());
    }

    @Test
    void aFindingThatShowsASecretFailsTheCheck() {
        SecurityRule leaking = new StubRule(PrivilegedFlagRule.ID) {
            @Override
            public List<Finding> check(RunnerConfig config, AuditContext context) {
                Finding finding = new PrivilegedFlagRule().check(config, context).get(0);
                return List.of(new Finding(finding.ruleId(), finding.severity(),
                        "token glrt-abcdefghijklmnopqrst is exposed", finding.file(), finding.runner(),
                        finding.keyPath(), finding.position(), finding.remediation()));
            }
        };
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> RuleTestKit.rule(leaking).config(PRIVILEGED).check());
        assertTrue(error.getMessage().contains("put the value of the secret runners[0].token into a finding"),
                error.getMessage());
        assertTrue(!error.getMessage().contains("glrt-abcdefghijklmnopqrst"), "the failure itself must not leak");
    }

    @Test
    void ruleReturnsTheInstanceGiven() {
        PrivilegedFlagRule rule = new PrivilegedFlagRule();
        assertSame(rule, RuleTestKit.rule(rule).rule());
    }

    /** A rule with a valid descriptor for {@code id}, whose check the test overrides. */
    private abstract static class StubRule implements SecurityRule {
        private final RuleDescriptor descriptor;

        StubRule(String id) {
            RuleDescriptor base = new PrivilegedFlagRule().descriptor();
            this.descriptor = new RuleDescriptor(id, base.title(), base.defaultSeverity(), base.tenancy(),
                    base.tenancyNote(), base.description(), base.remediation(), base.helpUri(), base.references(),
                    base.tags(), List.of(), base.since());
        }

        @Override
        public RuleDescriptor descriptor() {
            return descriptor;
        }
    }
}
