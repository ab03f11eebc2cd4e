package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyTest {

    private static final String FULL = """
            # runnerguard policy
            tenancy = "multi-tenant"
            fail-on = "medium"
            kubernetes-pss = "Restricted"

            [runner-tenancy]
            "release-builder" = "dedicated"
            docs = "shared"

            [rules."config.unknown-key"]
            severity = "high"

            [rules."config.ambiguous-key"]
            enabled = false

            [[waivers]]
            rule = "config.type-mismatch"
            runner = "legacy"
            reason = "migrating in Q3"
            expires = 2027-06-30

            [[waivers]]
            rule = "config.unknown-key"
            reason = "vendor keys"
            expires = "2026-01-31"
            """;

    @Test
    void readsEverySetting() {
        Policy policy = Policy.parse(FULL, "runnerguard.toml");
        assertEquals(Tenancy.MULTI_TENANT, policy.defaultTenancy());
        assertEquals(FailOn.MEDIUM, policy.failOn().orElseThrow());
        assertEquals("restricted", policy.kubernetesPss().orElseThrow());
        assertEquals(Map.of("release-builder", Tenancy.DEDICATED, "docs", Tenancy.SHARED), policy.runnerTenancy());
        assertEquals(Severity.HIGH, policy.severityFor("config.unknown-key").orElseThrow());
        assertFalse(policy.isEnabled("config.ambiguous-key"));
        assertTrue(policy.isEnabled("config.type-mismatch"));
        assertEquals(2, policy.waivers().size());
        Waiver first = policy.waivers().get(0);
        assertEquals("config.type-mismatch", first.rule());
        assertEquals("legacy", first.runner());
        assertEquals("migrating in Q3", first.reason());
        assertEquals(LocalDate.of(2027, 6, 30), first.expires());
        assertEquals(new Position(17, 1), first.position());
        Waiver second = policy.waivers().get(1);
        assertNull(second.runner());
        assertEquals(LocalDate.of(2026, 1, 31), second.expires());
        assertEquals(new Position(10, 1), policy.rules().get("config.unknown-key").position());
    }

    @Test
    void anEmptyPolicyIsTheDefault() {
        Policy policy = Policy.parse("# nothing\n", "p.toml");
        assertEquals(Tenancy.SHARED, policy.defaultTenancy());
        assertTrue(policy.failOn().isEmpty());
        assertTrue(policy.waivers().isEmpty());
        assertEquals("p.toml", policy.source().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level key        | fail_on = "high"                                                    | 1 | 1  | unknown key fail_on (did you mean fail-on?)
            bad tenancy                  | tenancy = "public"                                                  | 1 | 1  | tenancy must be dedicated, shared or multi-tenant
            tenancy not a string         | tenancy = 3                                                         | 1 | 1  | tenancy must be a string, not an integer
            bad fail-on                  | fail-on = "severe"                                                  | 1 | 1  | fail-on must be one of critical, high, medium, low, info, never
            bad pss level                | kubernetes-pss = "strict"                                           | 1 | 1  | kubernetes-pss must be privileged, baseline or restricted
            runner tenancy value         | '[runner-tenancy]\n"a" = "private"'                                 | 2 | 1  | runner-tenancy.a must be dedicated, shared or multi-tenant
            runner tenancy not a table   | runner-tenancy = "dedicated"                                        | 1 | 1  | runner-tenancy must be a table
            rule setting not a table     | '[rules]\n"x.y" = false'                                            | 2 | 1  | rules."x.y" must be a table
            unknown key in a rule        | '[rules."x.y"]\nsevrity = "low"'                                    | 2 | 1  | unknown key sevrity in rules."x.y" (did you mean severity?)
            bad severity                 | '[rules."x.y"]\nseverity = "urgent"'                                | 2 | 1  | rules."x.y".severity must be critical, high, medium, low or info
            enabled not a boolean        | '[rules."x.y"]\nenabled = "no"'                                     | 2 | 1  | enabled must be true or false, not a string
            empty rule setting           | '[rules."x.y"]'                                                     | 1 | 1  | says nothing
            waiver without reason        | '[[waivers]]\nrule = "x.y"'                                         | 1 | 1  | a waiver needs a reason
            waiver with blank reason     | '[[waivers]]\nrule = "x.y"\nreason = "  "'                          | 3 | 1  | reason must not be blank
            waiver without rule          | '[[waivers]]\nreason = "ok"'                                        | 1 | 1  | a waiver needs a rule
            waiver unknown key           | '[[waivers]]\nrule = "x.y"\nreason = "ok"\nrunners = "a"'           | 4 | 1  | unknown key runners in a waiver (did you mean runner?)
            waiver bad date              | '[[waivers]]\nrule = "x.y"\nreason = "ok"\nexpires = "next year"'   | 4 | 1  | expires must be a date such as 2027-06-30
            waiver date with time        | '[[waivers]]\nrule = "x.y"\nreason = "ok"\nexpires = 2027-01-01T00:00:00Z' | 4 | 1 | expires must be a date such as 2027-06-30 (no time
            waivers not an array         | waivers = "none"                                                    | 1 | 1  | waivers must be an array of tables
            inline table key             | 'rules = { "x.y" = { enabld = true } }'                             | 1 | 21 | unknown key enabld
            not toml                     | tenancy = = "shared"                                                | 1 | 0  | not valid TOML
            """)
    void reportsEachErrorWithItsPosition(String name, String text, int line, int column, String expected) {
        PolicyException error = assertThrows(PolicyException.class,
                () -> Policy.parse(text.replace("\\n", "\n"), "runnerguard.toml"));
        PolicyProblem problem = error.problems().get(0);
        assertTrue(problem.message().contains(expected), problem.message());
        assertEquals(line, problem.position().line(), problem.toString());
        if (column > 0) {
            assertEquals(column, problem.position().column(), problem.toString());
        }
        assertTrue(error.getMessage().startsWith("runnerguard.toml:" + line + ":"), error.getMessage());
    }

    @Test
    void listsEveryProblemNotOnlyTheFirst() {
        PolicyException error = assertThrows(PolicyException.class, () -> Policy.parse("""
                tenancy = "public"
                colour = true
                [[waivers]]
                rule = "x.y"
                """, "p.toml"));
        assertEquals(3, error.problems().size(), error.getMessage());
        assertEquals(List.of(1, 2, 3), error.problems().stream().map(p -> p.position().line()).toList());
    }

    @Test
    void resolvesAliasesAndRejectsUnknownRuleIds() {
        RuleRegistry registry = RuleRegistry.of(new TestRules.Fixed("acme.new-name", List.of("acme.old-name")));
        Policy resolved = Policy.parse("""
                [rules."acme.old-name"]
                severity = "critical"
                [[waivers]]
                rule = "acme.old-name"
                reason = "known"
                """, "p.toml").resolve(registry);
        assertEquals(Severity.CRITICAL, resolved.severityFor("acme.new-name").orElseThrow());
        assertEquals("acme.new-name", resolved.waivers().get(0).rule());

        PolicyException error = assertThrows(PolicyException.class, () -> Policy.parse("""
                [rules."acme.new-nam"]
                enabled = false
                """, "p.toml").resolve(registry));
        assertTrue(error.getMessage().contains("p.toml:1:1: no rule has the id acme.new-nam (did you mean "
                + "acme.new-name?)"), error.getMessage());
    }

    @Test
    void builtInIdsCanBeConfigured() {
        Policy resolved = Policy.parse("[rules.\"engine.rule-failed\"]\nseverity = \"critical\"\n", "p.toml")
                .resolve(RuleRegistry.of());
        assertEquals(Severity.CRITICAL, resolved.severityFor("engine.rule-failed").orElseThrow());
    }

    @Test
    void loadsFromAFileAndFindsTheFileNextToAConfig(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, "concurrent = 1\n");
        assertTrue(Policy.fileNextTo(config).isEmpty());
        Path policyFile = dir.resolve(Policy.FILE_NAME);
        Files.writeString(policyFile, "fail-on = \"never\"\n", StandardCharsets.UTF_8);
        assertEquals(policyFile, Policy.fileNextTo(config).orElseThrow());
        Policy policy = Policy.load(policyFile);
        assertEquals(FailOn.NEVER, policy.failOn().orElseThrow());
        assertEquals(policyFile.toString(), policy.source().orElseThrow());

        PolicyException missing = assertThrows(PolicyException.class, () -> Policy.load(dir.resolve("nope.toml")));
        assertTrue(missing.getMessage().contains("cannot read the policy file"), missing.getMessage());
        Path latin1 = dir.resolve("latin1.toml");
        Files.write(latin1, new byte[] {'#', ' ', (byte) 0xE9, '\n'});
        PolicyException encoding = assertThrows(PolicyException.class, () -> Policy.load(latin1));
        assertTrue(encoding.getMessage().contains("not valid UTF-8"), encoding.getMessage());
    }

    @Test
    void waiverExpiryIsInclusiveOfItsLastDay() {
        Waiver waiver = new Waiver("a.b", null, "why", LocalDate.of(2026, 3, 31), null);
        assertFalse(waiver.expiredOn(LocalDate.of(2026, 3, 31)));
        assertTrue(waiver.expiredOn(LocalDate.of(2026, 4, 1)));
        assertFalse(new Waiver("a.b", null, "why", null, null).expiredOn(LocalDate.of(2999, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Waiver("a.b", null, " ", null, null));
    }

    @Test
    void failOnThresholds() {
        assertTrue(FailOn.HIGH.failsOn(Severity.CRITICAL));
        assertTrue(FailOn.HIGH.failsOn(Severity.HIGH));
        assertFalse(FailOn.HIGH.failsOn(Severity.MEDIUM));
        assertFalse(FailOn.NEVER.failsOn(Severity.CRITICAL));
        assertTrue(FailOn.INFO.failsOn(Severity.INFO));
        assertEquals(FailOn.LOW, FailOn.parse(" Low "));
        assertThrows(IllegalArgumentException.class, () -> FailOn.parse("all"));
    }
}
