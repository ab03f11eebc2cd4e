package io.github.runnerguard.internal.toml;

import java.util.ArrayList;
import io.github.runnerguard.config.Position;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One node of the key tree the scanner builds from the source text: a table, an array or a value, with where it was
 * defined and how (TOML's rules on redefining tables depend on it), and, for a table or an array, the Jackson node
 * that holds its contents in the value tree.
 *
 * <p>A node does not hold its children: {@link KeyTable} finds them by parent and key or index, one table for the
 * whole document. Mutable while the scanner runs, read-only afterwards. Not thread-safe while being built.
 */
final class KeyNode {

    /** How the node came to exist. */
    enum Kind {
        /** The root table. */
        ROOT,
        /** A table created as the parent of a {@code [header]} without a header of its own (yet). */
        IMPLICIT,
        /** A table defined by its own {@code [header]}, or an element of an array of tables. */
        TABLE,
        /** A table created by a dotted key ({@code a.b = 1} creates {@code a}). */
        DOTTED,
        /** An array of tables ({@code [[header]]}); its items are tables. */
        ARRAY_OF_TABLES,
        /** An inline table ({@code {...}}): complete once closed. */
        INLINE_TABLE,
        /** An inline array ({@code [...]}): complete once closed. */
        ARRAY,
        /** A string, number, boolean or date-time. */
        VALUE;

        /** True for the kinds that hold keys. */
        boolean isTable() {
            return this == ROOT || this == IMPLICIT || this == TABLE || this == DOTTED || this == INLINE_TABLE;
        }
    }

    final @Nullable KeyNode parent;
    /** The key in the parent table, or null for the root and for array items. */
    final @Nullable String key;
    /** The index in the parent array, or -1. */
    final int index;
    /** The creation number: unique in a document, and a parent's is smaller than its children's. */
    final int id;
    Kind kind;
    /** Where the node is; see {@link PositionIndex#of}. */
    Position position;
    /** The ObjectNode of a table, the ArrayNode of an array; null for a value. */
    @Nullable JsonNode container;
    /** The number of items of an array. */
    int itemCount;

    KeyNode(@Nullable KeyNode parent, @Nullable String key, int index, int id, Kind kind, Position position,
            @Nullable JsonNode container) {
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.id = id;
        this.kind = kind;
        this.position = position;
        this.container = container;
    }

    /** The number of segments from the root to this node. */
    int depth() {
        int depth = 0;
        for (KeyNode node = this; node.parent != null; node = node.parent) {
            depth++;
        }
        return depth;
    }

    /** The line of the node's position, for messages. */
    int line() {
        return position.line();
    }

    /** The path of this node in the dotted form diagnostics use: {@code runners[0].docker.privileged}. */
    String displayPath() {
        ArrayList<KeyNode> chain = new ArrayList<>();
        for (KeyNode node = this; node.parent != null; node = node.parent) {
            chain.add(node);
        }
        StringBuilder out = new StringBuilder();
        for (int i = chain.size() - 1; i >= 0; i--) {
            KeyNode node = chain.get(i);
            if (node.key == null) {
                out.append('[').append(node.index).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(TomlText.displayKey(node.key));
            }
        }
        return out.toString();
    }
}
