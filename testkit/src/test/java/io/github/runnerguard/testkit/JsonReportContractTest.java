package io.github.runnerguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.audit.Suppression;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.report.JsonReportWriter;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonReportContractTest {

    private static String sample() {
        Finding open = new Finding("docker.privileged", Severity.CRITICAL, "privileged", "a.toml",
                new RunnerRef(0, "r"), "runners[0].docker.privileged", new Position(3, 1), "fix");
        Finding waived = new Finding("docker.cap-add", Severity.HIGH, "cap", "a.toml", null, "x", null, "fix");
        FileReport a = new FileReport("a.toml", true, List.of(), List.of(
                new AuditFinding(open, "Privileged", URI.create("https://docs.gitlab.com/x"), null),
                new AuditFinding(waived, "Caps", null,
                        new Suppression(Suppression.Kind.WAIVER, "accepted", null, null, null))), null);
        FileReport b = new FileReport("b.toml", false, List.of(Diagnostic.of(Diagnostic.Kind.SYNTAX, "bad", "",
                new Position(1, 2))), List.of(), null);
        return JsonReportWriter.create().toString(new AuditReport(List.of(a, b)));
    }

    @Test
    void acceptsWhatTheWriterWrites() {
        var report = JsonReportContract.assertValid(sample());
        assertEquals(1, report.get("summary").get("critical").intValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing field           | "suppressionReason": null                   | '"other": null'                      | missing [suppressionReason]
            extra field             | "schemaVersion": 1,                        | '"schemaVersion": 1, "extra": 0,'    | unexpected [extra]
            upper-case severity     | "severity": "critical"                     | '"severity": "CRITICAL"'             | severity must be one of
            summary off             | "critical": 1,                             | '"critical": 2,'                     | $.summary.critical is 2 but the files hold 1
            suppressed, no reason   | "suppressionReason": "accepted"            | '"suppressionReason": null'          | suppressionReason (suppressed) must be a non-blank string
            half a position         | "column": 1,                               | '"column": null,'                    | line and column must both be null or both be set
            wrong schema version    | "schemaVersion": 1,                        | '"schemaVersion": 2,'                | $.schemaVersion must be 1
            """)
    void rejectsEveryDeviation(String name, String from, String to, String expected) {
        String json = sample();
        assertTrue(json.contains(from), "the sample must contain " + from + ":\n" + json);
        String broken = json.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        AssertionError error = assertThrows(AssertionError.class, () -> JsonReportContract.assertValid(broken));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertThrows(AssertionError.class, () -> JsonReportContract.assertValid("{"));
    }
}
