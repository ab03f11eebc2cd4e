package io.github.runnerguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.Runnerguard;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SARIF log: valid against the OASIS schema, and with what GitLab and GitHub need on every result. */
class SarifReportWriterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static String sarif(AuditReport report, SarifReportWriter writer) throws Exception {
        String text = writer.toString(report);
        List<String> violations = SarifSchema.violations(text);
        assertTrue(violations.isEmpty(), "schema violations:\n" + String.join("\n", violations) + "\n" + text);
        return text;
    }

    @Test
    void everyLogIsValidAgainstTheSchema() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        for (AuditReport report : List.of(ReportFixtures.fleet(), SampleReports.mixed(),
                new AuditReport(List.of()))) {
            sarif(report, SarifReportWriter.create());
            sarif(report, SarifReportWriter.create().withRules(ReportFixtures.descriptors()).withSourceRoot(root));
        }
    }

    @Test
    void theValidatorRejectsAnInvalidLog() throws Exception {
        String valid = SarifReportWriter.create().toString(ReportFixtures.fleet());
        assertTrue(SarifSchema.violations(valid).isEmpty());
        String noVersion = valid.replaceFirst("\"version\"\\s*:\\s*\"2\\.1\\.0\",", "");
        assertFalse(noVersion.equals(valid));
        assertFalse(SarifSchema.violations(noVersion).isEmpty(), "a log without version must be rejected");
        String badLevel = valid.replaceFirst("\"level\"\\s*:\\s*\"error\"", "\"level\": \"fatal\"");
        assertFalse(SarifSchema.violations(badLevel).isEmpty(), "an unknown level must be rejected");
        String badLine = valid.replaceFirst("\"startLine\"\\s*:\\s*\\d+", "\"startLine\": 0");
        assertFalse(SarifSchema.violations(badLine).isEmpty(), "line 0 must be rejected");
    }

    @Test
    void everyResultHasARuleIdAPhysicalLocationWithARegionAndAFingerprint() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        AuditReport report = ReportFixtures.fleet();
        JsonNode log = MAPPER.readTree(sarif(report, SarifReportWriter.create()
                .withRules(ReportFixtures.descriptors()).withSourceRoot(root)));
        JsonNode run = log.get("runs").get(0);
        JsonNode results = run.get("results");
        assertEquals(report.findings().size(), results.size());
        JsonNode rules = run.get("tool").get("driver").get("rules");
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode result : results) {
            String ruleId = result.get("ruleId").asString();
            assertFalse(ruleId.isEmpty());
            assertEquals(ruleId, rules.get(result.get("ruleIndex").asInt()).get("id").asString());
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            assertNotNull(physical, result.toString());
            assertEquals("%SRCROOT%", physical.get("artifactLocation").get("uriBaseId").asString());
            assertTrue(physical.get("artifactLocation").get("uri").asString().startsWith("fleet/"), result.toString());
            assertTrue(physical.get("region").get("startLine").asInt() >= 1);
            assertTrue(physical.get("region").get("startColumn").asInt() >= 1);
            assertTrue(fingerprints.add(result.get("partialFingerprints").get(SarifReportWriter.FINGERPRINT_KEY)
                    .asString()), "fingerprints are unique: " + result);
            assertTrue(result.get("suppressions").isArray());
        }
        assertEquals(root.toUri().toString(), run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asString());
    }

    @Test
    void suppressionsAreExternalForWaiversAndInSourceForComments() throws Exception {
        JsonNode results = MAPPER.readTree(sarif(ReportFixtures.fleet(), SarifReportWriter.create()))
                .get("runs").get(0).get("results");
        List<String> kinds = new ArrayList<>();
        for (JsonNode result : results) {
            for (JsonNode suppression : result.get("suppressions")) {
                kinds.add(result.get("ruleId").asString() + " " + suppression.get("kind").asString() + " "
                        + suppression.get("justification").asString() + " "
                        + suppression.get("location").get("physicalLocation").get("artifactLocation").get("uri")
                        .asString());
            }
        }
        assertEquals(List.of(
                "test.pull-policy inSource only public images fleet/shared.toml",
                "test.privileged external DinD image builds, dedicated to the platform team policy/runnerguard.toml"),
                kinds);
    }

    @Test
    void rulesCarryTheirDescriptorsAndANumericSecuritySeverity() throws Exception {
        JsonNode driver = MAPPER.readTree(sarif(ReportFixtures.fleet(), SarifReportWriter.create()
                .withRules(ReportFixtures.descriptors()))).get("runs").get(0).get("tool").get("driver");
        assertEquals("runnerguard", driver.get("name").asString());
        assertEquals(Runnerguard.version(), driver.get("version").asString());
        assertTrue(driver.get("informationUri").asString().startsWith("https://"));
        JsonNode privileged = null;
        for (JsonNode rule : driver.get("rules")) {
            double score = Double.parseDouble(rule.get("properties").get("security-severity").asString());
            assertTrue(score >= 0 && score <= 10, rule.toString());
            assertTrue(rule.get("properties").get("security-severity").isString(),
                    "GitHub rejects a number here: it must be a decimal string");
            if (rule.get("id").asString().equals("test.privileged")) {
                privileged = rule;
            }
        }
        assertNotNull(privileged);
        assertEquals("TestPrivileged", privileged.get("name").asString());
        assertEquals("Key privileged is set", privileged.get("shortDescription").get("text").asString());
        assertEquals("Setting privileged is risky for the tests.",
                privileged.get("fullDescription").get("text").asString());
        assertEquals("https://docs.example.com/test.privileged", privileged.get("helpUri").asString());
        assertEquals("error", privileged.get("defaultConfiguration").get("level").asString());
        assertEquals("9.5", privileged.get("properties").get("security-severity").asString());
        assertEquals("[\"test\",\"security\"]", privileged.get("properties").get("tags").toString());
        assertEquals("[\"test.privileged-old\"]", privileged.get("deprecatedIds").toString());
        String markdown = privileged.get("help").get("markdown").asString();
        assertTrue(markdown.contains("```toml\n[[runners]]\n  # no privileged here\n```"), markdown);
        assertTrue(markdown.contains("[Documentation](https://docs.example.com/test.privileged)"), markdown);
        // the quiet rule found nothing but is described all the same
        assertTrue(driver.get("rules").toString().contains("\"test.quiet\""));
    }

    @Test
    void withoutASourceRootRelativePathsStillReferToSrcroot() throws Exception {
        JsonNode run = MAPPER.readTree(sarif(ReportFixtures.fleet(), SarifReportWriter.create())).get("runs").get(0);
        assertFalse(run.has("originalUriBaseIds"));
        JsonNode artifact = run.get("results").get(0).get("locations").get(0).get("physicalLocation")
                .get("artifactLocation");
        assertEquals("fleet/shared.toml", artifact.get("uri").asString());
        assertEquals("%SRCROOT%", artifact.get("uriBaseId").asString());
    }

    @Test
    void filesOutsideTheSourceRootGetAbsoluteFileUris() throws Exception {
        Path root = Path.of("").toAbsolutePath().resolve("sub");
        JsonNode results = MAPPER.readTree(sarif(ReportFixtures.fleet(), SarifReportWriter.create()
                .withSourceRoot(root))).get("runs").get(0).get("results");
        JsonNode artifact = results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation");
        assertTrue(artifact.get("uri").asString().startsWith("file:///"), artifact.toString());
        assertFalse(artifact.has("uriBaseId"));
    }

    @Test
    void filesThatCouldNotBeAuditedAreErrorNotifications() throws Exception {
        JsonNode invocation = MAPPER.readTree(sarif(ReportFixtures.fleet(), SarifReportWriter.create()))
                .get("runs").get(0).get("invocations").get(0);
        assertFalse(invocation.get("executionSuccessful").asBoolean());
        JsonNode notification = invocation.get("toolExecutionNotifications").get(0);
        assertEquals("error", notification.get("level").asString());
        assertTrue(notification.get("message").get("text").asString().startsWith("fleet/broken.toml could not be"));
        assertEquals(4, notification.get("locations").get(0).get("physicalLocation").get("region").get("startLine")
                .asInt());
    }

    @Test
    void findingsWithoutAPlaceGetLineOne() throws Exception {
        JsonNode results = MAPPER.readTree(sarif(SampleReports.mixed(), SarifReportWriter.create()))
                .get("runs").get(0).get("results");
        JsonNode failed = null;
        for (JsonNode result : results) {
            if (result.get("ruleId").asString().equals("engine.rule-failed")) {
                failed = result;
            }
        }
        assertNotNull(failed);
        JsonNode region = failed.get("locations").get(0).get("physicalLocation").get("region");
        assertEquals(1, region.get("startLine").asInt());
        assertEquals(1, region.get("startColumn").asInt());
    }

    @Test
    void uriEncodingAndNames() {
        assertEquals("DockerPullPolicyIfNotPresent", SarifReportWriter.pascalCase("docker.pull-policy-if-not-present"));
        assertEquals("a%20b/c%C3%A9.toml", ReportSupport.locate("a b/c\u00e9.toml", null).uri());
        assertEquals("%3Cstdin%3E", ReportSupport.locate("<stdin>", null).uri());
        assertEquals("./c:x.toml", ReportSupport.locate("c:x.toml", null).uri());
        assertEquals("x/y.toml", ReportSupport.locate("./x//y.toml", null).path());
    }
}
