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

    /**
     * The positions of the keys of the table at {@code path} ({@code []} for the root), for reading them while
     * walking the table's keys in order; null when the index has no such view (then {@link #of} answers).
     *
     * @param path the path of a table
     * @return a view of the table's keys, or null
     */
    default @Nullable Keys keysOf(List<Object> path) {
        return null;
    }

    /**
     * The keys of one table with their positions, in the order the document defines them.
     *
     * <p>Read-only; safe to share between threads once the index is.
     */
    interface Keys {

        /**
         * The position of {@code key} of this table, as {@link PositionIndex#of} gives it for the table's path plus
         * {@code key}: a walk of the table's keys in document order asks with the key's rank as {@code hint} and is
         * answered without a lookup; any other rank still gets the right answer.
         *
         * @param hint the rank the key probably has among the table's keys
         * @param key  the key
         * @return its position, or null when the table has no such key
         */
        @Nullable Position position(int hint, String key);
    }
}
