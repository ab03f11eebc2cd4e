package io.github.runnerguard.report;

import java.io.IOException;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Writes a report for people: findings grouped by file and runner, one line each as
 * {@code path:line:column severity rule-id message}, then a summary line.
 *
 * <pre>
 * examples/shared-docker.toml
 *   runner "shared-docker" (#0)
 *     examples/shared-docker.toml:14:3 critical docker.privileged Runner "shared-docker" runs job containers privileged
 *     examples/shared-docker.toml:18:3 high docker.pull-policy-if-not-present ... [suppressed: reviewed]
 *
 * 1 critical, 0 high, 0 medium, 0 low, 0 info; 1 suppressed; 0 errors; 1 file audited
 * </pre>
 *
 * <p>A report of two or more files (a fleet) has a summary table before the summary line: per file its runners,
 * executors, unsuppressed findings per severity and suppressed findings.
 * <pre>
 * file                         runners  executors   critical  high  medium  low  info  suppressed
 * examples/kubernetes.toml           1  kubernetes         3     4       2    0     0           0
 * examples/shell.toml                2  shell, ssh         1     3       1    1     0           0
 * broken.toml                        -  not audited        -     -       -    -     -           -
 * </pre>
 *
 * <p>ANSI colours only when asked for ({@link #withColor(boolean)}): the command line asks when its output is a
 * terminal. Immutable and thread-safe.
 */
public final class TextReportWriter implements ReportWriter {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";

    private static final TextReportWriter PLAIN = new TextReportWriter(false);
    private static final TextReportWriter COLORED = new TextReportWriter(true);

    private final boolean color;

    private TextReportWriter(boolean color) {
        this.color = color;
    }

    /** A writer without colours. */
    public static TextReportWriter create() {
        return PLAIN;
    }

    /** The same writer with or without ANSI colours. */
    public TextReportWriter withColor(boolean enabled) {
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
        // a suppressed finding's line is dimmed as a whole
        boolean dim = color && audited.suppressed();
        out.append("    ");
        if (dim) {
            out.append(DIM);
        }
        out.append(finding.file());
        Position position = finding.position();
        if (position != null) {
            out.append(':').append(Integer.toString(position.line())).append(':')
                    .append(Integer.toString(position.column()));
        }
        out.append(' ').append(severity(finding.severity())).append(' ')
                .append(finding.ruleId()).append(' ')
                .append(oneLine(redactor.redact(finding.message())));
        if (audited.suppressed()) {
            out.append(" [suppressed: ").append(oneLine(redactor.redact(audited.suppression().reason())))
                    .append(']');
        }
        if (dim) {
            out.append(RESET);
        }
        out.append('\n');
    }

    /** Findings by group: "global" first, then each runner by index; the key sorts and names the group. */
    private static Map<String, List<AuditFinding>> groups(FileReport file) {
        Map<String, List<AuditFinding>> groups = new TreeMap<>();
        boolean asciiDigits = DecimalFormatSymbols.getInstance(Locale.getDefault(Locale.Category.FORMAT))
                .getZeroDigit() == '0';
        RunnerRef lastRunner = null;
        List<AuditFinding> lastGroup = null;
        for (AuditFinding audited : file.findings()) {
            Finding finding = audited.finding();
            RunnerRef runner = finding.runner();
            // findings are sorted by line, so those of one runner mostly come together
            if (lastGroup == null || !Objects.equals(runner, lastRunner)) {
                lastRunner = runner;
                lastGroup = groups.computeIfAbsent(groupKey(runner, asciiDigits), k -> new ArrayList<>());
            }
            lastGroup.add(audited);
        }
        return groups;
    }

    /**
     * The key of a group: {@code String.format("%010d runner %s (#%d)", index + 1, name, index)}, built directly
     * when the default locale writes ASCII digits.
     */
    private static String groupKey(@Nullable RunnerRef runner, boolean asciiDigits) {
        if (runner == null) {
            return "0000000000 global";
        }
        String name = runner.name().isEmpty() ? "(unnamed)" : "\"" + runner.name() + "\"";
        if (!asciiDigits) {
            return String.format("%010d runner %s (#%d)", runner.index() + 1, name, runner.index());
        }
        return zeroPadded(runner.index() + 1) + " runner " + name + " (#" + runner.index() + ")";
    }

    /** {@code String.format("%010d", number)} with ASCII digits. */
    private static String zeroPadded(int number) {
        String digits = Integer.toString(number);
        if (digits.length() >= 10) {
            return digits;
        }
        return number < 0 ? "-" + "0".repeat(10 - digits.length()) + digits.substring(1)
                : "0".repeat(10 - digits.length()) + digits;
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
        return severity(severity, ReportSupport.id(severity));
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
        return ReportSupport.oneLine(text);
    }
}
