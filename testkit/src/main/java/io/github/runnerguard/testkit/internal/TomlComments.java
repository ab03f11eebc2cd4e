package io.github.runnerguard.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds the comment of each line of TOML text, skipping {@code #} inside basic, literal and multi-line strings.
 *
 * <p>Tolerant: text that is not valid TOML gives a best guess, never an exception. Stateless and thread-safe.
 */
public final class TomlComments {

    private TomlComments() {
    }

    /**
     * The comment of one line.
     *
     * @param line       the 1-based line number
     * @param text       the text after the {@code #}
     * @param standalone true when only white space precedes the {@code #}
     */
    public record LineComment(int line, String text, boolean standalone) {
    }

    /** The comments of {@code lines}, at most one per line, in line order. */
    public static List<LineComment> of(List<String> lines) {
        List<LineComment> comments = new ArrayList<>();
        Mode mode = Mode.CODE;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            Scan scan = scan(line, mode);
            mode = scan.modeAtEnd;
            if (scan.commentStart >= 0) {
                boolean standalone = line.substring(0, scan.commentStart).isBlank();
                comments.add(new LineComment(index + 1, line.substring(scan.commentStart + 1), standalone));
            }
        }
        return comments;
    }

    private enum Mode { CODE, MULTILINE_BASIC, MULTILINE_LITERAL }

    private record Scan(int commentStart, Mode modeAtEnd) {
    }

    private static Scan scan(String line, Mode start) {
        Mode mode = start;
        int i = 0;
        int length = line.length();
        while (i < length) {
            if (mode == Mode.MULTILINE_BASIC || mode == Mode.MULTILINE_LITERAL) {
                String delimiter = mode == Mode.MULTILINE_BASIC ? "\"\"\"" : "'''";
                int close = findClose(line, i, delimiter, mode == Mode.MULTILINE_BASIC);
                if (close < 0) {
                    return new Scan(-1, mode);
                }
                i = close + 3;
                char quote = delimiter.charAt(0);
                for (int extra = 0; extra < 2 && i < length && line.charAt(i) == quote; extra++) {
                    i++;
                }
                mode = Mode.CODE;
                continue;
            }
            char c = line.charAt(i);
            if (c == '#') {
                return new Scan(i, Mode.CODE);
            } else if (line.startsWith("\"\"\"", i)) {
                mode = Mode.MULTILINE_BASIC;
                i += 3;
            } else if (line.startsWith("'''", i)) {
                mode = Mode.MULTILINE_LITERAL;
                i += 3;
            } else if (c == '"' || c == '\'') {
                int close = findClose(line, i + 1, String.valueOf(c), c == '"');
                i = close < 0 ? length : close + 1;
            } else {
                i++;
            }
        }
        return new Scan(-1, mode);
    }

    private static int findClose(String line, int from, String delimiter, boolean escapes) {
        int i = from;
        while (i < line.length()) {
            if (escapes && line.charAt(i) == '\\') {
                i += 2;
            } else if (line.startsWith(delimiter, i)) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The 1-based number of the first line that is neither blank nor a comment, or null when there is none. */
    public static @Nullable Integer firstCodeLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String stripped = lines.get(i).strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return i + 1;
            }
        }
        return null;
    }
}
