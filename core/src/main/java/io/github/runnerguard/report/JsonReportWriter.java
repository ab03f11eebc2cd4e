package io.github.runnerguard.report;

import java.io.IOException;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.internal.report.JsonReports;

/**
 * Writes the stable JSON report ({@code schemaVersion} 1):
 * <pre class="code">
 * {"schemaVersion": 1, "tool": {"name": "runnerguard", "version": "0.1.0"},
 *  "files": [{"path": "config.toml", "audited": true,
 *             "errors": [{"message": "...", "line": 3, "column": 14}],
 *             "findings": [{"ruleId": "docker.privileged", "severity": "critical", "title": "...",
 *                           "message": "...", "runner": {"index": 0, "name": "..."},
 *                           "key": "runners[0].docker.privileged", "line": 12, "column": 5,
 *                           "remediation": "...", "helpUri": "...", "fingerprint": "...",
 *                           "suppressed": false, "suppressionReason": null}]}],
 *  "summary": {"critical": 1, "high": 0, "medium": 0, "low": 0, "info": 0, "suppressed": 0, "errors": 0}}
 * </pre>
 * Severities are lower case; {@code runner}, {@code line}, {@code column}, {@code helpUri} and
 * {@code suppressionReason} are null when unknown. Summary counts cover unsuppressed findings; {@code suppressed}
 * counts the others and {@code errors} the errors of files that were not audited. Secrets are masked.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonReportWriter implements ReportWriter {

    /** The version of the JSON layout; it changes only when a field changes meaning or goes away. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonReportWriter INSTANCE = new JsonReportWriter();

    private JsonReportWriter() {
    }

    /** The writer. */
    public static JsonReportWriter create() {
        return INSTANCE;
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public void write(AuditReport report, Appendable out) throws IOException {
        JsonReports.render(report, SCHEMA_VERSION, new Fingerprints()::of, out);
    }
}
