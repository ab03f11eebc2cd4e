package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.Severity;
import org.junit.jupiter.api.Test;

/** Where a {@code # runnerguard:ignore} comment must stand, and what it must say. */
class InlineSuppressionTest {

    /** Flags the line of every {@code flag_*} key, under the rule named by the key's suffix. */
    private static final TestRules.Lambda X = flagger("x.flag", List.of("x.old-flag"));
    private static final TestRules.Lambda Y = flagger("y.flag", List.of());

    private static TestRules.Lambda flagger(String id, List<String> aliases) {
        String suffix = id.substring(0, 1);
        return new TestRules.Lambda(id, aliases, (c, x) -> {
            List<Finding> findings = new ArrayList<>();
            for (int i = 0; i < c.lines().size(); i++) {
                String line = c.lines().get(i);
                int at = line.indexOf("flag_" + suffix);
                if (at >= 0) {
                    findings.add(new Finding(id, Severity.HIGH, "flagged " + (i + 1), c.source(), null, "k",
                            new Position(i + 1, at + 1), "r"));
                }
            }
            return findings;
        });
    }

    private static List<AuditFinding> audit(String toml) {
        RunnerConfig config = TestConfigs.load(toml);
        return Auditor.builder().rules(X, Y).clock(AuditorTest.MARCH_2026).build().audit(config).files().get(0)
                .findings();
    }

    private static AuditFinding finding(List<AuditFinding> findings, String ruleId, int line) {
        return findings.stream().filter(f -> f.finding().ruleId().equals(ruleId)
                        && f.finding().position() != null && f.finding().position().line() == line)
                .findFirst().orElseThrow(() -> new AssertionError(ruleId + " at " + line + " in " + findings));
    }

    @Test
    void atTheEndOfTheFlaggedLine() {
        List<AuditFinding> findings = audit("""
                [[runners]]
                  name = "a"
                  flag_x1 = "1" # runnerguard:ignore x.flag -- accepted for the demo runner
                  flag_y1 = "1"
                """);
        AuditFinding x = finding(findings, "x.flag", 3);
        assertTrue(x.suppressed());
        assertEquals("accepted for the demo runner", x.suppressionReason().orElseThrow());
        assertEquals(Suppression.Kind.INLINE, x.suppression().kind());
        assertEquals(new Position(3, 17), x.suppression().position());
        assertFalse(finding(findings, "y.flag", 4).suppressed(), "only the named rule is suppressed");
    }

    @Test
    void aloneOnTheLineAboveAndStacked() {
        List<AuditFinding> findings = audit("""
                [[runners]]
                  # runnerguard:ignore x.flag -- reason one
                  flag_x1 = "1"
                  # runnerguard:ignore x.flag -- reason two
                  # runnerguard:ignore y.flag -- reason three
                  t = { flag_x2 = "2", flag_y2 = "2" }
                  flag_y3 = "3"
                  flag_x4 = "4"
                """);
        assertEquals("reason one", finding(findings, "x.flag", 3).suppressionReason().orElseThrow());
        assertEquals("reason two", finding(findings, "x.flag", 6).suppressionReason().orElseThrow());
        assertEquals("reason three", finding(findings, "y.flag", 6).suppressionReason().orElseThrow());
        assertFalse(finding(findings, "y.flag", 7).suppressed(), "a comment applies to the next line only");
        assertFalse(finding(findings, "x.flag", 8).suppressed());
    }

    @Test
    void nothingMayComeBetweenTheCommentAndTheLine() {
        List<AuditFinding> findings = audit("""
                [[runners]]
                  # runnerguard:ignore x.flag -- blank line below

                  flag_x1 = "1"
                  # runnerguard:ignore x.flag -- another comment below
                  # a note
                  flag_x2 = "2"
                """);
        assertFalse(finding(findings, "x.flag", 4).suppressed());
        assertFalse(finding(findings, "x.flag", 7).suppressed());
        AuditFinding invalid = finding(findings, "policy.suppression-invalid", 2);
        assertTrue(invalid.finding().message().contains("directly above"), invalid.finding().message());
        assertEquals(Severity.LOW, invalid.finding().severity());
        assertTrue(finding(findings, "policy.suppression-invalid", 5).finding().message().contains("directly above"));
    }

    @Test
    void malformedCommentsSuppressNothingAndAreReported() {
        List<AuditFinding> findings = audit("""
                [[runners]]
                  flag_x1 = "1" # runnerguard:ignore x.flag
                  flag_x2 = "2" # runnerguard:ignore x.flg -- typo
                  flag_x3 = "3" # runnerguard:ignore x.flag until 31/12/2026 -- bad date
                  flag_x4 = "4" # runnerguard:ignore x.flag --
                  flag_x5 = "5" # runnerguard:ignore -- no rule
                """);
        for (int line = 2; line <= 6; line++) {
            assertFalse(finding(findings, "x.flag", line).suppressed(), "line " + line);
        }
        assertTrue(finding(findings, "policy.suppression-invalid", 2).finding().message().contains("needs a reason"));
        assertTrue(finding(findings, "policy.suppression-invalid", 3).finding().message()
                .contains("no rule has the id x.flg (did you mean x.flag?)"));
        assertTrue(finding(findings, "policy.suppression-invalid", 4).finding().message().contains("not a date"));
        assertTrue(finding(findings, "policy.suppression-invalid", 5).finding().message().contains("empty"));
        assertTrue(finding(findings, "policy.suppression-invalid", 6).finding().message().contains("names no rule"));
    }

    @Test
    void untilADateThenReported() {
        List<AuditFinding> findings = audit("""
                [[runners]]
                  flag_x1 = "1" # runnerguard:ignore x.flag until 2026-03-15 -- last day today
                  flag_x2 = "2" # runnerguard:ignore x.flag until 2026-03-14 -- ended yesterday
                """);
        assertTrue(finding(findings, "x.flag", 2).suppressed());
        assertFalse(finding(findings, "x.flag", 3).suppressed());
        AuditFinding expired = finding(findings, "policy.suppression-expired", 3);
        assertTrue(expired.finding().message().contains("expired on 2026-03-14"), expired.finding().message());
    }

    @Test
    void formerIdsAndSeveralIdsAreHonoured() {
        List<AuditFinding> findings = audit("""
                [[runners]]
                  flag_x1 = "1" # runnerguard:ignore x.old-flag -- renamed rule
                  t = { flag_x2 = "2", flag_y2 = "2" } # runnerguard:ignore x.flag, y.flag -- both
                """);
        assertTrue(finding(findings, "x.flag", 2).suppressed());
        assertTrue(finding(findings, "x.flag", 3).suppressed());
        assertTrue(finding(findings, "y.flag", 3).suppressed());
    }
}
