package io.github.runnerguard.internal.toml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
 * <p>On the thread that built it (the loader's, which binds right after parsing), a lookup starts from the longest
 * prefix it shares with the path looked up before, so that the binder's walk of the tree (a table's path, then each
 * of its keys' paths, then theirs) does not re-walk the parent path for every key. That cursor is confined to that
 * thread; other threads walk from the root.
 *
 * <p>Immutable once built, but for the owner thread's cursor; safe to share between threads.
 */
final class SourcePositionIndex implements PositionIndex {

    private final KeyNode root;
    private final Thread owner = Thread.currentThread();
    /** The segments of the path looked up last on the owner thread, and the node each of its prefixes leads to. */
    private Object[] cursorSegments = new Object[8];
    private KeyNode[] cursorNodes = new KeyNode[8];
    private int cursorDepth;

    SourcePositionIndex(KeyNode root) {
        this.root = root;
    }

    @Override
    public @Nullable Position of(List<Object> path) {
        if (path.isEmpty()) {
            return null;
        }
        KeyNode node = nodeAt(path);
        return node == null ? null : node.position;
    }

    @Override
    public PositionIndex.@Nullable Keys keysOf(List<Object> path) {
        KeyNode node = path.isEmpty() ? root : nodeAt(path);
        return node == null || !node.kind.isTable() ? null : node;
    }

    /** The node at a non-empty {@code path}, or null. */
    private @Nullable KeyNode nodeAt(List<Object> path) {
        int size = path.size();
        if (Thread.currentThread() != owner || !(path instanceof RandomAccess)) {
            return walk(path);
        }
        int common = 0;
        int limit = Math.min(size, cursorDepth);
        Object[] segments = cursorSegments;
        while (common < limit) {
            Object segment = path.get(common);
            Object known = segments[common];
            if (segment != known && (segment == null || !segment.equals(known))) {
                break;
            }
            common++;
        }
        KeyNode node = common == 0 ? root : cursorNodes[common - 1];
        for (int k = common; k < size; k++) {
            Object segment = path.get(k);
            node = step(node, segment);
            if (node == null) {
                cursorDepth = k;
                return null;
            }
            if (k == cursorSegments.length) {
                cursorSegments = Arrays.copyOf(cursorSegments, k * 2);
                cursorNodes = Arrays.copyOf(cursorNodes, k * 2);
            }
            cursorSegments[k] = segment;
            cursorNodes[k] = node;
        }
        cursorDepth = size;
        return node;
    }

    /** The lookup from the root, for other threads and lists without fast random access. */
    private @Nullable KeyNode walk(List<Object> path) {
        KeyNode node = root;
        for (Object segment : path) {
            node = step(node, segment);
            if (node == null) {
                return null;
            }
        }
        return node == root ? null : node;
    }

    private static @Nullable KeyNode step(KeyNode node, @Nullable Object segment) {
        if (segment instanceof String key) {
            return node.child(key);
        }
        if (segment instanceof Integer index) {
            return node.item(index);
        }
        return null;
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
            path.add(at.key != null ? at.key : (Object) at.index());
        }
        Collections.reverse(path);
        return path;
    }
}
