package io.github.runnerguard.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.github.runnerguard.spi.Severity;

/**
 * The result of an audit of one or more files: one {@link FileReport} per file, sorted by file name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param files the file reports
 */
public record AuditReport(List<FileReport> files) {

    /** Copies and sorts the file reports by source. */
    public AuditReport {
        List<FileReport> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileReport::source));
        files = List.copyOf(sorted);
    }

    /** One report holding the files of all of {@code reports}. */
    public static AuditReport merge(List<AuditReport> reports) {
        List<FileReport> all = new ArrayList<>();
        for (AuditReport report : reports) {
            all.addAll(report.files());
        }
        return new AuditReport(all);
    }

    /** Every finding of every file, in report order. */
    public List<AuditFinding> findings() {
        return files.stream().flatMap(f -> f.findings().stream()).toList();
    }

    /** True when every file could be audited. */
    public boolean allAudited() {
        return files.stream().allMatch(FileReport::audited);
    }

    /** True when an unsuppressed finding is at or above the threshold. */
    public boolean fails(FailOn failOn) {
        return findings().stream().anyMatch(f -> !f.suppressed() && failOn.failsOn(f.finding().severity()));
    }

    /** The counts over all files. */
    public Summary summary() {
        int[] bySeverity = new int[Severity.values().length];
        int suppressed = 0;
        int errors = 0;
        for (FileReport file : files) {
            errors += file.errors().size();
            for (AuditFinding finding : file.findings()) {
                if (finding.suppressed()) {
                    suppressed++;
                } else {
                    bySeverity[finding.finding().severity().ordinal()]++;
                }
            }
        }
        return new Summary(bySeverity[Severity.CRITICAL.ordinal()], bySeverity[Severity.HIGH.ordinal()],
                bySeverity[Severity.MEDIUM.ordinal()], bySeverity[Severity.LOW.ordinal()],
                bySeverity[Severity.INFO.ordinal()], suppressed, errors);
    }
}
