package io.github.runnerguard.internal.toml;

import java.util.Locale;
import io.github.runnerguard.config.Diagnostic;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns an exception of Jackson's TOML parser into a one-line reason in plain words and a char index, for the
 * (rare) problems the scanner lets through. Jackson's own wording ("Unknown token", token names) never reaches a
 * diagnostic.
 *
 * <p>Stateless and thread-safe.
 */
final class JacksonErrors {

    /** A problem found by Jackson: its kind, reason and char index (-1 when unknown). */
    record Problem(Diagnostic.Kind kind, String message, int index) {
    }

    private JacksonErrors() {
    }

    /**
     * The problem of a Jackson exception.
     *
     * @param error the exception Jackson threw while reading {@code input}
     * @param src   the source text
     * @param input the text Jackson read, which maps its indexes back to the source's
     * @return the problem, with a source char index
     */
    static Problem map(Throwable error, SourceText src, JacksonInput input) {
        int index = -1;
        String original = null;
        if (error instanceof JacksonException jackson) {
            index = indexOf(jackson.getLocation(), src, input);
            original = jackson.getOriginalMessage();
        }
        if (original == null) {
            original = "";
        }
        if (error instanceof StreamConstraintsException) {
            return constraint(original, index);
        }
        return new Problem(Diagnostic.Kind.SYNTAX, reason(original, index, src), index);
    }

    private static Problem constraint(String original, int index) {
        String lower = original.toLowerCase(Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return new Problem(Diagnostic.Kind.LIMIT, "tables and arrays are nested too deeply (the limit maxDepth)",
                    index);
        }
        if (lower.contains("number")) {
            return new Problem(Diagnostic.Kind.SYNTAX, "the number is too long (more than 1,000 characters)", index);
        }
        if (lower.contains("string") || lower.contains("name")) {
            return new Problem(Diagnostic.Kind.LIMIT, "a string or key is longer than the parser accepts", index);
        }
        return new Problem(Diagnostic.Kind.LIMIT, "the document exceeds a parser limit", index);
    }

    /** The source char index of a Jackson location in {@code input}, or -1. */
    private static int indexOf(@Nullable TokenStreamLocation location, SourceText src, JacksonInput input) {
        if (location == null) {
            return -1;
        }
        long offset = location.getCharOffset();
        if (offset >= 0 && offset <= input.text().length()) {
            return Math.min(input.toSource((int) offset), src.text().length());
        }
        // The rewrites keep every line break, so Jackson's line is the source's.
        int line = location.getLineNr();
        int column = location.getColumnNr();
        if (line >= 1 && line <= src.lineStartCount() && column >= 1) {
            int start = input.toText(src.lineStart(line - 1));
            long at = (long) start + column - 1;
            int index = at > input.text().length() ? src.text().length() : input.toSource((int) at);
            return Math.max(src.lineStart(line - 1), Math.min(index, src.lineEnd(line - 1)));
        }
        return -1;
    }

    /** The plain-words reason for a Jackson message. */
    static String reason(String original, int index, SourceText src) {
        String at = index >= 0 ? describeAt(index, src) : "";
        if (original.startsWith("Unknown token") || original.startsWith("Error: could not match input")) {
            return at.isEmpty() ? "unexpected text" : "unexpected " + at;
        }
        if (original.startsWith("More data after value")) {
            return "unexpected " + (at.isEmpty() ? "text" : at)
                    + " after a value; each key/value pair needs its own line";
        }
        if (original.startsWith("Newline not permitted")) {
            return "unexpected end of line";
        }
        if (original.startsWith("Illegal control character")) {
            return "control character " + (at.isEmpty() ? "" : at + " ") + "is not allowed here";
        }
        if (original.startsWith("Unknown escape sequence")) {
            return "invalid escape sequence; " + TomlScanner.ESCAPES;
        }
        if (original.startsWith("Premature end of file") || original.startsWith("EOF in wrong state")) {
            return "unexpected end of file";
        }
        if (original.startsWith("Duplicate key")) {
            return "duplicate key";
        }
        if (original.startsWith("Table redefined")) {
            return "table defined twice";
        }
        if (original.startsWith("Zero-prefixed")) {
            return "leading zeros are not allowed in a number (write 0o17 for an octal number)";
        }
        if (original.startsWith("Object already closed")) {
            return "an inline table cannot be extended after it is closed";
        }
        if (original.startsWith("Array already")) {
            return "an inline array cannot be extended with [[...]]";
        }
        if (original.startsWith("Path into existing non-object")) {
            return "the key goes through a value that is not a table";
        }
        if (original.startsWith("Path into existing non-array")) {
            return "[[...]] names a table that is not an array of tables";
        }
        if (original.startsWith("Dotted key cannot extend array")) {
            return "dotted keys cannot add to an array of tables";
        }
        if (original.startsWith("Dotted key cannot extend")) {
            return "dotted keys cannot add to a table defined by a [header]";
        }
        if (original.startsWith("Comment not permitted")) {
            return "a comment is not allowed here";
        }
        if (original.startsWith("Byte order mark")) {
            return "a byte order mark (U+FEFF) is only allowed at the start of the file";
        }
        if (original.startsWith("Invalid code point")) {
            return "the escape is not a Unicode scalar value";
        }
        if (original.startsWith("Invalid date/time value")) {
            return "invalid date or time";
        }
        if (original.startsWith("Unexpected token")) {
            return "unexpected " + (at.isEmpty() ? "text" : at) + expected(original);
        }
        if (original.toLowerCase(Locale.ROOT).contains("number")) {
            return "invalid number";
        }
        return "invalid TOML" + (at.isEmpty() ? "" : " at " + at);
    }

    /** ", expected `=`" from "Unexpected token: Got X, expected KEY_VAL_SEP". */
    private static String expected(String original) {
        int e = original.lastIndexOf(", expected ");
        if (e < 0) {
            return "";
        }
        String what = original.substring(e + ", expected ".length()).trim();
        switch (what) {
            case "KEY_VAL_SEP": return ", expected `=`";
            case "STD_TABLE_CLOSE": return ", expected `]`";
            case "ARRAY_TABLE_CLOSE": return ", expected `]]`";
            case "ARRAY_CLOSE": return ", expected `]`";
            case "INLINE_TABLE_CLOSE": return ", expected `}`";
            case "quoted or unquoted key": return ", expected a key";
            case "key or table": return ", expected a key or a [table] header";
            case "value": return ", expected a value";
            case "comma or table end": return ", expected `,` or `}`";
            case "comma or array end": return ", expected `,` or `]`";
            default:
                return what.matches("[a-z ,]+") ? ", expected " + what : "";
        }
    }

    /** What stands at {@code index}: a word in backquotes, a described character, or the end of a line or file. */
    private static String describeAt(int index, SourceText src) {
        String text = src.text();
        if (index >= text.length()) {
            return "end of file";
        }
        char c = text.charAt(index);
        if (c == '\n' || c == '\r') {
            return "end of line";
        }
        int line = src.lineIndexOf(index);
        String lineText = text.substring(src.lineStart(line), src.lineEnd(line));
        if (!TomlText.redactSecrets(lineText).equals(lineText)) {
            return "text";
        }
        int end = index;
        while (end < text.length() && end - index < TomlText.MAX_QUOTE && isWordChar(text.charAt(end))) {
            end++;
        }
        if (end > index) {
            return "`" + text.substring(index, end) + "`";
        }
        return TomlText.describeChar(text.codePointAt(index));
    }

    private static boolean isWordChar(char c) {
        return TomlText.isBareKeyChar(c) || c == '.' || c == '+' || c == ':';
    }
}
