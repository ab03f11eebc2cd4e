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

                file         runners  executors    critical  high  medium  low  info  suppressed
                broken.toml        -  not audited         -     -       -    -     -           -
                clean.toml         -  -                   0     0       0    0     0           0
                shared.toml        -  -                   1     1       1    1     0           1

                1 critical, 1 high, 1 medium, 1 low, 0 info; 1 suppressed; 1 error; 2 files audited, 1 not audited
                """, text);
    }

    @Test
    void aFleetTableHasOneRowPerFileWithRunnersAndExecutors() {
        AuditReport report = io.github.runnerguard.audit.Auditor.builder().rules(new io.github.runnerguard.spi
                .SecurityRule[0]).build().audit("""
                [[runners]]
                  name = "a"
                  executor = "docker"
                [[runners]]
                  name = "b"
                  executor = "shell"
                [[runners]]
                  name = "c"
                  executor = "docker"
                """, "fleet/one.toml");
        AuditReport two = io.github.runnerguard.audit.Auditor.builder().rules(new io.github.runnerguard.spi
                .SecurityRule[0]).build().audit("concurrent = 1\n", "fleet/two.toml");
        String text = TextReportWriter.create().toString(AuditReport.merge(List.of(report, two)));
        assertTrue(text.contains("""
                file            runners  executors      critical  high  medium  low  info  suppressed
                fleet/one.toml        3  docker, shell         0     0       0    0     0           0
                fleet/two.toml        0                        0     0       0    0     0           0
                """), text);
        assertFalse(TextReportWriter.create().toString(report).contains("executors"),
                "one file has no table");
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
        assertEquals(List.of("text", "json", "sarif", "codequality", "junit", "html"), ReportWriters.formats());
        assertTrue(ReportWriters.forFormat("JSON", false).orElseThrow() instanceof JsonReportWriter);
        for (String format : ReportWriters.formats()) {
            assertEquals(format, ReportWriters.forFormat(format.toUpperCase(java.util.Locale.ROOT), false)
                    .orElseThrow().format());
        }
        assertTrue(ReportWriters.forFormat("pdf", false).isEmpty());
    }
}
