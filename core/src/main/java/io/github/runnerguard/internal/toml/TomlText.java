package io.github.runnerguard.internal.toml;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Small text helpers for TOML diagnostics: how to show a key, a character or a piece of source in a one-line
 * message, and which keys hold secrets whose values must never be shown.
 *
 * <p>Stateless and thread-safe.
 */
final class TomlText {

    /** The longest piece of source text quoted in a message. */
    static final int MAX_QUOTE = 60;
    /** The longest line text kept in a diagnostic. */
    static final int MAX_LINE_TEXT = 1000;

    private static final String[] SECRET_WORDS = {
        "token", "password", "passwd", "secret", "credential", "privatekey", "accesskey", "accountkey",
        "apikey", "auth", "cookie", "sessionkey"
    };

    private TomlText() {
    }

    /** True when a key is bare-key safe: {@code A-Z a-z 0-9 _ -}, at least one character. */
    static boolean isBareKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!isBareKeyChar(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isBareKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** A key as a TOML key: bare when possible, else a quoted basic string; long keys are shortened. */
    static String displayKey(String key) {
        if (isBareKey(key)) {
            return shorten(key);
        }
        StringBuilder out = new StringBuilder("\"");
        int limit = Math.min(key.length(), MAX_QUOTE);
        for (int i = 0; i < limit; i++) {
            char c = key.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (limit < key.length()) {
            out.append('…');
        }
        return out.append('"').toString();
    }

    /** A key for a message, in backquotes: {@code `name`}, or {@code `"odd key"`} when it needs quotes. */
    static String quotedKey(String key) {
        return "`" + displayKey(key) + "`";
    }

    /** Text cut to {@link #MAX_QUOTE} characters, with control characters shown as escapes. */
    static String shorten(String text) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(text.length(), MAX_QUOTE);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (limit < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    /** A character for a message: {@code `x`}, or its code point and name for control and invisible characters. */
    static String describeChar(int c) {
        String name = controlName(c);
        if (name != null) {
            return String.format(Locale.ROOT, "U+%04X (%s)", c, name);
        }
        if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.isSurrogate((char) c) && c <= 0xFFFF) {
            return String.format(Locale.ROOT, "U+%04X", c);
        }
        return "`" + new String(Character.toChars(c)) + "`";
    }

    /** The usual name of a control character, or null when {@code c} is not one. */
    static @Nullable String controlName(int c) {
        switch (c) {
            case 0x00: return "NUL";
            case 0x07: return "BEL";
            case 0x09: return "tab";
            case 0x0A: return "line feed";
            case 0x08: return "backspace";
            case 0x0B: return "vertical tab";
            case 0x0C: return "form feed";
            case 0x0D: return "carriage return";
            case 0x1B: return "escape";
            case 0x7F: return "DEL";
            default:
                return c < 0x20 ? "control character" : null;
        }
    }

    /** True for the characters TOML forbids in strings and comments: C0 controls other than tab, and DEL. */
    static boolean isForbiddenControl(char c) {
        return c < 0x20 && c != '\t' || c == 0x7f;
    }

    /**
     * True when a key names a secret (a token, password, key or credential), so its value must not appear in any
     * message. Compares the key without case, {@code _} and {@code -}.
     */
    static boolean isSecretKey(String key) {
        StringBuilder folded = new StringBuilder(key.length());
        for (int i = 0; i < key.length() && i < 200; i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-' && c != ' ') {
                folded.append(Character.toLowerCase(c));
            }
        }
        String f = folded.toString();
        if (f.endsWith("file") || f.endsWith("path") || f.endsWith("dir")) {
            return false;
        }
        for (String word : SECRET_WORDS) {
            if (f.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A line for {@link io.github.runnerguard.config.Diagnostic#lineText()}: control characters replaced by U+FFFD so
     * the columns stay right, cut after {@link #MAX_LINE_TEXT} characters, and the value of every secret-bearing key
     * ({@code token = "..."}) replaced by {@code ***}.
     */
    static String lineText(String line) {
        String cut = line.length() > MAX_LINE_TEXT ? line.substring(0, MAX_LINE_TEXT) + "…" : line;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c != '\t' && (c < 0x20 || c == 0x7f) ? '\uFFFD' : c);
        }
        return redactSecrets(out.toString());
    }

    /**
     * Replaces the value after {@code secret-key =} by {@code ***}: a quoted value up to its closing quote (or the end
     * of the line), a bare value up to the next separator.
     */
    static String redactSecrets(String line) {
        StringBuilder out = null;
        int copied = 0;
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '=') {
                String key = keyBefore(line, i);
                if (key != null && isSecretKey(key)) {
                    int start = i + 1;
                    while (start < n && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
                        start++;
                    }
                    int end = valueEnd(line, start);
                    if (end > start) {
                        if (out == null) {
                            out = new StringBuilder(n);
                        }
                        out.append(line, copied, start).append("***");
                        copied = end;
                    }
                    i = Math.max(end, i + 1);
                    continue;
                }
            }
            i++;
        }
        if (out == null) {
            return line;
        }
        return out.append(line, copied, n).toString();
    }

    /** The last key part before an {@code =} at {@code eq} (bare or quoted), or null. */
    private static @Nullable String keyBefore(String line, int eq) {
        int end = eq;
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        char last = line.charAt(end - 1);
        if (last == '"' || last == '\'') {
            int open = line.lastIndexOf(last, end - 2);
            return open < 0 ? null : line.substring(open + 1, end - 1);
        }
        int start = end;
        while (start > 0 && isBareKeyChar(line.charAt(start - 1))) {
            start--;
        }
        return start == end ? null : line.substring(start, end);
    }

    private static int valueEnd(String line, int start) {
        int n = line.length();
        if (start >= n) {
            return start;
        }
        char q = line.charAt(start);
        if (q == '"' || q == '\'') {
            int i = start + 1;
            while (i < n) {
                char c = line.charAt(i);
                if (c == '\\' && q == '"') {
                    i += 2;
                    continue;
                }
                if (c == q) {
                    return i + 1;
                }
                i++;
            }
            return n;
        }
        int i = start;
        while (i < n) {
            char c = line.charAt(i);
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '#') {
                break;
            }
            i++;
        }
        return i;
    }
}
