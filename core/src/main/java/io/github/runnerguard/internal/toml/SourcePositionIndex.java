package io.github.runnerguard.internal.toml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.BiConsumer;
import io.github.runnerguard.config.Position;
import org.jspecify.annotations.Nullable;

/**
 * The {@link PositionIndex} built by {@link TomlScanner}: the scanner's key nodes, each table with a small hash table
 * of its children and each array with its items, so that a lookup costs one hash probe per path segment,
 * independent of the size of the file, and allocates nothing (each node holds its {@link Position}).
 *
 * <p>Immutable once built; safe to share between threads.
 */
final class SourcePositionIndex implements PositionIndex {

    private final KeyNode root;

    SourcePositionIndex(KeyNode root) {
        this.root = root;
    }

    @Override
    public @Nullable Position of(List<Object> path) {
        int size = path.size();
        if (size == 0) {
            return null;
        }
        KeyNode node = root;
        boolean indexed = path instanceof RandomAccess;
        Iterator<Object> segments = indexed ? null : path.iterator();
        for (int k = 0; k < size; k++) {
            Object segment = indexed ? path.get(k) : segments.next();
            if (segment instanceof String key) {
                node = node.child(key);
            } else if (segment instanceof Integer index) {
                node = node.item(index);
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node.position;
    }

    /**
     * Calls {@code action} with every path the scanner found and its position, parents before children. Each call
     * gets a fresh path list.
     */
    void forEach(BiConsumer<List<Object>, Position> action) {
        ArrayDeque<KeyNode> pending = new ArrayDeque<>();
        root.forEachKid(pending::push);
        while (!pending.isEmpty()) {
            KeyNode node = pending.pop();
            action.accept(pathOf(node), node.position);
            node.forEachKid(pending::push);
        }
    }

    private static List<Object> pathOf(KeyNode node) {
        ArrayList<Object> path = new ArrayList<>();
        for (KeyNode at = node; at.parent != null; at = at.parent) {
            path.add(at.key != null ? at.key : (Object) at.index);
        }
        Collections.reverse(path);
        return path;
    }
}
