package io.github.runnerguard.load;

import java.util.List;
import java.util.Objects;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.RunnerConfig;
import org.jspecify.annotations.Nullable;

/**
 * What loading one config file gave: the model (as much of it as could be bound) and the diagnostics.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source      the name of the source: the path as given, or {@code <stdin>}, or a caller's name for a string
 * @param config      the model, or null when a fatal diagnostic (syntax, encoding, limit, I/O) stopped loading
 * @param diagnostics every diagnostic, in file order
 */
public record LoadResult(String source, @Nullable RunnerConfig config, List<Diagnostic> diagnostics) {

    /** Copies the diagnostics. */
    public LoadResult {
        Objects.requireNonNull(source, "source");
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when a model was built, so the file can be audited. */
    public boolean loaded() {
        return config != null;
    }

    /** True when gitlab-runner itself would load this file (no fatal error, no type error, no invalid value). */
    public boolean loadableByGitlabRunner() {
        return diagnostics.stream().noneMatch(d -> d.kind().refusedByGitlabRunner());
    }

    /** The fatal diagnostics: why the file was not loaded. Empty when {@link #loaded()}. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.kind().fatal()).toList();
    }
}
