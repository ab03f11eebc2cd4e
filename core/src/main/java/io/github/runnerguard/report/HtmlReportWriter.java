package io.github.runnerguard.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.audit.Redactor;
import io.github.runnerguard.audit.Runnerguard;
import io.github.runnerguard.audit.Summary;
import io.github.runnerguard.audit.Suppression;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Writes one self-contained HTML page for people who review a fleet: totals by severity, an overview table of the
 * files, then per file and runner a table of findings, each with the config lines around it (the flagged key
 * highlighted), the remediation and the rule's documentation link; suppressed findings are listed apart, under
 * "Accepted risks", with the waiver or comment that accepts them and its reason.
 *
 * <p>The page loads nothing: no script, no external style sheet, font or image, and no {@code http(s)} URL in any
 * {@code src}, {@code href} or {@code url()} (documentation links are shown as text). Its Content-Security-Policy
 * ({@code default-src 'none'; style-src 'unsafe-inline'}) makes the browser refuse any request all the same. Secrets
 * are masked, in the config lines too. Immutable and thread-safe.
 */
public final class HtmlReportWriter implements ReportWriter {

    /** The Content-Security-Policy of the page. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    /** How many lines are shown above and below a flagged line by default. */
    public static final int DEFAULT_CONTEXT_LINES = 2;

    private static final HtmlReportWriter DEFAULT = new HtmlReportWriter(DEFAULT_CONTEXT_LINES, null);

    private static final String STYLE = """
            :root { color-scheme: light; --critical: #7b1fa2; --high: #c62828; --medium: #b26a00; --low: #00838f;
              --info: #616161; --line: #d0d7de; --muted: #57606a; }
            * { box-sizing: border-box; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto;
              max-width: 1200px; padding: 1.5rem; color: #1f2328; background: #fff; }
            h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem;
              overflow-wrap: anywhere; }
            h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
            .meta, .muted { color: var(--muted); }
            .totals { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
            .total { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: .5rem .9rem;
              min-width: 8rem; }
            .total .count { display: block; font-size: 1.6rem; font-weight: 600; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
            table.findings { table-layout: fixed; }
            col.c-severity { width: 6.5rem; } col.c-rule { width: 14rem; } col.c-line { width: 4.5rem; }
            col.c-where { width: 11rem; } col.c-by { width: 8rem; } col.c-reason { width: 12rem; }
            col.c-until { width: 6.5rem; }
            td { overflow-wrap: anywhere; }
            th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            .badge { display: inline-block; color: #fff; border-radius: 4px; padding: 0 .45rem; font-weight: 600;
              font-size: 12px; text-transform: uppercase; }
            .sev-critical { border-color: var(--critical); } .badge.sev-critical { background: var(--critical); }
            .sev-high { border-color: var(--high); } .badge.sev-high { background: var(--high); }
            .sev-medium { border-color: var(--medium); } .badge.sev-medium { background: var(--medium); }
            .sev-low { border-color: var(--low); } .badge.sev-low { background: var(--low); }
            .sev-info { border-color: var(--info); } .badge.sev-info { background: var(--info); }
            .total.suppressed { border-color: #8c959f; } .total.errors { border-color: #cf222e; }
            .message { margin: 0 0 .4rem; font-weight: 500; }
            .title { color: var(--muted); font-size: 12.5px; }
            pre.context { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: .4rem 0;
              margin: .3rem 0; overflow-x: auto; }
            pre.context .line { display: block; padding: 0 .6rem; white-space: pre; }
            pre.context .flagged { background: #fff8c5; }
            pre.context .ln { display: inline-block; min-width: 3.5em; color: var(--muted); user-select: none; }
            mark { background: #ffd33d; color: inherit; font-weight: 700; border-radius: 2px; padding: 0 1px; }
            .remediation { margin: .3rem 0; }
            .remediation strong { display: block; }
            .remediation p { margin: .2rem 0; white-space: pre-wrap; }
            pre.snippet { background: #f6f8fa; border-left: 3px solid var(--line); padding: .3rem .6rem;
              margin: .3rem 0; overflow-x: auto; }
            .help { margin: .2rem 0 0; color: var(--muted); overflow-wrap: anywhere; }
            .key { color: var(--muted); }
            .errors { border: 1px solid #cf222e; background: #ffebe9; border-radius: 6px; padding: .5rem .9rem; }
            .none { color: var(--muted); font-style: italic; }
            section.accepted table { background: #fbfbfb; }
            footer { margin-top: 2rem; color: var(--muted); font-size: 12.5px; }
            """;

