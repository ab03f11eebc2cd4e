package io.github.runnerguard.report;

import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.audit.Redactor;
import io.github.runnerguard.audit.Runnerguard;
import io.github.runnerguard.audit.Summary;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.Severity;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON report as {@code JsonReports} rendered it before it streamed: a Jackson tree written out as a string,
 * kept unchanged as the oracle {@link WriterOutputUnchangedTest} compares the writer with. Stateless and thread-safe.
 */
final class LegacyJsonReports {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")))
            .build();

    private LegacyJsonReports() {
    }

    /** The JSON report, ending with a newline. */
    static String render(AuditReport report, int schemaVersion) {
        Redactor redactor = Redactor.patterns();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", schemaVersion);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "runnerguard");
        tool.put("version", Runnerguard.version());
        ArrayNode files = root.putArray("files");
        for (FileReport file : report.files()) {
            ObjectNode fileNode = files.addObject();
            fileNode.put("path", file.source());
            fileNode.put("audited", file.audited());
            ArrayNode errors = fileNode.putArray("errors");
            for (Diagnostic error : file.errors()) {
                ObjectNode errorNode = errors.addObject();
                errorNode.put("message", redactor.redact(error.message()));
                putPosition(errorNode, error.position());
            }
            ArrayNode findings = fileNode.putArray("findings");
            for (AuditFinding audited : file.findings()) {
                Finding finding = audited.finding();
                ObjectNode node = findings.addObject();
                node.put("ruleId", finding.ruleId());
                node.put("severity", finding.severity().id());
                node.put("title", redactor.redact(audited.title()));
                node.put("message", redactor.redact(finding.message()));
                if (finding.runner() == null) {
                    node.putNull("runner");
                } else {
                    ObjectNode runner = node.putObject("runner");
                    runner.put("index", finding.runner().index());
                    runner.put("name", finding.runner().name());
                }
                node.put("key", finding.keyPath());
                putPosition(node, finding.position());
                node.put("remediation", redactor.redact(finding.remediation()));
                putNullable(node, "helpUri", audited.helpUri() == null ? null : audited.helpUri().toString());
                node.put("fingerprint", finding.fingerprint());
                node.put("suppressed", audited.suppressed());
                putNullable(node, "suppressionReason",
                        audited.suppressionReason().map(redactor::redact).orElse(null));
            }
        }
        Summary summary = report.summary();
        ObjectNode summaryNode = root.putObject("summary");
        for (Severity severity : Severity.values()) {
            summaryNode.put(severity.id(), summary.count(severity));
        }
        summaryNode.put("suppressed", summary.suppressed());
        summaryNode.put("errors", summary.errors());
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static void putPosition(ObjectNode node, @Nullable Position position) {
        if (position == null) {
            node.putNull("line");
            node.putNull("column");
        } else {
            node.put("line", position.line());
            node.put("column", position.column());
        }
    }

    private static void putNullable(ObjectNode node, String name, @Nullable String value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
