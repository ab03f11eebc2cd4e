package io.github.runnerguard.internal.toml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import io.github.runnerguard.config.Position;
import org.jspecify.annotations.Nullable;

/**
 * The {@link PositionIndex} built by {@link TomlScanner}: a tree of hash maps keyed by TOML key (and lists indexed by
 * array position), so a lookup costs one hash lookup per path segment, independent of the size of the file.
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
        KeyNode node = find(path);
        return node == null || node == root ? null : new Position(node.line, node.column);
    }

    private @Nullable KeyNode find(List<Object> path) {
        KeyNode node = root;
        for (Object segment : path) {
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
        return node;
    }

    /**
     * Calls {@code action} with every path the scanner found and its position, parents before children. Each call
     * gets a fresh path list.
     */
    void forEach(BiConsumer<List<Object>, Position> action) {
        ArrayDeque<KeyNode> pending = new ArrayDeque<>();
        pushChildren(root, pending);
        while (!pending.isEmpty()) {
            KeyNode node = pending.pop();
            action.accept(pathOf(node), new Position(node.line, node.column));
            pushChildren(node, pending);
        }
    }

    private static void pushChildren(KeyNode node, ArrayDeque<KeyNode> pending) {
        for (KeyNode child : node.children()) {
            pending.push(child);
        }
        for (KeyNode item : node.items()) {
            pending.push(item);
        }
    }

    private static List<Object> pathOf(KeyNode node) {
        ArrayList<Object> path = new ArrayList<>();
        for (KeyNode at = node; at.parent != null; at = at.parent) {
            path.add(at.key != null ? at.key : (Object) at.index);
        }
        java.util.Collections.reverse(path);
        return path;
    }
}
