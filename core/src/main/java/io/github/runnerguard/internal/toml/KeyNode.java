package io.github.runnerguard.internal.toml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One node of the key tree the scanner builds from the source text: a table, an array or a value, with where it was
 * defined and how (TOML's rules on redefining tables depend on it).
 *
 * <p>Mutable while the scanner runs, read-only afterwards. Not thread-safe while being built.
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
    Kind kind;
    int line;
    int column;
    private @Nullable HashMap<String, KeyNode> children;
    private @Nullable ArrayList<KeyNode> items;

    private KeyNode(@Nullable KeyNode parent, @Nullable String key, int index, Kind kind, int line, int column) {
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.kind = kind;
        this.line = line;
        this.column = column;
    }

    static KeyNode root() {
        return new KeyNode(null, null, -1, Kind.ROOT, 1, 1);
    }

    @Nullable KeyNode child(String name) {
        HashMap<String, KeyNode> map = children;
        return map == null ? null : map.get(name);
    }

    KeyNode addChild(String name, Kind childKind, int childLine, int childColumn) {
        HashMap<String, KeyNode> map = children;
        if (map == null) {
            map = new HashMap<>(8);
            children = map;
        }
        KeyNode node = new KeyNode(this, name, -1, childKind, childLine, childColumn);
        map.put(name, node);
        return node;
    }

    KeyNode addItem(Kind itemKind, int itemLine, int itemColumn) {
        ArrayList<KeyNode> list = items;
        if (list == null) {
            list = new ArrayList<>(4);
            items = list;
        }
        KeyNode node = new KeyNode(this, null, list.size(), itemKind, itemLine, itemColumn);
        list.add(node);
        return node;
    }

    @Nullable KeyNode item(int i) {
        ArrayList<KeyNode> list = items;
        return list == null || i < 0 || i >= list.size() ? null : list.get(i);
    }

    int itemCount() {
        ArrayList<KeyNode> list = items;
        return list == null ? 0 : list.size();
    }

    /** The last item, or null when there is none. */
    @Nullable KeyNode lastItem() {
        ArrayList<KeyNode> list = items;
        return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
    }

    Iterable<KeyNode> children() {
        HashMap<String, KeyNode> map = children;
        return map == null ? List.of() : map.values();
    }

    Iterable<KeyNode> items() {
        ArrayList<KeyNode> list = items;
        return list == null ? List.of() : list;
    }

    /** The number of segments from the root to this node. */
    int depth() {
        int depth = 0;
        for (KeyNode node = this; node.parent != null; node = node.parent) {
            depth++;
        }
        return depth;
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
