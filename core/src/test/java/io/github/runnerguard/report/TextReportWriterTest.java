package io.github.runnerguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import io.github.runnerguard.audit.AuditReport;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {

    @Test
    void groupsByFileAndRunnerWithASummary() {
        String text = TextReportWriter.create().toString(SampleReports.mixed());
        assertEquals("""
                broken.toml (not audited)
                    broken.toml:3:14 error expected a value after =

                clean.toml
                  no findings

                shared.toml
                  global
                    shared.toml high engine.rule-failed Rule x.y failed
                    shared.toml:2:1 medium runner.metrics-public listen_address 0.0.0.0:9252 binds every interface
                  runner "shared" (#0)
                    shared.toml:12:3 critical docker.privileged Runner "shared" runs job containers privileged
                    shared.toml:14:3 medium docker.pull-policy-if-not-present Runner "shared" uses if-not-present \
                [suppressed: images are public]
                  runner "other" (#1)
                    shared.toml:30:3 low config.unknown-key Unknown key buids_dir

                1 critical, 1 high, 1 medium, 1 low, 0 info; 1 suppressed; 1 error; 2 files audited, 1 not audited
                """, text);
    }

    @Test
    void coloursOnlyWhenAsked() {
        AuditReport report = SampleReports.mixed();
        assertFalse(TextReportWriter.create().toString(report).contains("\u001b["));
        String colored = TextReportWriter.create().withColor(true).toString(report);
        assertTrue(colored.contains("\u001b[1;35mcritical\u001b[0m"), colored);
        assertEquals(TextReportWriter.create().toString(report), colored.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void writesUtf8ToStreams() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TextReportWriter.create().write(new AuditReport(List.of()), out);
        assertEquals("0 critical, 0 high, 0 medium, 0 low, 0 info; 0 suppressed; 0 errors; 0 files audited\n",
                out.toString(StandardCharsets.UTF_8));
        assertEquals("text", TextReportWriter.create().format());
        assertEquals(List.of("text", "json"), ReportWriters.formats());
        assertTrue(ReportWriters.forFormat("JSON", false).orElseThrow() instanceof JsonReportWriter);
        assertTrue(ReportWriters.forFormat("sarif", false).isEmpty());
    }
}