    private final int contextLines;
    private final @Nullable Path sourceRoot;

    private HtmlReportWriter(int contextLines, @Nullable Path sourceRoot) {
        if (contextLines < 0) {
            throw new IllegalArgumentException("context lines must not be negative");
        }
        this.contextLines = contextLines;
        this.sourceRoot = sourceRoot == null ? null : sourceRoot.toAbsolutePath().normalize();
    }

    /** A writer showing {@value #DEFAULT_CONTEXT_LINES} lines around each finding, paths as the audit named them. */
    public static HtmlReportWriter create() {
        return DEFAULT;
    }

    /** A writer configured from {@code options} (source root). */
    public static HtmlReportWriter create(ReportOptions options) {
        return new HtmlReportWriter(DEFAULT_CONTEXT_LINES, options.sourceRoot());
    }

    /** The same writer showing {@code lines} lines above and below each flagged line. */
    public HtmlReportWriter withContextLines(int lines) {
        return new HtmlReportWriter(lines, sourceRoot);
    }

    /** The same writer naming files relative to {@code root}; null keeps them as the audit named them. */
    public HtmlReportWriter withSourceRoot(@Nullable Path root) {
        return new HtmlReportWriter(contextLines, root);
    }

    @Override
    public String format() {
        return "html";
    }

