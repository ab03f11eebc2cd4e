package io.github.runnerguard.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import io.github.runnerguard.audit.AuditReport;

/**
 * Turns an {@link AuditReport} into one output format (text, JSON, ...).
 *
 * <p>Every writer masks secrets in whatever text it writes. Implementations are immutable and thread-safe.
 */
public interface ReportWriter {

    /** The format's name as {@code --format} takes it: {@code text}, {@code json}, ... */
    String format();

    /**
     * Writes the report.
     *
     * @param report the report
     * @param out    where to write; not closed
     * @throws IOException when {@code out} fails
     */
    void write(AuditReport report, Appendable out) throws IOException;

    /**
     * Writes the report as UTF-8.
     *
     * @implNote Wraps {@code out} in a writer, calls {@link #write(AuditReport, Appendable)} and flushes; the stream
     *           is not closed.
     * @throws IOException when {@code out} fails
     */
    default void write(AuditReport report, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        write(report, writer);
        writer.flush();
    }

    /** The report as a string. */
    default String toString(AuditReport report) {
        StringBuilder out = new StringBuilder();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
