package io.github.runnerguard.internal.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.internal.toml.PositionIndex;
import org.jspecify.annotations.Nullable;

/**
 * A line-based position finder for small, hand-written TOML files such as the policy file: table headers, arrays of
 * tables, keys (bare, quoted, dotted) and the keys of an inline table written on one line.
 *
 * <p>It is best-effort: keys inside multi-line strings are skipped, and a path it cannot place has no position.
 * {@link #nearest} falls back to the closest enclosing table. Immutable and thread-safe.
 */
final class TomlKeyLocator implements PositionIndex {

    private final Map<List<Object>, Position> positions;

    private TomlKeyLocator(Map<List<Object>, Position> positions) {
        this.positions = Map.copyOf(positions);
    }

    static TomlKeyLocator of(String text) {
        Map<List<Object>, Position> positions = new HashMap<>();
        Map<List<Object>, Integer> arrayCounts = new HashMap<>();
        List<Object> table = List.of();
        String[] lines = text.split("\r\n|\n|\r", -1);
        String openMultiline = null;
        for (int number = 0; number < lines.length; number++) {
            String line = lines[number];
            if (openMultiline != null) {
                int close = line.indexOf(openMultiline);
                if (close < 0) {
                    continue;
                }
                openMultiline = null;
                continue;
            }
            Cursor cursor = new Cursor(line, number + 1);
            cursor.skipSpace();
            if (cursor.atEnd() || cursor.peek() == '#') {
                continue;
            }
            if (cursor.startsWith("[[")) {
                Position header = cursor.position();
                cursor.advance(2);
                List<Object> keys = cursor.readKeyPath();
                if (keys == null) {
                    continue;
                }
                int index = arrayCounts.merge(keys, 1, Integer::sum) - 1;
                positions.putIfAbsent(keys, header);
                List<Object> element = new ArrayList<>(keys);
                element.add(index);
                positions.putIfAbsent(element, header);
                table = List.copyOf(element);
            } else if (cursor.peek() == '[') {
                Position header = cursor.position();
                cursor.advance(1);
                List<Object> keys = cursor.readKeyPath();
                if (keys == null) {
                    continue;
                }
                putWithParents(positions, keys, header);
                table = List.copyOf(keys);
            } else {
                openMultiline = readKeyValue(cursor, table, positions);
            }
        }
        return new TomlKeyLocator(positions);
    }

    private static @Nullable String readKeyValue(Cursor cursor, List<Object> table,
                                                 Map<List<Object>, Position> positions) {
        Position keyPosition = cursor.position();
        List<Object> keys = cursor.readKeyPath();
        if (keys == null) {
            return null;
        }
        List<Object> path = new ArrayList<>(table);
        path.addAll(keys);
        putWithParents(positions, path, keyPosition);
        cursor.skipSpace();
        if (cursor.atEnd() || cursor.peek() != '=') {
            return null;
        }
        cursor.advance(1);
        cursor.skipSpace();
        if (cursor.startsWith("\"\"\"") || cursor.startsWith("'''")) {
            String delimiter = cursor.startsWith("\"\"\"") ? "\"\"\"" : "'''";
            cursor.advance(3);
            return cursor.restContains(delimiter) ? null : delimiter;
        }
        if (!cursor.atEnd() && cursor.peek() == '{') {
            cursor.advance(1);
            readInlineTable(cursor, path, positions);
        }
        return null;
    }

    private static void readInlineTable(Cursor cursor, List<Object> table, Map<List<Object>, Position> positions) {
        while (true) {
            cursor.skipSpace();
            if (cursor.atEnd() || cursor.peek() == '}') {
                return;
            }
            Position keyPosition = cursor.position();
            List<Object> keys = cursor.readKeyPath();
            if (keys == null) {
                return;
            }
            List<Object> path = new ArrayList<>(table);
            path.addAll(keys);
            putWithParents(positions, path, keyPosition);
            cursor.skipSpace();
            if (cursor.atEnd() || cursor.peek() != '=') {
                return;
            }
            cursor.advance(1);
            cursor.skipSpace();
            if (!cursor.atEnd() && cursor.peek() == '{') {
                cursor.advance(1);
                readInlineTable(cursor, path, positions);
                cursor.skipSpace();
                if (!cursor.atEnd() && cursor.peek() == '}') {
                    cursor.advance(1);
                }
            } else if (!cursor.skipValue()) {
                return;
            }
            cursor.skipSpace();
            if (!cursor.atEnd() && cursor.peek() == ',') {
                cursor.advance(1);
            }
        }
    }

