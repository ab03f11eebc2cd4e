package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.junit.jupiter.api.Test;

class AuditorTest {

    static final String TOML = """
            concurrent = 1

            [[runners]]
              name = "alpha"
              token = "glrt-secretvalue123456"
              executor = "docker"

            [[runners]]
              name = "beta"
              executor = "shell"
            """;

    /** Lets the spinning rule of the time-budget test end once the test is over (it ignores interrupts). */
    private static volatile boolean stopSpinning;

    static final Clock MARCH_2026 = Clock.fixed(Instant.parse("2026-03-15T12:00:00Z"), ZoneOffset.UTC);

    private static Auditor auditor(TestRules.Lambda... rules) {
        return Auditor.builder().rules(rules).clock(MARCH_2026).build();
    }

    private static List<String> ids(FileReport report) {
        return report.findings().stream().map(f -> f.finding().ruleId()).toList();
    }

    @Test
    void aRuleThatThrowsOrErrsIsReportedAndTheAuditGoesOn() {
        RunnerConfig config = TestConfigs.load(TOML);
        Auditor auditor = auditor(
                new TestRules.Lambda("a.exception", (c, x) -> {
                    throw new IllegalStateException("boom with glrt-secretvalue123456 inside");
                }),
                new TestRules.Lambda("a.error", (c, x) -> {
                    throw new StackOverflowError();
                }),
                new TestRules.Lambda("a.linkage", (c, x) -> {
                    throw new NoClassDefFoundError("acme/Gone");
                }),
                new TestRules.Lambda("a.null", (c, x) -> null),
                new TestRules.Lambda("a.ok", (c, x) -> List.of(TestRules.at(c, "a.ok", Severity.LOW, 4, 3, "fine"))));
        FileReport report = auditor.audit(config).files().get(0);
        List<AuditFinding> failures = report.findings().stream()
                .filter(f -> f.finding().ruleId().equals("engine.rule-failed")).toList();
        assertEquals(4, failures.size(), report.findings().toString());
        assertTrue(ids(report).contains("a.ok"));
        String messages = String.join("\n", failures.stream().map(f -> f.finding().message()).toList());
        assertTrue(messages.contains("Rule a.exception failed with java.lang.IllegalStateException: boom"), messages);
        assertTrue(messages.contains("Rule a.error failed with java.lang.StackOverflowError"), messages);
        assertTrue(messages.contains("Rule a.linkage failed with java.lang.NoClassDefFoundError: acme/Gone")
                && messages.contains("another Runnerguard version"), messages);
        assertTrue(messages.contains("Rule a.null failed with java.lang.NullPointerException"), messages);
        assertFalse(messages.contains("secretvalue123456"), messages);
        for (AuditFinding failure : failures) {
            assertEquals(Severity.HIGH, failure.finding().severity());
            assertNull(failure.finding().position());
            assertEquals("A rule failed, so its checks are missing from the audit", failure.title());
        }
    }

