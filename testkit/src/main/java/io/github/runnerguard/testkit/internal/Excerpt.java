package io.github.runnerguard.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the lines of a config around marked lines, with line numbers, for assertion failure messages.
 *
 * <p>Stateless and thread-safe.
 */
public final class Excerpt {

    /** Lines of context shown before and after each marked line. */
    public static final int CONTEXT = 2;

    /** Configs up to this many lines are shown whole when no line is marked. */
    private static final int WHOLE_FILE_LIMIT = 40;

    private Excerpt() {
    }

    /** Splits text into lines the way the loader does: on {@code \n}, {@code \r\n} or {@code \r}. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * The excerpt: a heading naming {@code source} and the legend, then the marked lines with {@link #CONTEXT} lines
     * around them; {@code ...} stands for skipped lines. With no marks, the whole file (or its start).
     *
     * @param source the file name shown in the heading
     * @param lines  the file's lines
     * @param marks  a short marker per 1-based line number ({@code E}, {@code F}, {@code EF})
     * @param legend what the markers mean, e.g. {@code E = expected, F = finding}
     */
    public static String render(String source, List<String> lines, Map<Integer, String> marks, String legend) {
        StringBuilder out = new StringBuilder();
        out.append(source);
        if (!legend.isEmpty() && !marks.isEmpty()) {
            out.append(" (").append(legend).append(')');
        }
        out.append(":\n");
        if (lines.isEmpty()) {
            return out.append("      (empty file)\n").toString();
        }
        TreeMap<Integer, String> sorted = new TreeMap<>(marks);
        boolean[] shown = new boolean[lines.size() + 2];
        if (sorted.isEmpty()) {
            for (int line = 1; line <= Math.min(lines.size(), WHOLE_FILE_LIMIT); line++) {
                shown[line] = true;
            }
        } else {
            for (int mark : sorted.keySet()) {
                int marked = Math.min(mark, lines.size());
                for (int line = marked - CONTEXT; line <= marked + CONTEXT; line++) {
                    if (line >= 1 && line <= lines.size()) {
                        shown[line] = true;
                    }
                }
            }
        }
        int width = Math.max(4, String.valueOf(lines.size()).length());
        int markWidth = Math.max(1, sorted.values().stream().mapToInt(String::length).max().orElse(1));
        boolean gap = false;
        boolean anyShown = false;
        for (int line = 1; line <= lines.size(); line++) {
            if (!shown[line]) {
                gap = true;
                continue;
            }
            if (gap && anyShown) {
                out.append(" ".repeat(width - 3)).append("...\n");
            }
            gap = false;
            anyShown = true;
            String mark = sorted.getOrDefault(line, "");
            out.append(String.format("%" + width + "d %-" + markWidth + "s | %s%n", line, mark, lines.get(line - 1)));
        }
        if (gap) {
            out.append(" ".repeat(width - 3)).append("...\n");
        }
        for (Map.Entry<Integer, String> entry : sorted.entrySet()) {
            if (entry.getKey() > lines.size()) {
                out.append(String.format("%" + width + "d %-" + markWidth + "s | (past the end of the file)%n",
                        entry.getKey(), entry.getValue()));
            }
        }
        return out.toString();
    }

    /** Adds {@code marker} to the marks of {@code line} (no duplicates), for building {@link #render} input. */
    public static void mark(Map<Integer, String> marks, int line, String marker) {
        marks.merge(line, marker, (old, added) -> old.contains(added) ? old : old + added);
    }
}