    private static void putWithParents(Map<List<Object>, Position> positions, List<Object> path, Position position) {
        for (int size = 1; size <= path.size(); size++) {
            positions.putIfAbsent(List.copyOf(path.subList(0, size)), position);
        }
    }

    @Override
    public @Nullable Position of(List<Object> path) {
        return positions.get(path);
    }

    /** The position of {@code path}, else of its closest ancestor that has one, else null. */
    @Nullable Position nearest(List<Object> path) {
        for (int size = path.size(); size > 0; size--) {
            Position position = positions.get(path.subList(0, size));
            if (position != null) {
                return position;
            }
        }
        return null;
    }

    /** A read position within one line. */
    private static final class Cursor {
        private final String line;
        private final int number;
        private int index;

        Cursor(String line, int number) {
            this.line = line;
            this.number = number;
        }

        boolean atEnd() {
            return index >= line.length();
        }

        char peek() {
            return line.charAt(index);
        }

        boolean startsWith(String prefix) {
            return line.startsWith(prefix, index);
        }

        boolean restContains(String text) {
            return line.indexOf(text, index) >= 0;
        }

        void advance(int count) {
            index = Math.min(line.length(), index + count);
        }

        void skipSpace() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                index++;
            }
        }

        Position position() {
            return new Position(number, line.codePointCount(0, index) + 1);
        }

        /** Reads {@code a."b c".d}; null when no key starts here. */
        @Nullable List<Object> readKeyPath() {
            List<Object> keys = new ArrayList<>();
            while (true) {
                skipSpace();
                String key = readKey();
                if (key == null) {
                    return keys.isEmpty() ? null : keys;
                }
                keys.add(key);
                skipSpace();
                if (!atEnd() && peek() == '.') {
                    index++;
                } else {
                    return keys;
                }
            }
        }

        private @Nullable String readKey() {
            if (atEnd()) {
                return null;
            }
            char first = peek();
            if (first == '"') {
                StringBuilder key = new StringBuilder();
                index++;
                while (!atEnd() && peek() != '"') {
                    char c = peek();
                    if (c == '\\' && index + 1 < line.length()) {
                        index++;
                        char escaped = peek();
                        switch (escaped) {
                            case 'n' -> key.append('\n');
                            case 't' -> key.append('\t');
                            case 'r' -> key.append('\r');
                            case 'b' -> key.append('\b');
                            case 'f' -> key.append('\f');
                            case 'e' -> key.append('\u001b');
                            case 'u', 'U' -> {
                                int length = escaped == 'u' ? 4 : 8;
                                if (index + length < line.length()) {
                                    try {
                                        key.appendCodePoint(Integer.parseInt(
                                                line.substring(index + 1, index + 1 + length), 16));
                                    } catch (IllegalArgumentException e) {
                                        return null;
                                    }
                                    index += length;
                                }
                            }
                            default -> key.append(escaped);
                        }
                    } else {
                        key.append(c);
                    }
                    index++;
                }
                if (atEnd()) {
                    return null;
                }
                index++;
                return key.toString();
            }
            if (first == '\'') {
                int end = line.indexOf('\'', index + 1);
                if (end < 0) {
                    return null;
                }
                String key = line.substring(index + 1, end);
                index = end + 1;
                return key;
            }
            int start = index;
            while (!atEnd() && isBareKeyChar(peek())) {
                index++;
            }
            return index > start ? line.substring(start, index) : null;
        }

        /** Skips one value of an inline table; false when it cannot tell where the value ends. */
        boolean skipValue() {
            int depth = 0;
            while (!atEnd()) {
                char c = peek();
                if (c == '"' || c == '\'') {
                    int end = line.indexOf(c, index + 1);
                    while (c == '"' && end > 0 && line.charAt(end - 1) == '\\') {
                        end = line.indexOf(c, end + 1);
                    }
                    if (end < 0) {
                        return false;
                    }
                    index = end + 1;
                    continue;
                }
                if (c == '[' || c == '{') {
                    depth++;
                } else if (c == ']' || c == '}') {
                    if (depth == 0) {
                        return true;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    return true;
                }
                index++;
            }
            return true;
        }

        private static boolean isBareKeyChar(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
        }
    }
}
