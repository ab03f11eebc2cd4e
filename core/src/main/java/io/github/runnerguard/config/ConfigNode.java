package io.github.runnerguard.config;

import org.jspecify.annotations.Nullable;

/**
 * A node of the raw view of a config file: every key as written, typed by the model or not, with its dotted path
 * and position, so a custom rule can read any key without a model change.
 *
 * <p>Paths use the canonical gitlab-runner key name where the key is known and the key as written otherwise, with
 * array indexes in brackets: {@code runners[0].docker.privileged}. Nodes are immutable and thread-safe.
 */
public sealed interface ConfigNode permits ConfigTable, ConfigArray, ConfigScalar {

    /** The dotted path of this node, {@code ""} for the root table. */
    String path();

    /**
     * Where this node starts: the key of a key/value pair, the header of a {@code [table]} or {@code [[array]]}
     * element, or the first key that implicitly created a table; null for the root table.
     */
    @Nullable Position position();
}
