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
 * <p>A table holds its children in the order they were added, and once it has more than a few, also in an
 * open-addressing hash table in the same array (no entry objects); an array holds its items in order. Mutable
 * while the scanner runs, read-only afterwards (then safe to share between threads once published). Not thread-safe
 * while being built.
 */
final class KeyNode implements PositionIndex.Keys {

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
    /**
     * A table's children and an array's items, in the order they were added; null when none yet. A table of more
     * than {@link #LINEAR_LIMIT} children has a capacity {@code c} (a power of two): the array is {@code 3c} long,
     * the first {@code c} slots in order, the other {@code 2c} an open-addressing hash table of the same children by
     * key (at most half full), so that a large table's lookups stay constant without a second array field.
     */
    private @Nullable KeyNode @Nullable [] kids;
    /** The number of children or items. */
    private int count;

    /** Tables with at most this many children are searched linearly. */
    private static final int LINEAR_LIMIT = 8;

    KeyNode(@Nullable KeyNode parent, @Nullable String key, Kind kind, Position position,
            @Nullable JsonNode container) {
        this.parent = parent;
        this.key = key;
        this.kind = kind;
        this.position = position;
        this.container = container;
    }

    /** The child at {@code name} of this table, or null (always for an array). */
    @Nullable KeyNode child(String name) {
        KeyNode[] all = kids;
        if (all == null || !kind.isTable()) {
            return null;
        }
        if (all.length <= LINEAR_LIMIT) {
            for (int i = 0; i < count; i++) {
                KeyNode kid = all[i];
                String kidKey = kid.key;
                if (kidKey == name || name.equals(kidKey)) {
                    return kid;
                }
            }
            return null;
        }
        int capacity = all.length / 3;
        int mask = 2 * capacity - 1;
        for (int slot = slot(name, mask); ; slot = slot + 1 & mask) {
            KeyNode kid = all[capacity + slot];
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
        KeyNode[] all = kids;
        if (all == null) {
            all = new KeyNode[LINEAR_LIMIT];
            kids = all;
        }
        int n = count;
        if (n < LINEAR_LIMIT) {
            all[n] = child;
            count = n + 1;
            return;
        }
        int capacity = all.length / 3;
        if (all.length <= LINEAR_LIMIT || n == capacity) {
            capacity = Math.max(2 * LINEAR_LIMIT, 2 * capacity);
            KeyNode[] grown = new KeyNode[3 * capacity];
            System.arraycopy(all, 0, grown, 0, n);
            for (int i = 0; i < n; i++) {
                insert(grown, capacity, grown[i]);
            }
            all = grown;
            kids = all;
        }
        all[n] = child;
        insert(all, capacity, child);
        count = n + 1;
    }

    private static void insert(KeyNode[] all, int capacity, KeyNode kid) {
        int mask = 2 * capacity - 1;
        int slot = slot(java.util.Objects.requireNonNull(kid.key), mask);
        while (all[capacity + slot] != null) {
            slot = slot + 1 & mask;
        }
        all[capacity + slot] = kid;
    }

    /** Fibonacci hashing of the key's hash into a table of {@code mask + 1} (a power of two) slots. */
    private static int slot(String name, int mask) {
        int h = name.hashCode();
        return (h ^ h >>> 16) * 0x9E3779B9 >>> Integer.numberOfLeadingZeros(mask);
    }

    /** The child added {@code hint}-th when its key is {@code key}, else the child at {@code key}: its position. */
    @Override
    public @Nullable Position position(int hint, String key) {
        KeyNode[] all = kids;
        if (all != null && hint >= 0 && hint < count) {
            KeyNode kid = all[hint];
            String kidKey = kid.key;
            if (kidKey == key || key.equals(kidKey)) {
                return kid.position;
            }
        }
        KeyNode kid = child(key);
        return kid == null ? null : kid.position;
    }

    /** The item at {@code i} of this array, or null (always for a table). */
    @Nullable KeyNode item(int i) {
        KeyNode[] items = kids;
        return items == null || i < 0 || i >= count || kind.isTable() ? null : items[i];
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

    /** The children of a table or the items of an array, in the order they were added. */
    void forEachKid(java.util.function.Consumer<KeyNode> action) {
        KeyNode[] all = kids;
        for (int i = 0; i < count; i++) {
            action.accept(all[i]);
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
