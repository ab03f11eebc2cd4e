package io.github.runnerguard.internal.toml;

import java.util.ArrayList;
import java.util.Arrays;
import io.github.runnerguard.config.Position;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One node of the key tree the scanner builds from the source text: a table, an array or a value, with where it was
 * defined and how (TOML's rules on redefining tables depend on it), and, for a table or an array, the Jackson node
 * that holds its contents in the value tree.
 *
 * <p>A table holds its children in a small open-addressing hash table of its own (an array, no entry objects), an
 * array its items in order. Mutable while the scanner runs, read-only afterwards (then safe to share between threads
 * once published). Not thread-safe while being built.
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
    Kind kind;
    /** Where the node is; see {@link PositionIndex#of}. */
    Position position;
    /** The ObjectNode of a table, the ArrayNode of an array; null for a value. */
    @Nullable JsonNode container;
    /** A table's children by key hash (at most half full), an array's items in order; null when none yet. */
    private @Nullable KeyNode @Nullable [] kids;
    /** The number of children or items. */
    private int count;

    KeyNode(@Nullable KeyNode parent, @Nullable String key, Kind kind, Position position,
            @Nullable JsonNode container) {
        this.parent = parent;
        this.key = key;
        this.kind = kind;
        this.position = position;
        this.container = container;
    }

    /** The child at {@code name} of this table, or null. */
    @Nullable KeyNode child(String name) {
        KeyNode[] table = kids;
        if (table == null) {
            return null;
        }
        int mask = table.length - 1;
        for (int slot = slot(name, mask); ; slot = slot + 1 & mask) {
            KeyNode kid = table[slot];
            if (kid == null) {
                return null;
            }
            String kidKey = kid.key;
            if (kidKey == name || name.equals(kidKey)) {
                return kid;
            }
        }
    }

    /** Adds a child to this table; there must be none with its key. */
    void addChild(KeyNode child) {
        KeyNode[] table = kids;
        if (table == null) {
            table = new KeyNode[8];
            kids = table;
        } else if ((count + 1) * 2 > table.length) {
            table = new KeyNode[table.length * 2];
            for (KeyNode kid : kids) {
                if (kid != null) {
                    insert(table, kid);
                }
            }
            kids = table;
        }
        insert(table, child);
        count++;
    }

    private static void insert(KeyNode[] table, KeyNode kid) {
        int mask = table.length - 1;
        int slot = slot(java.util.Objects.requireNonNull(kid.key), mask);
        while (table[slot] != null) {
            slot = slot + 1 & mask;
        }
        table[slot] = kid;
    }

    /** Fibonacci hashing of the key's hash into a table of {@code mask + 1} (a power of two) slots. */
    private static int slot(String name, int mask) {
        int h = name.hashCode();
        return (h ^ h >>> 16) * 0x9E3779B9 >>> Integer.numberOfLeadingZeros(mask);
    }

    /** The item at {@code i} of this array, or null. */
    @Nullable KeyNode item(int i) {
        KeyNode[] items = kids;
        return items == null || i < 0 || i >= count ? null : items[i];
    }

    /** The number of items of this array. */
    int itemCount() {
        return count;
    }

    /** Adds an item at the end of this array. */
    void addItem(KeyNode item) {
        KeyNode[] items = kids;
        if (items == null) {
            items = new KeyNode[4];
            kids = items;
        } else if (count == items.length) {
            items = Arrays.copyOf(items, count * 2);
            kids = items;
        }
        items[count++] = item;
    }

    /** The children of a table (in no particular order) or the items of an array; parents before their children. */
    void forEachKid(java.util.function.Consumer<KeyNode> action) {
        KeyNode[] all = kids;
        if (all == null) {
            return;
        }
        for (KeyNode kid : all) {
            if (kid != null) {
                action.accept(kid);
            }
        }
    }

    /**
     * The index of this item in its parent array, or -1 for a key or the root. Searched for (not stored, to keep
     * nodes small): linear in the size of the array, for messages and tests only.
     */
    int index() {
        KeyNode array = parent;
        if (key != null || array == null) {
            return -1;
        }
        for (int i = 0; i < array.count; i++) {
            if (array.item(i) == this) {
                return i;
            }
        }
        return -1;
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
                out.append('[').append(node.index()).append(']');
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
