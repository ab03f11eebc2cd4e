package io.github.runnerguard.config;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The lines of a config file's text without their line endings, as {@link RunnerConfig#lines()} holds them: an
 * unmodifiable list that keeps the one text and where each line starts, and makes a line's {@link String} when it is
 * asked for, so a loaded config does not hold its text twice.
 *
 * <p>Lines end at LF; a CR directly before the LF belongs to the line ending, and a lone CR does not end a line (TOML
 * refuses it). An empty text has no lines, and a final line ending does not start an empty line. Equal to any list
 * of the same strings, as the {@link java.util.List} contract says. Immutable and thread-safe; it may hold secrets,
 * as the text does.
 */
public final class SourceLines extends AbstractList<String> implements RandomAccess {

    private static final SourceLines EMPTY = new SourceLines("", new int[] {0}, 0);

    private final String text;
    /**
     * Where each line starts in {@link #text}, and one more entry: one past the LF that ends the last line, or
     * {@code text.length() + 1} when no LF ends it. Line {@code i} ends at {@code starts[i + 1] - 1}.
     */
    private final int[] starts;
    private final int size;

    private SourceLines(String text, int[] starts, int size) {
        this.text = text;
        this.starts = starts;
        this.size = size;
    }

    /**
     * The lines of {@code text}.
     *
     * @param text a config file's text, without a byte order mark
     * @return its lines
     */
    public static SourceLines of(String text) {
        Objects.requireNonNull(text, "text");
        int length = text.length();
        if (length == 0) {
            return EMPTY;
        }
        int breaks = 0;
        for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
            breaks++;
        }
        boolean finalBreak = text.charAt(length - 1) == '\n';
        int size = finalBreak ? breaks : breaks + 1;
        int[] starts = new int[size + 1];
        int line = 1;
        for (int at = text.indexOf('\n'); at >= 0 && line <= size; at = text.indexOf('\n', at + 1)) {
            starts[line++] = at + 1;
        }
        if (!finalBreak) {
            starts[size] = length + 1;
        }
        return new SourceLines(text, starts, size);
    }

    @Override
    public String get(int index) {
        Objects.checkIndex(index, size);
        int start = starts[index];
        int end = starts[index + 1] - 1;
        if (end > start && end < text.length() && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, end);
    }

    @Override
    public int size() {
        return size;
    }

    /** A summary without the text, which may hold secrets. */
    @Override
    public String toString() {
        return "SourceLines[" + size + " lines]";
    }
}
