package io.github.runnerguard.internal.toml;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every {@link KeyNode} of a document but the root, found by parent and key (a table's child) or by parent and index
 * (an array's item): one open-addressing hash table for the whole document instead of a map per table, so that a key
 * costs one slot and a lookup one probe sequence, without a map entry object per key.
 *
 * <p>Mutable while the scanner runs, read-only afterwards (then safe to share between threads once published).
 */
final class KeyTable {

    /** The largest table allocated up front; larger documents grow it. */
    private static final int MAX_INITIAL_CAPACITY = 1 << 18;

    private KeyNode[] slots;
    private int mask;
    private int size;

    /** A table sized for a text of {@code textLength} chars (about one key per 16 chars, at most half full). */
    KeyTable(int textLength) {
        int wanted = Math.max(16, Math.min(MAX_INITIAL_CAPACITY, textLength / 8));
        int capacity = Integer.highestOneBit(wanted - 1) << 1;
        slots = new KeyNode[capacity];
        mask = capacity - 1;
    }

    /** The number of nodes. */
    int size() {
        return size;
    }

    /** The child of {@code parent} at {@code key}, or null. */
    @Nullable KeyNode child(KeyNode parent, String key) {
        KeyNode[] table = slots;
        int m = mask;
        for (int slot = keyHash(parent.id, key) & m; ; slot = slot + 1 & m) {
            KeyNode node = table[slot];
            if (node == null) {
                return null;
            }
            if (node.parent == parent && key.equals(node.key)) {
                return node;
            }
        }
    }

    /** The item of {@code parent} at {@code index}, or null. */
    @Nullable KeyNode item(KeyNode parent, int index) {
        if (index < 0 || index >= parent.itemCount) {
            return null;
        }
        KeyNode[] table = slots;
        int m = mask;
        for (int slot = indexHash(parent.id, index) & m; ; slot = slot + 1 & m) {
            KeyNode node = table[slot];
            if (node == null) {
                return null;
            }
            if (node.parent == parent && node.key == null && node.index == index) {
                return node;
            }
        }
    }

    /** Adds a node that is not in the table yet (its parent, key or index say where). */
    void add(KeyNode node) {
        if (size + 1 > (mask + 1) >> 1) {
            grow();
        }
        insert(slots, mask, node);
        size++;
    }

    /** Every node, in creation order (so parents before children). */
    List<KeyNode> nodes() {
        KeyNode[] byId = new KeyNode[size + 1];
        int max = 0;
        for (KeyNode node : slots) {
            if (node != null) {
                if (node.id >= byId.length) {
                    byId = java.util.Arrays.copyOf(byId, node.id * 2);
                }
                byId[node.id] = node;
                max = Math.max(max, node.id);
            }
        }
        List<KeyNode> nodes = new ArrayList<>(size);
        for (int id = 0; id <= max; id++) {
            if (byId[id] != null) {
                nodes.add(byId[id]);
            }
        }
        return nodes;
    }

    private void grow() {
        KeyNode[] old = slots;
        KeyNode[] table = new KeyNode[old.length * 2];
        int m = table.length - 1;
        for (KeyNode node : old) {
            if (node != null) {
                insert(table, m, node);
            }
        }
        slots = table;
        mask = m;
    }

    private static void insert(KeyNode[] table, int m, KeyNode node) {
        KeyNode parent = node.parent;
        int parentId = parent == null ? 0 : parent.id;
        String key = node.key;
        int slot = (key != null ? keyHash(parentId, key) : indexHash(parentId, node.index)) & m;
        while (table[slot] != null) {
            slot = slot + 1 & m;
        }
        table[slot] = node;
    }

    private static int keyHash(int parentId, String key) {
        return mix(parentId * 0x9E3779B9 + key.hashCode());
    }

    private static int indexHash(int parentId, int index) {
        return mix(parentId * 0x9E3779B9 + index * 0x85EBCA6B + 0x27D4EB2F);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        return h ^ h >>> 15;
    }
}
