package io.github.runnerguard.testkit;

import java.util.Objects;

/**
 * A table the loaded model must have, or must not have, for a generated config: a runner section such as
 * {@code [runners.docker]}, a sub-table, or an element of an array of tables.
 *
 * <p>Immutable and thread-safe.
 *
 * @param modelPath the accessor path from the runner, e.g. {@code docker}, {@code kubernetes.podSecurityContext},
 *                  {@code docker.services[0]}
 * @param keyPath   the raw key path, e.g. {@code runners[0].docker}
 * @param present   whether the table is in the file ({@code present()} of the model record)
 * @param line      the line of its header, of the key of an inline table, or of the first dotted key that creates
 *                  it; 0 when absent
 * @since 0.1.0
 */
public record ExpectedSection(String modelPath, String keyPath, boolean present, int line) {

    /** Checks the parts. */
    public ExpectedSection {
        Objects.requireNonNull(modelPath, "modelPath");
        Objects.requireNonNull(keyPath, "keyPath");
        if (present ? line < 1 : line != 0) {
            throw new IllegalArgumentException("a present table has a line, an absent one has none");
        }
    }
}
