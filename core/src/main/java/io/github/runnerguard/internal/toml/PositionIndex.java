package io.github.runnerguard.internal.toml;

import java.util.List;
import io.github.runnerguard.config.Position;
import org.jspecify.annotations.Nullable;

/**
 * Positions of the keys of a parsed TOML document, found in its source text (Jackson's tree has none).
 *
 * <p>A path is a list of {@link String} keys exactly as they are after TOML unquoting and {@link Integer} array
 * indexes, e.g. {@code ["runners", 0, "docker", "privileged"]}.
 */
public interface PositionIndex {

    /** An index that knows no position. */
    PositionIndex EMPTY = path -> null;

    /**
     * The position of the node at {@code path}: for a key/value pair, where its key starts on its line (for a dotted
     * key {@code a.b = 1}, where {@code a} starts; inside an inline table, where the inner key starts); for a table, its {@code [header]}, or the first key that
     * created it implicitly; for an element of an array of tables, its {@code [[header]]}; for an element of an
     * inline array, the element's value; null when the path is not in the document.
     */
    @Nullable Position of(List<Object> path);
}
