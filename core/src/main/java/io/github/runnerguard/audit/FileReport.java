package io.github.runnerguard.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.RunnerConfig;
import org.jspecify.annotations.Nullable;

/**
 * The result of auditing one file: whether it could be audited, why not, and its findings.
 *
 * <p>Diagnostics and findings have secrets masked. Immutable and thread-safe.
 *
 * @param source   the file's name as the audit was given it ({@code <stdin>} for standard input)
 * @param audited  true when the file was loaded and the rules ran; false after a syntax error, an exceeded limit,
 *                 bad encoding or an unreadable file
 * @param errors   the fatal diagnostics that stopped the audit of this file; empty when audited
 * @param findings the findings, sorted by line, column and rule id, suppressed ones included
 * @param config   the loaded config, or null when it could not be loaded; its text may contain secrets
 */
public record FileReport(String source, boolean audited, List<Diagnostic> errors, List<AuditFinding> findings,
                         @Nullable RunnerConfig config) {

    /** Copies the lists. */
    public FileReport {
        Objects.requireNonNull(source, "source");
        errors = List.copyOf(errors);
        findings = List.copyOf(findings);
    }

    /** The findings no comment or waiver suppresses. */
    public List<AuditFinding> unsuppressed() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    /** The loaded config, if the file could be loaded. */
    public Optional<RunnerConfig> loadedConfig() {
        return Optional.ofNullable(config);
    }

    /** A redactor that masks the secrets of this file's config (and what looks secret). */
    public Redactor redactor() {
        return config == null ? Redactor.patterns() : Redactor.forConfig(config);
    }
}
