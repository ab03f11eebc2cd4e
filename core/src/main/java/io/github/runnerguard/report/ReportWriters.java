package io.github.runnerguard.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report formats Runnerguard ships, by name.
 *
 * <p>Thread-safe.
 */
public final class ReportWriters {

    private static final List<String> FORMATS = List.of("text", "json");

    private ReportWriters() {
    }

    /** The names of the shipped formats, as {@code --format} takes them. */
    public static List<String> formats() {
        return FORMATS;
    }

    /**
     * The writer for a format name (any case).
     *
     * @param format a name from {@link #formats()}
     * @param color  whether a writer that can colour its output should (only the text writer does)
     */
    public static Optional<ReportWriter> forFormat(String format, boolean color) {
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> Optional.of(TextReportWriter.create().withColor(color));
            case "json" -> Optional.of(JsonReportWriter.create());
            default -> Optional.empty();
        };
    }
}
