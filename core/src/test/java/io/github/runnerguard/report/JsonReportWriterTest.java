package io.github.runnerguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.runnerguard.audit.Runnerguard;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonReportWriterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void followsTheContract() {
        String json = JsonReportWriter.create().toString(SampleReports.mixed());
        JsonNode actual = MAPPER.readTree(json);
        JsonNode expected = MAPPER.readTree("""
                {"schemaVersion": 1, "tool": {"name": "runnerguard", "version": "%s"},
                 "files": [
                  {"path": "broken.toml", "audited": false,
                   "errors": [{"message": "expected a value after =", "line": 3, "column": 14}], "findings": []},
                  {"path": "clean.toml", "audited": true, "errors": [], "findings": []},
                  {"path": "shared.toml", "audited": true, "errors": [], "findings": [
                   {"ruleId": "engine.rule-failed", "severity": "high", "title": "A rule failed",
                    "message": "Rule x.y failed", "runner": null, "key": "x.y", "line": null, "column": null,
                    "remediation": "Report it", "helpUri": null, "fingerprint": "%s",
                    "suppressed": false, "suppressionReason": null},
                   {"ruleId": "runner.metrics-public", "severity": "medium", "title": "Metrics on every interface",
                    "message": "listen_address 0.0.0.0:9252 binds every interface", "runner": null,
                    "key": "listen_address", "line": 2, "column": 1, "remediation": "Bind to 127.0.0.1",
                    "helpUri": "https://docs.example/m", "fingerprint": "%s",
                    "suppressed": false, "suppressionReason": null},
                   {"ruleId": "docker.privileged", "severity": "critical", "title": "Privileged containers",
                    "message": "Runner \\"shared\\" runs job containers privileged",
                    "runner": {"index": 0, "name": "shared"}, "key": "runners[0].docker.privileged",
                    "line": 12, "column": 3, "remediation": "Set privileged = false",
                    "helpUri": "https://docs.example/p", "fingerprint": "%s",
                    "suppressed": false, "suppressionReason": null},
                   {"ruleId": "docker.pull-policy-if-not-present", "severity": "medium", "title": "if-not-present",
                    "message": "Runner \\"shared\\" uses if-not-present",
                    "runner": {"index": 0, "name": "shared"}, "key": "runners[0].docker.pull_policy",
                    "line": 14, "column": 3, "remediation": "Use always",
                    "helpUri": "https://docs.example/pp", "fingerprint": "%s",
                    "suppressed": true, "suppressionReason": "images are public"},
                   {"ruleId": "config.unknown-key", "severity": "low", "title": "Unknown key",
                    "message": "Unknown key buids_dir", "runner": {"index": 1, "name": "other"},
                    "key": "runners[1].buids_dir", "line": 30, "column": 3, "remediation": "Rename it",
                    "helpUri": "https://docs.example/u", "fingerprint": "%s",
                    "suppressed": false, "suppressionReason": null}]}],
                 "summary": {"critical": 1, "high": 1, "medium": 1, "low": 1, "info": 0, "suppressed": 1,
                             "errors": 1}}
                """.formatted(Runnerguard.version(), fingerprint(actual, 0), fingerprint(actual, 1),
                fingerprint(actual, 2), fingerprint(actual, 3), fingerprint(actual, 4)));
        assertEquals(expected, actual);
        assertEquals(json, JsonReportWriter.create().toString(SampleReports.mixed()), "output is deterministic");
    }

    @Test
    void fingerprintsAreTheFindingsOwn() {
        JsonNode actual = MAPPER.readTree(JsonReportWriter.create().toString(SampleReports.mixed()));
        var findings = SampleReports.mixed().files().get(2).findings();
        for (int i = 0; i < findings.size(); i++) {
            assertEquals(findings.get(i).finding().fingerprint(), fingerprint(actual, i));
        }
    }

    private static String fingerprint(JsonNode report, int index) {
        return report.get("files").get(2).get("findings").get(index).get("fingerprint").stringValue();
    }
}
