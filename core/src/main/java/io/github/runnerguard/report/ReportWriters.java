package io.github.runnerguard.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report formats Runnerguard ships, by name: {@code text}, {@code json}, {@code sarif}, {@code codequality}
 * (GitLab Code Quality), {@code junit} and {@code html}.
 *
 * <p>Thread-safe.
 */
public final class ReportWriters {

    private static final List<String> FORMATS = List.of("text", "json", "sarif", "codequality", "junit", "html");

    private ReportWriters() {
    }

    /** The names of the shipped formats, as {@code --format} takes them. */
    public static List<String> formats() {
        return FORMATS;
    }

    /**
     * The writer for a format name (any case), with default options.
     *
     * @param format a name from {@link #formats()}
     * @param color  whether a writer that can colour its output should (only the text writer does)
     */
    public static Optional<ReportWriter> forFormat(String format, boolean color) {
        return forFormat(format, ReportOptions.defaults().withColor(color));
    }

    /**
     * The writer for a format name (any case).
     *
     * @param format  a name from {@link #formats()}
     * @param options colour, fail-on threshold, rules and source root, for the writers that use them
     */
    public static Optional<ReportWriter> forFormat(String format, ReportOptions options) {
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> Optional.of(TextReportWriter.create().withColor(options.color()));
            case "json" -> Optional.of(JsonReportWriter.create());
            case "sarif" -> Optional.of(SarifReportWriter.create(options));
            case "codequality" -> Optional.of(CodeQualityReportWriter.create(options));
            case "junit" -> Optional.of(JUnitReportWriter.create(options));
            case "html" -> Optional.of(HtmlReportWriter.create(options));
            default -> Optional.empty();
        };
    }
}
