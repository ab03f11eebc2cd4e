package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.rules.TokenDuplicatedRule;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.FleetRule;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-file rules see every file of an audit; their findings are judged under each file's policy. */
class FleetAuditTest {

    private static final String TOKEN = "glrt-sharedAcrossHosts0123456789";

    @TempDir
    Path dir;

    private Path write(String name, String runner, String token) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, """
                [[runners]]
                  name = "%s"
                  url = "https://gitlab.example.com"
                  token = "%s"
                  executor = "docker"
                """.formatted(runner, token), StandardCharsets.UTF_8);
        return file;
    }

    private static List<AuditFinding> tokenFindings(AuditReport report) {
        return report.findings().stream().filter(f -> f.finding().ruleId().equals("runner.token-duplicated"))
                .toList();
    }

    @Test
    void theSameTokenInTwoFilesIsFoundInBoth() throws Exception {
        Path a = write("a.toml", "host-a", TOKEN);
        Path b = write("b.toml", "host-b", TOKEN);
        Path c = write("c.toml", "host-c", "glrt-anotherTokenEntirely98765");
        AuditReport report = Auditor.builder().rules(new TokenDuplicatedRule()).clock(AuditorTest.MARCH_2026).build()
                .audit(List.of(a, b, c));
        List<AuditFinding> findings = tokenFindings(report);
        assertEquals(2, findings.size(), findings.toString());
        assertEquals(a.toString(), findings.get(0).finding().file());
        assertEquals(b.toString(), findings.get(1).finding().file());
        assertEquals(Severity.LOW, findings.get(0).finding().severity(), "across files: two levels below high");
        assertTrue(findings.get(0).finding().message().contains("host-b"), findings.get(0).toString());
        assertEquals(4, findings.get(0).finding().position().line());
        for (AuditFinding finding : findings) {
            assertFalse(finding.finding().message().contains(TOKEN), "the token is never shown");
        }
        assertTrue(report.files().stream().filter(f -> f.source().equals(c.toString())).findFirst().orElseThrow()
                .findings().isEmpty());
    }

    @Test
    void oneFileAloneHasNoCrossFileFinding() throws Exception {
        Path a = write("a.toml", "host-a", TOKEN);
        AuditReport report = Auditor.builder().rules(new TokenDuplicatedRule()).build().audit(List.of(a));
        assertEquals(List.of(), tokenFindings(report));
    }

    @Test
    void eachPolicyJudgesTheFindingsOfItsOwnFiles() throws Exception {
        Path a = write("a.toml", "host-a", TOKEN);
        Path b = write("b.toml", "host-b", TOKEN);
        Auditor waiving = Auditor.builder().rules(new TokenDuplicatedRule()).clock(AuditorTest.MARCH_2026)
                .policy(Policy.builder().waiver(new Waiver("runner.token-duplicated", "host-a",
                        "host-b is our second manager of this runner", null, null)).build()).build();
        Auditor strict = Auditor.builder().rules(new TokenDuplicatedRule()).clock(AuditorTest.MARCH_2026)
                .policy(Policy.builder().severity("runner.token-duplicated", Severity.CRITICAL).build()).build();
        FileReport reportA = waiving.auditFile(a);
        FileReport reportB = strict.auditFile(b);
        List<RunnerConfig> fleet = List.of(reportA.config(), reportB.config());
        List<FileReport> judgedA = waiving.withFleetFindings(List.of(reportA), fleet);
        List<FileReport> judgedB = strict.withFleetFindings(List.of(reportB), fleet);
        assertEquals(1, judgedA.get(0).findings().size());
        assertTrue(judgedA.get(0).findings().get(0).suppressed(), "the waiver of a's policy applies");
        assertEquals(1, judgedB.get(0).findings().size());
        assertEquals(Severity.CRITICAL, judgedB.get(0).findings().get(0).finding().severity(),
                "b's policy overrides the severity");
        assertFalse(judgedB.get(0).findings().get(0).suppressed());
    }

    @Test
    void aFailingCrossFileCheckIsReportedAndTheAuditGoesOn() throws Exception {
        Path a = write("a.toml", "host-a", TOKEN);
        Path b = write("b.toml", "host-b", TOKEN);
        FleetRule broken = new FleetRule() {
            private final RuleDescriptor descriptor = TestRules.descriptor("test.fleet-broken", List.of());

            @Override
            public RuleDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public List<Finding> check(RunnerConfig config, AuditContext context) {
                return List.of();
            }

            @Override
            public List<Finding> checkFleet(List<RunnerConfig> configs, AuditContext context) {
                throw new IllegalStateException("cannot compare " + configs.size() + " configs");
            }
        };
        AuditReport report = Auditor.builder().rules(broken, new TokenDuplicatedRule()).build().audit(List.of(a, b));
        List<String> ids = new ArrayList<>();
        report.findings().forEach(f -> ids.add(f.finding().ruleId()));
        assertEquals(List.of("engine.rule-failed", "runner.token-duplicated", "engine.rule-failed",
                "runner.token-duplicated"), ids);
        assertTrue(report.findings().get(0).finding().message().startsWith("Cross-file check: Rule test.fleet-broken"
                + " failed with java.lang.IllegalStateException: cannot compare 2 configs"),
                report.findings().get(0).finding().message());
    }
}
