package io.github.runnerguard.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.audit.Redactor;
import io.github.runnerguard.audit.Summary;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.Severity;

/**
 * {@link TextReportWriter} as it was before its groups were keyed without {@code String.format}, kept unchanged as
 * the oracle {@link WriterOutputUnchangedTest} compares the writer with. Immutable and thread-safe.
 */
final class LegacyTextReportWriter implements ReportWriter {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";

    private static final LegacyTextReportWriter PLAIN = new LegacyTextReportWriter(false);
    private static final LegacyTextReportWriter COLORED = new LegacyTextReportWriter(true);

    private final boolean color;

    private LegacyTextReportWriter(boolean color) {
        this.color = color;
    }

    /** A writer without colours. */
    static LegacyTextReportWriter create() {
        return PLAIN;
    }

    /** The same writer with or without ANSI colours. */
    LegacyTextReportWriter withColor(boolean enabled) {
        return enabled ? COLORED : PLAIN;
    }

    /** True when this writer colours its output. */
    public boolean color() {
        return color;
    }

    @Override
    public String format() {
        return "text";
    }

    @Override
    public void write(AuditReport report, Appendable out) throws IOException {
        Redactor redactor = Redactor.patterns();
        for (FileReport file : report.files()) {
            out.append(style(BOLD, file.source()));
            if (!file.audited()) {
                out.append(" (not audited)");
            }
            out.append('\n');
            for (Diagnostic error : file.errors()) {
                out.append("    ").append(location(file.source(), error.position())).append(' ')
                        .append(style("\u001b[1;31m", "error")).append(' ')
                        .append(redactor.redact(error.message())).append('\n');
            }
            if (file.audited() && file.findings().isEmpty()) {
                out.append("  no findings\n");
            }
            for (Map.Entry<String, List<AuditFinding>> group : groups(file).entrySet()) {
                out.append("  ").append(group.getKey().substring(group.getKey().indexOf(' ') + 1)).append('\n');
                for (AuditFinding audited : group.getValue()) {
                    writeFinding(audited, redactor, out);
                }
            }
            out.append('\n');
        }
        if (report.files().size() > 1) {
            writeTable(report, out);
            out.append('\n');
        }
        out.append(summary(report)).append('\n');
    }

    /** The per-file table of a fleet audit. */
    private void writeTable(AuditReport report, Appendable out) throws IOException {
        List<String> header = new ArrayList<>(List.of("file", "runners", "executors"));
        for (Severity severity : Severity.values()) {
            header.add(severity.id());
        }
        header.add("suppressed");
        List<List<String>> rows = new ArrayList<>();
        Redactor redactor = Redactor.patterns();
        for (FileReport file : report.files()) {
            List<String> row = new ArrayList<>();
            row.add(redactor.redact(file.source()));
            if (!file.audited()) {
                row.add("-");
                row.add("not audited");
                for (int i = 0; i <= Severity.values().length; i++) {
                    row.add("-");
                }
                rows.add(row);
                continue;
            }
            List<Runner> runners = file.config() == null ? List.of() : file.config().runners();
            TreeSet<String> executors = new TreeSet<>();
            for (Runner runner : runners) {
                executors.add(runner.executor().orElse("").isEmpty() ? "(none)" : runner.executor().orElse(""));
            }
            row.add(file.config() == null ? "-" : String.valueOf(runners.size()));
            row.add(file.config() == null ? "-" : String.join(", ", executors));
            for (Severity severity : Severity.values()) {
                row.add(String.valueOf(file.findings().stream()
                        .filter(f -> !f.suppressed() && f.finding().severity() == severity).count()));
            }
            row.add(String.valueOf(file.findings().stream().filter(AuditFinding::suppressed).count()));
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        out.append(style(BOLD, tableLine(header, widths))).append('\n');
        for (List<String> row : rows) {
            out.append(tableLine(row, widths)).append('\n');
        }
    }

    /** File and executors left-aligned, numbers right-aligned, two spaces apart, no trailing spaces. */
    private static String tableLine(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            int padding = widths[i] - cell.codePointCount(0, cell.length());
            if (i > 0) {
                line.append("  ");
            }
            if (i == 0 || i == 2) {
                line.append(cell).append(" ".repeat(padding));
            } else {
                line.append(" ".repeat(padding)).append(cell);
            }
        }
        return line.toString().stripTrailing();
    }

    private void writeFinding(AuditFinding audited, Redactor redactor, Appendable out) throws IOException {
        Finding finding = audited.finding();
        StringBuilder line = new StringBuilder();
        line.append(location(finding.file(), finding.position())).append(' ')
                .append(severity(finding.severity())).append(' ')
                .append(finding.ruleId()).append(' ')
                .append(oneLine(redactor.redact(finding.message())));
        if (audited.suppressed()) {
            line.append(" [suppressed: ").append(oneLine(redactor.redact(audited.suppression().reason())))
                    .append(']');
            out.append("    ").append(style(DIM, line.toString())).append('\n');
        } else {
            out.append("    ").append(line).append('\n');
        }
    }

    /** Findings by group: "global" first, then each runner by index; the key sorts and names the group. */
    private static Map<String, List<AuditFinding>> groups(FileReport file) {
        Map<String, List<AuditFinding>> groups = new TreeMap<>();
        for (AuditFinding audited : file.findings()) {
            Finding finding = audited.finding();
            String key;
            if (finding.runner() == null) {
                key = "0000000000 global";
            } else {
                String name = finding.runner().name().isEmpty() ? "(unnamed)" : "\"" + finding.runner().name() + "\"";
                key = String.format("%010d runner %s (#%d)", finding.runner().index() + 1, name,
                        finding.runner().index());
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(audited);
        }
        return groups;
    }

    private String summary(AuditReport report) {
        Summary summary = report.summary();
        StringBuilder line = new StringBuilder();
        for (Severity severity : Severity.values()) {
            if (line.length() > 0) {
                line.append(", ");
            }
            String part = summary.count(severity) + " " + severity.id();
            line.append(summary.count(severity) > 0 ? severity(severity, part) : part);
        }
        long audited = report.files().stream().filter(FileReport::audited).count();
        long notAudited = report.files().size() - audited;
        line.append("; ").append(summary.suppressed()).append(" suppressed; ")
                .append(summary.errors()).append(summary.errors() == 1 ? " error; " : " errors; ")
                .append(audited).append(audited == 1 ? " file audited" : " files audited");
        if (notAudited > 0) {
            line.append(", ").append(notAudited).append(" not audited");
        }
        return line.toString();
    }

    private String severity(Severity severity) {
        return severity(severity, severity.id());
    }

    private String severity(Severity severity, String text) {
        String code = switch (severity) {
            case CRITICAL -> "\u001b[1;35m";
            case HIGH -> "\u001b[1;31m";
            case MEDIUM -> "\u001b[33m";
            case LOW -> "\u001b[36m";
            case INFO -> DIM;
        };
        return style(code, text);
    }

    private String style(String code, String text) {
        return color ? code + text + RESET : text;
    }

    private static String location(String file, Position position) {
        return position == null ? file : file + ":" + position.line() + ":" + position.column();
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