    @Override
    public void write(AuditReport report, Appendable out) throws IOException {
        Map<AuditFinding, String> fingerprints = ReportSupport.uniqueFingerprints(report);
        Map<AuditFinding, String> anchors = new java.util.IdentityHashMap<>();
        Map<FileReport, String> fileAnchors = new java.util.IdentityHashMap<>();
        int findingNumber = 0;
        int fileNumber = 0;
        for (FileReport file : report.files()) {
            fileAnchors.put(file, "file-" + ++fileNumber);
            for (AuditFinding finding : file.findings()) {
                anchors.put(finding, "finding-" + ++findingNumber);
            }
        }
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(Markup.escape(CONTENT_SECURITY_POLICY)).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"runnerguard ").append(Markup.escape(Runnerguard.version()))
                .append("\">\n<title>Runnerguard report</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n");
        writeHeader(report, out);
        writeOverview(report, fileAnchors, out);
        for (FileReport file : report.files()) {
            writeFile(file, fileAnchors.get(file), anchors, fingerprints, out);
        }
        writeAccepted(report, fileAnchors, anchors, fingerprints, out);
        out.append("<footer>Written by runnerguard ").append(Markup.escape(Runnerguard.version()))
                .append(". Secrets are masked (\u2026). Documentation links are shown as text: this page loads "
                        + "nothing from the network.</footer>\n</body>\n</html>\n");
    }

    private void writeHeader(AuditReport report, Appendable out) throws IOException {
        long audited = report.files().stream().filter(FileReport::audited).count();
        int runners = report.files().stream().mapToInt(f -> ReportSupport.runners(f).size()).sum();
        out.append("<header>\n<h1>Runnerguard report</h1>\n<p class=\"meta\">")
                .append(plural(audited, "file")).append(" audited");
        if (audited < report.files().size()) {
            out.append(", ").append(String.valueOf(report.files().size() - audited)).append(" not audited");
        }
        out.append(" \u00b7 ").append(plural(runners, "runner")).append(" \u00b7 ")
                .append(plural(report.findings().size(), "finding")).append("</p>\n</header>\n");
        Summary summary = report.summary();
        out.append("<section class=\"totals\" id=\"totals\">\n");
        for (Severity severity : Severity.values()) {
            out.append("<div class=\"total sev-").append(severity.id()).append("\"><span class=\"count\">")
                    .append(String.valueOf(summary.count(severity))).append("</span>").append(severity.id())
                    .append("</div>\n");
        }
        out.append("<div class=\"total suppressed\"><span class=\"count\">").append(String.valueOf(
                summary.suppressed())).append("</span>suppressed</div>\n");
        out.append("<div class=\"total errors\"><span class=\"count\">").append(String.valueOf(summary.errors()))
                .append("</span>").append(summary.errors() == 1 ? "error" : "errors").append("</div>\n");
        out.append("</section>\n");
    }

    private void writeOverview(AuditReport report, Map<FileReport, String> fileAnchors, Appendable out)
            throws IOException {
        out.append("<section class=\"overview\" id=\"overview\">\n<h2>Files</h2>\n<table>\n<thead><tr><th>File</th>")
                .append("<th class=\"num\">Runners</th><th>Executors</th>");
        for (Severity severity : Severity.values()) {
            out.append("<th class=\"num\">").append(capitalized(severity.id())).append("</th>");
        }
        out.append("<th class=\"num\">Suppressed</th></tr></thead>\n<tbody>\n");
        for (FileReport file : report.files()) {
            out.append("<tr><td><a href=\"#").append(fileAnchors.get(file)).append("\">")
                    .append(Markup.escape(path(file.source()))).append("</a>");
            if (!file.audited()) {
                out.append(" <span class=\"badge sev-high\">not audited</span>");
            }
            out.append("</td>");
            List<Runner> runners = ReportSupport.runners(file);
            TreeSet<String> executors = new TreeSet<>();
            runners.forEach(r -> executors.add(ReportSupport.executor(r).isEmpty() ? "(none)"
                    : ReportSupport.executor(r)));
            out.append("<td class=\"num\">").append(file.config() == null ? "\u2013" : String.valueOf(runners.size()))
                    .append("</td><td>").append(Markup.escape(String.join(", ", executors))).append("</td>");
            for (Severity severity : Severity.values()) {
                long count = file.findings().stream()
                        .filter(f -> !f.suppressed() && f.finding().severity() == severity).count();
                out.append("<td class=\"num\">").append(String.valueOf(count)).append("</td>");
            }
            out.append("<td class=\"num\">").append(String.valueOf(file.findings().stream()
                    .filter(AuditFinding::suppressed).count())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private void writeFile(FileReport file, String anchor, Map<AuditFinding, String> anchors,
                           Map<AuditFinding, String> fingerprints, Appendable out) throws IOException {
        Redactor redactor = file.redactor();
        out.append("<section class=\"file\" id=\"").append(anchor).append("\">\n<h2>")
                .append(Markup.escape(path(file.source()))).append("</h2>\n");
        if (!file.audited()) {
            out.append("<div class=\"errors\"><p><strong>Not audited.</strong> The file could not be loaded:</p>\n")
                    .append("<ul>\n");
            for (Diagnostic error : file.errors()) {
                out.append("<li>");
                if (error.position() != null) {
                    out.append("line ").append(String.valueOf(error.position().line())).append(", column ")
                            .append(String.valueOf(error.position().column())).append(": ");
                }
                out.append(Markup.escape(Redactor.patterns().redact(error.message()))).append("</li>\n");
            }
            out.append("</ul></div>\n</section>\n");
            return;
        }
        // groups: global settings first, then every runner of the file by index (also those without findings)
        Map<String, Group> groups = new TreeMap<>();
        for (Runner runner : ReportSupport.runners(file)) {
            RunnerRef ref = new RunnerRef(runner.index(), runner.name().orElse(""));
            groups.put(key(ref), new Group(ref, ReportSupport.executor(runner)));
        }
        for (AuditFinding finding : file.findings()) {
            RunnerRef runner = finding.finding().runner();
            groups.computeIfAbsent(key(runner), k -> new Group(runner, ""));
            if (!finding.suppressed()) {
                groups.get(key(runner)).findings.add(finding);
            } else {
                groups.get(key(runner)).suppressed++;
            }
        }
        if (groups.isEmpty()) {
            out.append("<p class=\"none\">No runners and no findings.</p>\n");
        }
        for (Group group : groups.values()) {
            out.append("<section class=\"runner\">\n<h3>").append(Markup.escape(ReportSupport.runnerLabel(group.runner)));
            if (!group.executor.isEmpty()) {
                out.append(" <span class=\"muted\">\u00b7 executor ").append(Markup.escape(group.executor))
                        .append("</span>");
            }
            out.append("</h3>\n");
            if (group.findings.isEmpty()) {
                out.append("<p class=\"none\">No findings");
                if (group.suppressed > 0) {
                    out.append(" (").append(String.valueOf(group.suppressed)).append(" suppressed, under "
                            + "Accepted risks)");
                }
                out.append(".</p>\n</section>\n");
                continue;
            }
            out.append("<table class=\"findings\">\n<colgroup><col class=\"c-severity\"><col class=\"c-rule\">")
                    .append("<col class=\"c-line\"><col></colgroup>\n")
                    .append("<thead><tr><th>Severity</th><th>Rule</th><th>Line</th>")
                    .append("<th>Finding</th></tr></thead>\n<tbody>\n");
            for (AuditFinding audited : group.findings) {
                writeFinding(file, audited, anchors.get(audited), fingerprints.get(audited), redactor, out);
            }
            out.append("</tbody>\n</table>\n");
            if (group.suppressed > 0) {
                out.append("<p class=\"muted\">").append(plural(group.suppressed, "more finding"))
                        .append(" suppressed, under Accepted risks.</p>\n");
            }
            out.append("</section>\n");
        }
        out.append("</section>\n");
    }

    private void writeFinding(FileReport file, AuditFinding audited, String anchor, String fingerprint,
                              Redactor redactor, Appendable out) throws IOException {
        Finding finding = audited.finding();
        String severity = ReportSupport.id(finding.severity());
        out.append("<tr class=\"finding sev-").append(severity).append("\" id=\"").append(anchor)
                .append("\" data-rule=\"").append(Markup.escape(finding.ruleId()))
                .append("\" data-fingerprint=\"").append(fingerprint).append("\">\n")
                .append("<td><span class=\"badge sev-").append(severity).append("\">").append(severity)
                .append("</span></td>\n<td><code>").append(Markup.escape(finding.ruleId())).append("</code>")
                .append("<div class=\"title\">").append(Markup.escape(redactor.redact(audited.title())))
                .append("</div></td>\n<td class=\"num\">").append(position(finding.position())).append("</td>\n<td>")
                .append("<p class=\"message\">").append(Markup.escape(redactor.redact(finding.message())))
                .append("</p>\n");
        if (!finding.keyPath().isEmpty()) {
            out.append("<div class=\"key\">key <code>").append(Markup.escape(redactor.redact(finding.keyPath())))
                    .append("</code></div>\n");
        }
        writeContext(file.config(), finding.position(), contextLines, redactor, out);
        out.append("<div class=\"remediation\"><strong>What to do</strong>")
                .append(remediation(redactor.redact(finding.remediation()))).append("</div>\n");
        if (audited.helpUri() != null) {
            out.append("<p class=\"help\">More: <span class=\"url\">").append(Markup.escape(audited.helpUri()
                    .toString())).append("</span></p>\n");
        }
        out.append("</td>\n</tr>\n");
    }

    /** A TOML-looking line of a remediation: a table header, an indented line or {@code key = value}. */
    private static final java.util.regex.Pattern CODE_LINE = java.util.regex.Pattern.compile(
            "\\s+\\S.*|\\[.*]\\s*(#.*)?|[A-Za-z_\"][\\w.\"-]*\\s*=\\s*\\S.*");

    /** The remediation as HTML: runs of TOML-looking lines become code blocks, the rest stays text. */
    static String remediation(String text) {
        StringBuilder out = new StringBuilder();
        List<String> code = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        for (String line : text.strip().split("\n", -1)) {
            if (CODE_LINE.matcher(line).matches()) {
                if (prose.length() > 0) {
                    out.append("<p>").append(Markup.escape(prose.toString().strip())).append("</p>");
                    prose.setLength(0);
                }
                code.add(line);
            } else {
                if (!code.isEmpty()) {
                    out.append("<pre class=\"snippet\">").append(Markup.escape(String.join("\n", code)
                            .stripIndent())).append("</pre>");
                    code.clear();
                }
                if (line.isBlank()) {
                    if (prose.length() > 0) {
                        out.append("<p>").append(Markup.escape(prose.toString().strip())).append("</p>");
                        prose.setLength(0);
                    }
                } else {
                    prose.append(line).append('\n');
                }
            }
        }
        if (!code.isEmpty()) {
            out.append("<pre class=\"snippet\">").append(Markup.escape(String.join("\n", code).stripIndent()))
                    .append("</pre>");
        }
        if (prose.length() > 0) {
            out.append("<p>").append(Markup.escape(prose.toString().strip())).append("</p>");
        }
        return out.toString();
    }

    /** The lines around the flagged one, numbered, secrets masked, the key at the position marked. */
    private static void writeContext(@Nullable RunnerConfig config, @Nullable Position position, int contextLines,
                                     Redactor redactor, Appendable out) throws IOException {
        if (config == null || position == null || position.line() < 1 || position.line() > config.lines().size()) {
            return;
        }
        List<String> lines = config.lines();
        int first = Math.max(1, position.line() - contextLines);
        int last = Math.min(lines.size(), position.line() + contextLines);
        int width = String.valueOf(last).length();
        out.append("<pre class=\"context\">");
        for (int number = first; number <= last; number++) {
            String raw = lines.get(number - 1);
            String shown = redactor.redact(raw);
            boolean flagged = number == position.line();
            out.append("<span class=\"line").append(flagged ? " flagged" : "").append("\"><span class=\"ln\">")
                    .append(String.format("%" + width + "d", number)).append("</span>");
            String[] parts = flagged ? highlight(raw, shown, position.column()) : null;
            if (parts == null) {
                out.append(Markup.escape(shown));
            } else {
                out.append(Markup.escape(parts[0])).append("<mark>").append(Markup.escape(parts[1]))
                        .append("</mark>").append(Markup.escape(parts[2]));
            }
            out.append("</span>");
        }
        out.append("</pre>\n");
    }

    /**
     * Splits the shown (masked) line into the text before the key at {@code column} of the raw line, the key, and
     * the rest; null when the key cannot be told or does not survive masking.
     */
    static String @Nullable [] highlight(String raw, String shown, int column) {
        int codePoints = raw.codePointCount(0, raw.length());
        if (column < 1 || column > codePoints) {
            return null;
        }
        int start = raw.offsetByCodePoints(0, column - 1);
        int end = keyEnd(raw, start);
        if (end <= start) {
            return null;
        }
        String key = raw.substring(start, end);
        // masking only shortens text, so the key is at or before its raw offset in the shown line
        int found = shown.lastIndexOf(key, start);
        if (found < 0) {
            return null;
        }
        return new String[] {shown.substring(0, found), key, shown.substring(found + key.length())};
    }

    private static int keyEnd(String line, int start) {
        char first = line.charAt(start);
        if (first == '"' || first == '\'') {
            for (int i = start + 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && first == '"') {
                    i++;
                } else if (c == first) {
                    return i + 1;
                }
            }
            return line.length();
        }
        if (first == '[') {
            int close = line.indexOf(']', start);
            if (close < 0) {
                return line.length();
            }
            return close + 1 < line.length() && line.charAt(close + 1) == ']' ? close + 2 : close + 1;
        }
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                i++;
            } else {
                break;
            }
        }
        if (i == start) {
            while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') {
                i++;
            }
        }
        return i;
    }

    private void writeAccepted(AuditReport report, Map<FileReport, String> fileAnchors,
                               Map<AuditFinding, String> anchors, Map<AuditFinding, String> fingerprints,
                               Appendable out) throws IOException {
        List<Map.Entry<FileReport, AuditFinding>> suppressed = new ArrayList<>();
        for (FileReport file : report.files()) {
            for (AuditFinding finding : file.findings()) {
                if (finding.suppressed()) {
                    suppressed.add(Map.entry(file, finding));
                }
            }
        }
        out.append("<section class=\"accepted\" id=\"accepted\">\n<h2>Accepted risks</h2>\n");
        if (suppressed.isEmpty()) {
            out.append("<p class=\"none\">No finding is suppressed by a waiver or an inline comment.</p>\n")
                    .append("</section>\n");
            return;
        }
        out.append("<p class=\"muted\">Findings suppressed by a policy waiver or a <code># runnerguard:ignore</code>")
                .append(" comment. They do not fail the audit.</p>\n<table class=\"findings\">\n")
                .append("<colgroup><col class=\"c-severity\"><col class=\"c-rule\"><col class=\"c-where\"><col>")
                .append("<col class=\"c-by\"><col class=\"c-reason\"><col class=\"c-until\"></colgroup>\n")
                .append("<thead><tr><th>Severity</th>")
                .append("<th>Rule</th><th>Where</th><th>Finding</th><th>Accepted by</th><th>Reason</th>")
                .append("<th>Until</th></tr></thead>\n<tbody>\n");
        Map<FileReport, Redactor> redactors = new java.util.IdentityHashMap<>();
        for (Map.Entry<FileReport, AuditFinding> entry : suppressed) {
            FileReport file = entry.getKey();
            AuditFinding audited = entry.getValue();
            Finding finding = audited.finding();
            Suppression suppression = audited.suppression();
            Redactor redactor = redactors.computeIfAbsent(file, FileReport::redactor);
            String severity = ReportSupport.id(finding.severity());
            out.append("<tr class=\"finding suppressed sev-").append(severity).append("\" id=\"")
                    .append(anchors.get(audited)).append("\" data-rule=\"").append(Markup.escape(finding.ruleId()))
                    .append("\" data-fingerprint=\"").append(fingerprints.get(audited)).append("\">\n")
                    .append("<td><span class=\"badge sev-").append(severity).append("\">").append(severity)
                    .append("</span></td>\n<td><code>").append(Markup.escape(finding.ruleId())).append("</code></td>\n")
                    .append("<td><a href=\"#").append(fileAnchors.get(file)).append("\">")
                    .append(Markup.escape(path(file.source()))).append("</a>");
            if (finding.position() != null) {
                out.append(':').append(position(finding.position()));
            }
            out.append("<br><span class=\"muted\">").append(Markup.escape(ReportSupport.runnerLabel(finding.runner())))
                    .append("</span></td>\n<td><p class=\"message\">")
                    .append(Markup.escape(redactor.redact(finding.message()))).append("</p>");
            writeContext(file.config(), finding.position(), 0, redactor, out);
            out.append("</td>\n<td>");
            String where = suppression.source() == null ? "" : path(suppression.source())
                    + (suppression.position() == null ? "" : ":" + suppression.position().line());
            if (suppression.kind() == Suppression.Kind.WAIVER) {
                out.append("waiver");
            } else {
                out.append("inline comment");
            }
            if (!where.isEmpty()) {
                out.append("<br><span class=\"muted\">").append(Markup.escape(where)).append("</span>");
            }
            out.append("</td>\n<td>").append(Markup.escape(redactor.redact(suppression.reason()))).append("</td>\n<td>")
                    .append(suppression.expires() == null ? "\u2013" : suppression.expires().toString())
                    .append("</td>\n</tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private String path(String source) {
        return Redactor.patterns().redact(ReportSupport.locate(source, sourceRoot).path());
    }

    private static String position(@Nullable Position position) {
        return position == null ? "\u2013" : position.line() + ":" + position.column();
    }

    private static String key(@Nullable RunnerRef runner) {
        return runner == null ? "0000000000" : String.format("%010d %s", runner.index() + 1, runner.name());
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** The findings of one runner (or of the global settings). */
    private static final class Group {
        final @Nullable RunnerRef runner;
        final String executor;
        final List<AuditFinding> findings = new ArrayList<>();
        int suppressed;

        Group(@Nullable RunnerRef runner, String executor) {
            this.runner = runner;
            this.executor = executor;
        }
    }
}
