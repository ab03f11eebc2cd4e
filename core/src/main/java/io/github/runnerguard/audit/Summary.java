package io.github.runnerguard.audit;

import io.github.runnerguard.spi.Severity;

/**
 * Counts over an audit: unsuppressed findings per severity, suppressed findings, and files that could not be
 * audited.
 *
 * @param critical   unsuppressed critical findings
 * @param high       unsuppressed high findings
 * @param medium     unsuppressed medium findings
 * @param low        unsuppressed low findings
 * @param info       unsuppressed info findings
 * @param suppressed suppressed findings, whatever their severity
 * @param errors     errors: the fatal problems of files that were not audited
 */
public record Summary(int critical, int high, int medium, int low, int info, int suppressed, int errors) {

    /** The number of unsuppressed findings of {@code severity}. */
    public int count(Severity severity) {
        return switch (severity) {
            case CRITICAL -> critical;
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
            case INFO -> info;
        };
    }

    /** The number of unsuppressed findings. */
    public int unsuppressed() {
        return critical + high + medium + low + info;
    }
}
