package io.github.runnerguard.internal.toml;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import io.github.runnerguard.config.Position;

/**
 * The decoded text of a TOML document with its line structure: turns a char index into a 1-based line and column
 * (counted in code points) and serves the lines without their endings.
 *
 * <p>Lines end at LF; a CR directly before the LF belongs to the line ending. A lone CR does not end a line (TOML
 * rejects it; the scanner reports it). Not thread-safe: {@link #position(int)} keeps a cursor so that positions asked
 * for in increasing order cost linear time in total.
 */
final class SourceText {

    private final String text;
    private final int[] lineStarts;
    private final int lineCount;
    private final boolean hasSurrogates;

    private int lineHint;
    private int cursorIndex;
    private int cursorLine;
    private int cursorColumn = 1;

    /** The text, which may hold surrogates. */
    SourceText(String text) {
        this(text, false);
    }

    /**
     * The text; {@code ascii} says that the caller knows it holds only ASCII characters (so no surrogates), which
     * spares a pass over it.
     */
    SourceText(String text, boolean ascii) {
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = at + 1;
        }
        boolean surrogates = false;
        if (!ascii) {
            int n = text.length();
            for (int i = 0; i < n && !surrogates; i++) {
                surrogates = Character.isSurrogate(text.charAt(i));
            }
        }
        this.lineStarts = starts;
        this.lineCount = count;
        this.hasSurrogates = surrogates;
    }

    /** The text. */
    String text() {
        return text;
    }

    /** The 0-based line of a char index. */
    int lineIndexOf(int index) {
        int hint = lineHint;
        if (index >= lineStarts[hint]) {
            // Positions are mostly asked for in increasing order: walk forward from the last answer.
            int steps = 0;
            while (hint + 1 < lineCount && lineStarts[hint + 1] <= index && steps < 64) {
                hint++;
                steps++;
            }
            if (hint + 1 >= lineCount || lineStarts[hint + 1] > index) {
                lineHint = hint;
                return hint;
            }
        }
        int found = Arrays.binarySearch(lineStarts, 0, lineCount, index);
        int line = found >= 0 ? found : -found - 2;
        lineHint = Math.max(0, line);
        return line;
    }

    /** The char index where a 0-based line ends, before its CR LF or LF. */
    int lineEnd(int lineIndex) {
        if (lineIndex + 1 >= lineCount) {
            return text.length();
        }
        int end = lineStarts[lineIndex + 1] - 1;
        if (end > lineStarts[lineIndex] && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The text of a 1-based line without its ending; empty when the line does not exist. */
    String line(int line) {
        int index = line - 1;
        if (index < 0 || index >= lineCount) {
            return "";
        }
        return text.substring(lineStarts[index], lineEnd(index));
    }

    /**
     * The position of a char index ({@code text.length()} is the end of the text). A low surrogate shares the column
     * of its high surrogate.
     */
    Position position(int index) {
        long packed = lineColumn(index);
        return new Position(line(packed), column(packed));
    }

    /** The line of a packed line and column. */
    static int line(long lineColumn) {
        return (int) (lineColumn >>> 32);
    }

    /** The column of a packed line and column. */
    static int column(long lineColumn) {
        return (int) lineColumn;
    }

    /** Like {@link #position(int)}, packed into a long (line in the high half) so that nothing is allocated. */
    long lineColumn(int index) {
        int target = Math.max(0, Math.min(index, text.length()));
        if (!hasSurrogates) {
            int line = lineIndexOf(target);
            return pack(line + 1, target - lineStarts[line] + 1);
        }
        if (target < cursorIndex || cursorLine + 1 < lineCount && target >= lineStarts[cursorLine + 1]) {
            cursorLine = lineIndexOf(target);
            cursorIndex = lineStarts[cursorLine];
            cursorColumn = 1;
        }
        while (cursorIndex < target) {
            char c = text.charAt(cursorIndex);
            if (!(Character.isLowSurrogate(c) && cursorIndex > 0
                    && Character.isHighSurrogate(text.charAt(cursorIndex - 1)))) {
                cursorColumn++;
            }
            cursorIndex++;
        }
        // A low surrogate belongs to the code point that starts before it.
        int column = cursorColumn;
        if (target < text.length() && target > 0 && Character.isLowSurrogate(text.charAt(target))
                && Character.isHighSurrogate(text.charAt(target - 1))) {
            column--;
        }
        return pack(cursorLine + 1, column);
    }

    private static long pack(int line, int column) {
        return (long) line << 32 | column & 0xFFFFFFFFL;
    }

    /**
     * The lines of the text without their endings, as {@link String#lines()} splits them but only at LF and CR LF:
     * an empty text has no lines and a final line ending does not start an empty line. Computed on access, so a large
     * file does not hold a second copy of its text.
     */
    List<String> lines() {
        int size = lineCount;
        if (size > 0 && lineStarts[size - 1] == text.length()) {
            size--;
        }
        return new Lines(this, size);
    }

    /** An immutable view of the lines of a source text. */
    private static final class Lines extends AbstractList<String> implements RandomAccess {
        private final SourceText source;
        private final int size;

        Lines(SourceText source, int size) {
            this.source = source;
            this.size = size;
        }

        @Override
        public String get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("line index " + index + " of " + size);
            }
            return source.text.substring(source.lineStarts[index], source.lineEnd(index));
        }

        @Override
        public int size() {
            return size;
        }
    }
}
