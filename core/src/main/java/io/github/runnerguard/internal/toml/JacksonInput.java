package io.github.runnerguard.internal.toml;

import java.util.List;

/**
 * The text handed to Jackson's TOML parser: the source text with the few rewrites, recorded by {@link TomlScanner},
 * that make Jackson read the values TOML defines, and a map between its char indexes and the source's.
 *
 * <p>Two reasons for a rewrite:
 * <ul>
 *   <li>Fractional seconds beyond nanoseconds: TOML truncates them, as gitlab-runner's decoder does, and
 *       {@code java.time} parses no more digits; the extra digits are dropped.</li>
 *   <li>Characters outside the Basic Multilingual Plane (a surrogate pair in Java). Jackson TOML 3.3.0's lexer loses
 *       the high surrogate of a pair that straddles a refill of its input buffer: when a read fills the buffer up to
 *       a high surrogate, the lexer holds it back, and the next refill compacts the buffer without it. In a string or
 *       a quoted key the character silently turns into a lone low surrogate; elsewhere the lone surrogate can make
 *       Jackson reject a valid file. So Jackson is never given a surrogate pair: in a basic string (single- or
 *       multi-line, value or key) each becomes a {@code \UXXXXXXXX} escape; a literal string that holds one is
 *       rewritten as the equal basic string with escapes ({@code '...'} as {@code "..."}, {@code '''...'''} as
 *       {@code """..."""}); in a comment, whose text comes from the scanner, each becomes two {@code ?}.</li>
 * </ul>
 * Line breaks are never added or removed, so lines keep their numbers. Without rewrites (the usual case) the text is
 * the source itself, not a copy, and the map is the identity; otherwise building it is linear in the text length.
 *
 * <p>Immutable and thread-safe.
 */
final class JacksonInput {

    /** What a rewrite does to its span of the source. */
    enum Kind {
        /** Drop the span: fractional-second digits beyond nanoseconds. */
        DROP,
        /** A basic string, {@code "..."} or {@code """..."""}: each surrogate pair becomes {@code \UXXXXXXXX}. */
        BASIC_STRING,
        /** A literal string {@code '...'}: rewritten as the equal basic string {@code "..."}. */
        LITERAL_STRING,
        /** A multi-line literal string {@code '''...'''}: rewritten as the equal {@code """..."""}. */
        MULTI_LINE_LITERAL_STRING,
        /** A comment: each surrogate pair becomes {@code ??}, so the length stays the same. */
        COMMENT
    }

    /**
     * One rewrite of the source chars {@code [start, end)}.
     *
     * @param start the first char index of the span
     * @param end   the char index after the span
     * @param kind  what to do with the span
     */
    record Rewrite(int start, int end, Kind kind) {
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String text;
    /** Per rewrite, in order: where it starts and ends in the source and in {@link #text}; empty when none. */
    private final int[] sourceStarts;
    private final int[] sourceEnds;
    private final int[] starts;
    private final int[] ends;

    private JacksonInput(String text, int[] sourceStarts, int[] sourceEnds, int[] starts, int[] ends) {
        this.text = text;
        this.sourceStarts = sourceStarts;
        this.sourceEnds = sourceEnds;
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * The text for Jackson.
     *
     * @param source   the source text
     * @param rewrites the rewrites, in text order and not overlapping, each on a span the scanner accepted
     * @return the source itself when there are no rewrites, else the rewritten text
     */
    static JacksonInput of(String source, List<Rewrite> rewrites) {
        int count = rewrites.size();
        if (count == 0) {
            return new JacksonInput(source, new int[0], new int[0], new int[0], new int[0]);
        }
        int[] sourceStarts = new int[count];
        int[] sourceEnds = new int[count];
        int[] starts = new int[count];
        int[] ends = new int[count];
        StringBuilder out = new StringBuilder(source.length() + 16 * count);
        int copied = 0;
        for (int k = 0; k < count; k++) {
            Rewrite rewrite = rewrites.get(k);
            out.append(source, copied, rewrite.start());
            sourceStarts[k] = rewrite.start();
            sourceEnds[k] = rewrite.end();
            starts[k] = out.length();
            switch (rewrite.kind()) {
                case DROP -> {
                    // Nothing of the span is kept.
                }
                case BASIC_STRING -> appendEscaped(out, source, rewrite.start(), rewrite.end(), false);
                case LITERAL_STRING -> {
                    out.append('"');
                    appendEscaped(out, source, rewrite.start() + 1, rewrite.end() - 1, true);
                    out.append('"');
                }
                case MULTI_LINE_LITERAL_STRING -> {
                    out.append("\"\"\"");
                    appendEscaped(out, source, rewrite.start() + 3, rewrite.end() - 3, true);
                    out.append("\"\"\"");
                }
                case COMMENT -> {
                    for (int c = rewrite.start(); c < rewrite.end(); c++) {
                        char ch = source.charAt(c);
                        out.append(Character.isSurrogate(ch) ? '?' : ch);
                    }
                }
            }
            ends[k] = out.length();
            copied = rewrite.end();
        }
        out.append(source, copied, source.length());
        return new JacksonInput(out.toString(), sourceStarts, sourceEnds, starts, ends);
    }

    /**
     * Appends {@code source[start, end)} with each surrogate pair as a {@code \UXXXXXXXX} escape, and, when
     * {@code literal}, each backslash and double quote escaped too (the span is literal-string text going into a basic
     * string).
     */
    private static void appendEscaped(StringBuilder out, String source, int start, int end, boolean literal) {
        for (int c = start; c < end; c++) {
            char ch = source.charAt(c);
            if (Character.isHighSurrogate(ch) && c + 1 < end && Character.isLowSurrogate(source.charAt(c + 1))) {
                int cp = Character.toCodePoint(ch, source.charAt(c + 1));
                out.append("\\U");
                for (int shift = 28; shift >= 0; shift -= 4) {
                    out.append(HEX[cp >>> shift & 0xF]);
                }
                c++;
            } else if (literal && (ch == '\\' || ch == '"')) {
                out.append('\\').append(ch);
            } else {
                out.append(ch);
            }
        }
    }

    /** The text to give Jackson. */
    String text() {
        return text;
    }

    /** True when the text is not the source itself. */
    boolean rewritten() {
        return starts.length > 0;
    }

    /**
     * The source index of an index of {@link #text()}; an index inside a rewritten span maps to the start of the
     * span in the source.
     */
    int toSource(int index) {
        return map(index, starts, ends, sourceStarts, sourceEnds);
    }

    /**
     * The index in {@link #text()} of a source index; an index inside a rewritten span maps to the start of the
     * span in the text.
     */
    int toText(int sourceIndex) {
        return map(sourceIndex, sourceStarts, sourceEnds, starts, ends);
    }

    private static int map(int index, int[] fromStarts, int[] fromEnds, int[] toStarts, int[] toEnds) {
        // The last rewrite that starts at or before the index.
        int low = 0;
        int high = fromStarts.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (fromStarts[mid] <= index) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        if (found < 0) {
            return index;
        }
        if (index < fromEnds[found]) {
            return toStarts[found];
        }
        return index - fromEnds[found] + toEnds[found];
    }
}
