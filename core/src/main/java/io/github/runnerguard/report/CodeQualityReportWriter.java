package io.github.runnerguard.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.audit.Redactor;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.internal.report.JsonReports;
import io.github.runnerguard.spi.Finding;
import org.jspecify.annotations.Nullable;

/**
 * Writes a GitLab Code Quality report ({@code artifacts:reports:codequality}): a JSON array of issues
 * <pre class="code">
 * [{"type": "issue", "check_name": "docker.privileged", "description": "Runner \"shared\" runs ... privileged",
 *   "content": {"body": "remediation"}, "categories": ["Security"], "fingerprint": "3f2a...",
 *   "severity": "blocker", "location": {"path": "config/config.toml", "lines": {"begin": 31}}}]
 * </pre>
 * Severities map critical to {@code blocker}, high to {@code critical}, medium to {@code major}, low to
 * {@code minor} and info to {@code info}. Fingerprints are unique per issue (GitLab shows only the first issue of a
 * fingerprint) and do not depend on the line. Paths are relative to the source root when the file lies below it.
 *
 * <p>Code Quality has no notion of an accepted risk, so suppressed findings are left out (SARIF, JUnit, HTML, JSON
 * and text keep them, marked). A file that could not be audited is one {@code critical} issue per error, with the
 * check name {@value #NOT_AUDITED}. Secrets are masked. Immutable and thread-safe.
 */
public final class CodeQualityReportWriter implements ReportWriter {

    /** The check name of the issue for a file that could not be audited. */
    public static final String NOT_AUDITED = "runnerguard.not-audited";

    private static final CodeQualityReportWriter DEFAULT = new CodeQualityReportWriter(null);

    private final @Nullable Path sourceRoot;

    private CodeQualityReportWriter(@Nullable Path sourceRoot) {
        this.sourceRoot = sourceRoot == null ? null : sourceRoot.toAbsolutePath().normalize();
    }

    /** A writer that keeps paths as the audit named them. */
    public static CodeQualityReportWriter create() {
        return DEFAULT;
    }

    /** A writer configured from {@code options} (source root). */
    public static CodeQualityReportWriter create(ReportOptions options) {
        return new CodeQualityReportWriter(options.sourceRoot());
    }

    /** The same writer with paths relative to {@code root} (the project directory); null keeps them as named. */
    public CodeQualityReportWriter withSourceRoot(@Nullable Path root) {
        return new CodeQualityReportWriter(root);
    }

    @Override
    public String format() {
        return "codequality";
    }

    @Override
    public void write(AuditReport report, Appendable out) throws IOException {
        Redactor patterns = Redactor.patterns();
        Map<AuditFinding, String> fingerprints = ReportSupport.uniqueFingerprints(report);
        List<Object> issues = new ArrayList<>();
        for (FileReport file : report.files()) {
            String path = ReportSupport.locate(file.source(), sourceRoot).path();
            int errorIndex = 0;
            for (Diagnostic error : file.errors()) {
                errorIndex++;
                issues.add(issue(NOT_AUDITED, file.source() + " could not be audited: "
                                + ReportSupport.oneLine(patterns.redact(error.message())),
                        "Fix the file so that gitlab-runner can load it, then audit it again.",
                        ReportSupport.sha256(NOT_AUDITED + '\u0000' + file.source() + '\u0000' + errorIndex),
                        "critical", path, error.position() == null ? 1 : error.position().line()));
            }
            Redactor redactor = file.redactor();
            for (AuditFinding audited : file.findings()) {
                if (audited.suppressed()) {
                    continue;
                }
                Finding finding = audited.finding();
                issues.add(issue(finding.ruleId(), ReportSupport.oneLine(redactor.redact(finding.message())),
                        redactor.redact(finding.remediation()), fingerprints.get(audited),
                        ReportSupport.codeQualitySeverity(finding.severity()),
                        ReportSupport.locate(finding.file(), sourceRoot).path(),
                        finding.position() == null ? 1 : finding.position().line()));
            }
        }
        JsonReports.renderTree(issues, out);
    }

    private static Map<String, Object> issue(String checkName, String description, String body, String fingerprint,
                                             String severity, String path, int line) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("type", "issue");
        issue.put("check_name", checkName);
        issue.put("description", description);
        issue.put("content", Map.of("body", body));
        issue.put("categories", List.of("Security"));
        issue.put("fingerprint", fingerprint);
        issue.put("severity", severity);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("path", path);
        location.put("lines", Map.of("begin", line));
        issue.put("location", location);
        return issue;
    }
}
