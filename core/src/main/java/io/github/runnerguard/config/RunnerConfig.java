package io.github.runnerguard.config;

import java.util.List;
import java.util.Objects;

/**
 * A loaded GitLab Runner {@code config.toml}: the global settings, every {@code [[runners]]} entry with the effective
 * values gitlab-runner would use, the raw view of every key, the comments, and what the loader noticed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source      the name of the file (the path as given, or {@code <stdin>})
 * @param global      the global settings
 * @param runners     the {@code [[runners]]} entries, in file order
 * @param raw         the raw view of the whole file
 * @param comments    every comment, in file order
 * @param lines       the text of the file split into lines (without line endings); may contain secrets. The loader
 *                    gives {@link SourceLines}, which keep the one text rather than a string per line
 * @param diagnostics what the loader noticed that did not stop it (unknown, ambiguous, mistyped keys)
 */
public record RunnerConfig(String source, GlobalSettings global, List<Runner> runners, ConfigTable raw,
                           List<Comment> comments, List<String> lines, List<Diagnostic> diagnostics) {

    /** Copies the lists; {@link SourceLines}, immutable already, are kept as they are. */
    public RunnerConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(global, "global");
        Objects.requireNonNull(raw, "raw");
        runners = List.copyOf(runners);
        comments = List.copyOf(comments);
        lines = lines instanceof SourceLines ? lines : List.copyOf(lines);
        diagnostics = List.copyOf(diagnostics);
    }
}