    @Test
    void aRuleOverItsTimeBudgetIsAbandoned() {
        RunnerConfig config = TestConfigs.load(TOML);
        Auditor auditor = Auditor.builder().clock(MARCH_2026).ruleTimeBudget(Duration.ofMillis(300)).rules(
                new TestRules.Lambda("a.a-spins", (c, x) -> {
                    long sink = 0;
                    while (!stopSpinning) {
                        sink = sink * 31 + 1;
                    }
                    return sink == 42 ? List.of() : List.of();
                }),
                new TestRules.Lambda("a.b-sleeps", (c, x) -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of(TestRules.at(c, "a.b-sleeps", Severity.LOW, 4, 3, "late"));
                }),
                new TestRules.Lambda("a.c-after", (c, x) -> List.of(TestRules.at(c, "a.c-after", Severity.LOW, 4, 3,
                        "after")))).build();
        long start = System.nanoTime();
        FileReport report;
        try {
            report = auditor.audit(config).files().get(0);
        } finally {
            stopSpinning = true;
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis < 5_000, "took " + millis + " ms");
        assertEquals(List.of("engine.rule-failed", "engine.rule-failed", "a.c-after"), ids(report));
        assertTrue(report.findings().get(0).finding().message().contains("Rule a.a-spins did not finish within 300 ms"),
                report.findings().get(0).finding().message());
        assertTrue(report.findings().get(1).finding().message().contains("a.b-sleeps"));
    }

    @Test
    void withoutABudgetRulesRunOnTheCallingThread() {
        AtomicReference<Thread> seen = new AtomicReference<>();
        Auditor auditor = Auditor.builder().ruleTimeBudget(Duration.ZERO).rules(
                new TestRules.Lambda("a.where", (c, x) -> {
                    seen.set(Thread.currentThread());
                    return List.of();
                })).build();
        auditor.audit(TestConfigs.load(TOML));
        assertEquals(Thread.currentThread(), seen.get());
        assertThrows(IllegalArgumentException.class, () -> Auditor.builder().ruleTimeBudget(Duration.ofSeconds(-1)));
    }

    @Test
    void findingsUnderAnotherIdAreDroppedAndReported() {
        FileReport report = auditor(new TestRules.Lambda("a.mine", (c, x) -> List.of(
                TestRules.at(c, "a.mine", Severity.LOW, 4, 3, "ok"),
                TestRules.at(c, "b.theirs", Severity.CRITICAL, 5, 3, "not mine")))).audit(TestConfigs.load(TOML))
                .files().get(0);
        assertEquals(List.of("engine.rule-failed", "a.mine"), ids(report));
        assertTrue(report.findings().get(0).finding().message().contains("b.theirs"));
    }

    @Test
    void findingsAreSortedByLineColumnAndRuleWhateverTheRulesReturn() {
        TestRules.Lambda z = new TestRules.Lambda("z.last", (c, x) -> List.of(
                TestRules.at(c, "z.last", Severity.LOW, 9, 3, "z9"),
                TestRules.at(c, "z.last", Severity.LOW, 4, 7, "z4-7"),
                TestRules.at(c, "z.last", Severity.LOW, 4, 3, "z4-3")));
        TestRules.Lambda a = new TestRules.Lambda("a.first", (c, x) -> List.of(
                TestRules.at(c, "a.first", Severity.HIGH, 4, 7, "a4-7"),
                new Finding("a.first", Severity.INFO, "global", c.source(), null, "concurrent", null, "r")));
        List<String> order = auditor(z, a).audit(TestConfigs.load(TOML)).files().get(0).findings().stream()
                .map(f -> f.finding().message()).toList();
        assertEquals(List.of("global", "z4-3", "a4-7", "z4-7", "z9"), order);
        List<String> again = auditor(a, z).audit(TestConfigs.load(TOML)).files().get(0).findings().stream()
                .map(f -> f.finding().message()).toList();
        assertEquals(order, again);
    }

    @Test
    void thePolicyDisablesRulesAndOverridesSeverities() {
        TestRules.Lambda one = new TestRules.Lambda("a.one", (c, x) -> List.of(TestRules.at(c, "a.one", Severity.LOW,
                4, 3, "one")));
        TestRules.Lambda two = new TestRules.Lambda("a.two", (c, x) -> List.of(TestRules.at(c, "a.two", Severity.LOW,
                5, 3, "two")));
        Policy policy = Policy.builder().disable("a.two").severity("a.one", Severity.CRITICAL).build();
        FileReport report = Auditor.builder().rules(one, two).policy(policy).build().audit(TestConfigs.load(TOML))
                .files().get(0);
        assertEquals(List.of("a.one"), ids(report));
        assertEquals(Severity.CRITICAL, report.findings().get(0).finding().severity());
    }

    @Test
    void tenancyReachesTheRulesFromPolicyAndBuilder() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        TestRules.Lambda probe = new TestRules.Lambda("a.probe", (c, x) -> {
            seen.add(x.tenancyOf("alpha").id() + "/" + x.tenancyOf("beta").id() + "/" + x.podSecurityLevel().orElse("-"));
            return List.of();
        });
        Policy policy = Policy.builder().tenancy(Tenancy.DEDICATED).runnerTenancy("beta", Tenancy.MULTI_TENANT)
                .kubernetesPss("baseline").build();
        RunnerConfig config = TestConfigs.load(TOML);
        Auditor.builder().rules(probe).policy(policy).build().audit(config);
        Auditor.builder().rules(probe).policy(policy).tenancy(Tenancy.SHARED).kubernetesPss("restricted").build()
                .audit(config);
        Auditor.builder().rules(probe).build().audit(config);
        assertEquals(List.of("dedicated/multi-tenant/baseline", "shared/multi-tenant/restricted", "shared/shared/-"),
                seen);
        assertThrows(IllegalArgumentException.class, () -> Auditor.builder().rules(probe).kubernetesPss("strict")
                .build());
    }

    @Test
    void waiversSuppressUntilTheyExpireAndExpiredOnesAreReported() {
        TestRules.Lambda rule = new TestRules.Lambda("a.risky", (c, x) -> List.of(
                new Finding("a.risky", Severity.HIGH, "alpha risky", c.source(), new RunnerRef(0, "alpha"),
                        "runners[0].x", new Position(4, 3), "r"),
                new Finding("a.risky", Severity.HIGH, "beta risky", c.source(), new RunnerRef(1, "beta"),
                        "runners[1].x", new Position(9, 3), "r")));
        Policy policy = Policy.parse("""
                [[waivers]]
                rule = "a.risky"
                runner = "alpha"
                reason = "alpha is being rebuilt"
                expires = 2026-03-15

                [[waivers]]
                rule = "a.risky"
                runner = "beta"
                reason = "beta was to be fixed in February"
                expires = 2026-02-28
                """, "runnerguard.toml");
        AuditReport report = Auditor.builder().rules(rule).policy(policy).clock(MARCH_2026).build()
                .audit(TestConfigs.load(TOML));
        assertEquals(List.of("config.toml", "runnerguard.toml"), report.files().stream().map(FileReport::source)
                .toList());
        List<AuditFinding> findings = report.files().get(0).findings();
        assertEquals("alpha is being rebuilt", findings.get(0).suppressionReason().orElseThrow());
        assertEquals(Suppression.Kind.WAIVER, findings.get(0).suppression().kind());
        assertFalse(findings.get(1).suppressed(), "an expired waiver no longer suppresses");
        FileReport policyReport = report.files().get(1);
        assertEquals(1, policyReport.findings().size());
        Finding expired = policyReport.findings().get(0).finding();
        assertEquals("policy.waiver-expired", expired.ruleId());
        assertEquals(new Position(8, 1), expired.position());
        assertTrue(expired.message().contains("expired on 2026-02-28"), expired.message());
        assertTrue(report.fails(FailOn.HIGH));
        assertEquals(1, report.summary().suppressed());

        Clock april = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);
        AuditReport later = Auditor.builder().rules(rule).policy(policy).clock(april).build()
                .audit(TestConfigs.load(TOML));
        assertEquals(0, later.summary().suppressed());
        assertEquals(2, later.files().get(1).findings().size());
        assertEquals(LocalDate.of(2026, 4, 1), LocalDate.now(april));
    }

    @Test
    void aPolicyNamingAnUnknownRuleIsRefusedAtBuild() {
        Policy policy = Policy.builder().source("p.toml").disable("a.nope").build();
        PolicyException error = assertThrows(PolicyException.class, () -> Auditor.builder()
                .rules(new TestRules.Lambda("a.yes", (c, x) -> List.of())).policy(policy).build());
        assertTrue(error.getMessage().contains("no rule has the id a.nope"), error.getMessage());
    }

    @Test
    void secretsInFindingMessagesAreMasked() {
        TestRules.Lambda careless = new TestRules.Lambda("a.careless", (c, x) -> List.of(TestRules.at(c, "a.careless",
                Severity.INFO, 5, 3, "token is glrt-secretvalue123456 and password=hunter2")));
        String message = auditor(careless).audit(TestConfigs.load(TOML)).files().get(0).findings().get(0).finding()
                .message();
        assertEquals("token is glrt-\u2026 and password=\u2026", message);
    }
}
