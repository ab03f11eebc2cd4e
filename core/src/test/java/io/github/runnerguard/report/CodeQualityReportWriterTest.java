package io.github.runnerguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.Auditor;
import io.github.runnerguard.spi.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GitLab Code Quality: the fields GitLab reads, its severity scale, one fingerprint per issue. */
class CodeQualityReportWriterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void everyIssueHasTheFieldsGitLabReads() {
        JsonNode issues = MAPPER.readTree(CodeQualityReportWriter.create().toString(ReportFixtures.fleet()));
        assertTrue(issues.isArray());
        // 4 unsuppressed findings and 1 error of the broken file; the 2 suppressed findings are left out
        assertEquals(5, issues.size(), issues.toString());
        Set<String> severities = Set.of("info", "minor", "major", "critical", "blocker");
        for (JsonNode issue : issues) {
            assertFalse(issue.get("description").asString().isBlank());
            assertFalse(issue.get("check_name").asString().isBlank());
            assertEquals(32, issue.get("fingerprint").asString().length());
            assertTrue(severities.contains(issue.get("severity").asString()), issue.toString());
            assertTrue(issue.get("location").get("path").asString().startsWith("fleet/"));
            assertTrue(issue.get("location").get("lines").get("begin").asInt() >= 1);
        }
        JsonNode privileged = issues.get(3);
        assertEquals("test.privileged", privileged.get("check_name").asString());
        assertEquals("blocker", privileged.get("severity").asString());
        assertEquals(12, privileged.get("location").get("lines").get("begin").asInt());
        assertEquals("Runner \"shared-docker\" sets privileged = true", privileged.get("description").asString());
        JsonNode broken = issues.get(0);
        assertEquals(CodeQualityReportWriter.NOT_AUDITED, broken.get("check_name").asString());
        assertEquals("fleet/broken.toml", broken.get("location").get("path").asString());
    }

    @Test
    void severitiesFollowGitLabsScale() {
        assertEquals(List.of("blocker", "critical", "major", "minor", "info"), List.of(Severity.values()).stream()
                .map(ReportSupport::codeQualitySeverity).toList());
    }

    @Test
    void fingerprintsAreUniqueEvenForTwoUnnamedRunnersWithTheSameProblem() {
        String twins = """
                [[runners]]
                  executor = "docker"
                  [runners.docker]
                    privileged = true
                [[runners]]
                  executor = "docker"
                  [runners.docker]
                    privileged = true
                """;
        AuditReport report = Auditor.builder().rules(ReportFixtures.PRIVILEGED).build().audit(twins, "twins.toml");
        assertEquals(2, report.findings().size());
        assertEquals(report.findings().get(0).finding().fingerprint(), report.findings().get(1).finding().fingerprint(),
                "the findings' own fingerprints collide");
        JsonNode issues = MAPPER.readTree(CodeQualityReportWriter.create().toString(report));
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode issue : issues) {
            fingerprints.add(issue.get("fingerprint").asString());
        }
        assertEquals(2, fingerprints.size(), issues.toString());
    }

    @Test
    void fingerprintsDoNotDependOnTheLine() {
        Auditor auditor = Auditor.builder().rules(ReportFixtures.PRIVILEGED).build();
        String before = "[[runners]]\n  name = \"a\"\n  [runners.docker]\n    privileged = true\n";
        String after = "# a comment\n\n[[runners]]\n  name = \"a\"\n  [runners.docker]\n    image = \"x\"\n"
                + "    privileged = true\n";
        JsonNode one = MAPPER.readTree(CodeQualityReportWriter.create().toString(auditor.audit(before, "c.toml")));
        JsonNode two = MAPPER.readTree(CodeQualityReportWriter.create().toString(auditor.audit(after, "c.toml")));
        assertEquals(4, one.get(0).get("location").get("lines").get("begin").asInt());
        assertEquals(7, two.get(0).get("location").get("lines").get("begin").asInt());
        assertEquals(one.get(0).get("fingerprint"), two.get(0).get("fingerprint"));
    }

    @Test
    void pathsAreRelativeToTheSourceRoot() {
        Path root = Path.of("").toAbsolutePath();
        String absolute = root.resolve("fleet").resolve("x.toml").toString();
        AuditReport report = Auditor.builder().rules(ReportFixtures.PRIVILEGED).build()
                .audit("[runners.docker]\nprivileged = true\n".replace("[runners.docker]\n", "[[runners]]\n"
                        + "[runners.docker]\n"), absolute);
        JsonNode issues = MAPPER.readTree(CodeQualityReportWriter.create().withSourceRoot(root).toString(report));
        assertEquals("fleet/x.toml", issues.get(0).get("location").get("path").asString());
        JsonNode unchanged = MAPPER.readTree(CodeQualityReportWriter.create().toString(report));
        assertEquals(absolute.replace('\\', '/'), unchanged.get(0).get("location").get("path").asString());
    }
}
