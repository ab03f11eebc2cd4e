package io.github.runnerguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.Auditor;
import io.github.runnerguard.spi.RuleDescriptor;
import org.junit.jupiter.api.Test;

/**
 * The text, JSON and SARIF writers write exactly what they wrote before they were made cheaper (the earlier
 * implementations are kept as {@code Legacy*} oracles), on hand-built reports, the writer fixtures and every file of
 * the shared corpus audited with every rule core discovers, one report per file and one for them all.
 */
class WriterOutputUnchangedTest {

    private static List<AuditReport> audited = List.of();

    private static List<AuditReport> reports() throws IOException {
        if (!audited.isEmpty()) {
            return audited;
        }
        List<AuditReport> reports = new ArrayList<>(List.of(SampleReports.mixed(), ReportFixtures.fleet()));
        Path corpus = ReportFixtures.requireShared("corpus/gitlab-runner");
        Auditor auditor = Auditor.create();
        List<AuditReport> perFile = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                perFile.add(auditor.audit(file));
            }
        }
        assertTrue(perFile.size() > 100, "the corpus has files: " + perFile.size());
        reports.addAll(perFile);
        reports.add(AuditReport.merge(perFile));
        audited = List.copyOf(reports);
        return audited;
    }

    @Test
    void textIsUnchanged() throws IOException {
        for (AuditReport report : reports()) {
            assertEquals(LegacyTextReportWriter.create().toString(report), TextReportWriter.create().toString(report));
            assertEquals(LegacyTextReportWriter.create().withColor(true).toString(report),
                    TextReportWriter.create().withColor(true).toString(report));
        }
    }

    @Test
    void jsonIsUnchanged() throws IOException {
        for (AuditReport report : reports()) {
            assertEquals(LegacyJsonReports.render(report, JsonReportWriter.SCHEMA_VERSION),
                    JsonReportWriter.create().toString(report));
        }
    }

    @Test
    void sarifIsUnchanged() throws IOException {
        List<RuleDescriptor> rules = Auditor.create().registry().descriptors();
        Path root = Path.of("").toAbsolutePath().getParent();
        for (AuditReport report : reports()) {
            assertEquals(LegacySarifReportWriter.create().toString(report), SarifReportWriter.create().toString(report));
            assertEquals(LegacySarifReportWriter.create().withRules(rules).withSourceRoot(root).toString(report),
                    SarifReportWriter.create().withRules(rules).withSourceRoot(root).toString(report));
        }
    }
}
