package io.github.runnerguard.internal.bind;

import java.util.List;
import java.util.Objects;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Diagnostic;

/**
 * What the binder made of a parsed document: the raw view of every key with the field each binds to, and what it
 * noticed (unknown, ambiguous and mistyped keys, invalid values), in file order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param raw         the root table of the raw view
 * @param diagnostics the diagnostics, ordered by position
 */
public record BindResult(ConfigTable raw, List<Diagnostic> diagnostics) {

    /** Copies the list. */
    public BindResult {
        Objects.requireNonNull(raw, "raw");
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when a diagnostic says gitlab-runner would refuse to load the file. */
    public boolean refusedByGitlabRunner() {
        return diagnostics.stream().anyMatch(d -> d.kind().refusedByGitlabRunner());
    }
}
