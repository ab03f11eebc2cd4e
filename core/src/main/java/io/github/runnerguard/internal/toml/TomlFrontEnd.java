package io.github.runnerguard.internal.toml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.load.LoadLimits;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TOML front end of the loader: bytes or text in, a Jackson tree with source positions and comments out, or one
 * fatal {@link Diagnostic}.
 *
 * <p>The steps, each failing early with a clear message: the size limit ({@link LoadLimits#maxBytes()}, before
 * decoding); strict UTF-8 decoding (a leading byte order mark is dropped, as gitlab-runner's decoder does); then one
 * pass over the text by {@link TomlScanner}, which checks the TOML 1.1 syntax and table rules, enforces
 * {@link LoadLimits#maxDepth()} and {@link LoadLimits#maxRunners()}, builds the tree (Jackson nodes, date-times as
 * {@code java.time} values, the same tree Jackson's own TOML parser builds for the same text, except that characters
 * outside the Basic Multilingual Plane always survive and fractional seconds beyond nanoseconds are truncated), and
 * records positions and comments. A problem is reported at its line and column with the offending line.
 *
 * <p>Never throws for any input: every problem, including an exhausted stack or heap, becomes a
 * {@link ParseOutcome.Failed}. Stateless and thread-safe.
 */
public final class TomlFrontEnd {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TomlFrontEnd() {
    }

    /**
     * Parses bytes that must be UTF-8.
     *
     * @param bytes  the content of the file
     * @param limits the limits to enforce
     * @return the tree with positions, or the problem that stopped parsing
     */
    public static ParseOutcome parse(byte[] bytes, LoadLimits limits) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(limits, "limits");
        try {
            if (bytes.length > limits.maxBytes()) {
                return tooLarge("the file is", bytes.length, limits);
            }
            int start = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2] ? 3 : 0;
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
            CharBuffer out = CharBuffer.allocate(bytes.length - start);
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (result.isError()) {
                return encodingError(bytes, start, in.position(), result.length());
            }
            out.flip();
            // Each non-ASCII character takes at least two bytes: as many chars as bytes means ASCII only.
            return parseText(out.toString(), limits, out.remaining() == bytes.length - start);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return exhausted(e);
        }
    }

    /**
     * Parses text (a leading U+FEFF byte order mark is dropped). The size limit applies to the text's UTF-8 length;
     * an unpaired surrogate, which no UTF-8 file can hold, is an encoding error.
     *
     * @param text   the content of the file
     * @param limits the limits to enforce
     * @return the tree with positions, or the problem that stopped parsing
     */
    public static ParseOutcome parse(String text, LoadLimits limits) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(limits, "limits");
        try {
            long size = 0;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    size++;
                } else if (c < 0x800) {
                    size += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    size += 4;
                    i++;
                } else if (Character.isSurrogate(c)) {
                    SourceText src = new SourceText(text);
                    Position at = src.position(i);
                    return failed(Diagnostic.Kind.ENCODING, String.format(Locale.ROOT,
                            "the text holds an unpaired surrogate U+%04X, which UTF-8 cannot encode", (int) c),
                            "", at, null, src.line(at.line()));
                } else {
                    size += 3;
                }
            }
            if (size > limits.maxBytes()) {
                return tooLarge("the text is", size, limits);
            }
            return parseText(text.startsWith("\uFEFF") ? text.substring(1) : text, limits, size == n);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return exhausted(e);
        }
    }

    private static ParseOutcome parseText(String text, LoadLimits limits, boolean ascii) {
        SourceText src = new SourceText(text, ascii);
        TomlScanner.Result scan = TomlScanner.scan(src, limits);
        TomlScanner.ScanError scanError = scan.error();
        if (scanError != null) {
            return fromScan(scanError, src);
        }
        ObjectNode root = scan.tree();
        SourcePositionIndex positions = new SourcePositionIndex(scan.root());
        JsonNode runners = root.get("runners");
        if (runners != null && runners.isArray() && runners.size() > limits.maxRunners()) {
            Position at = positions.of(List.of("runners"));
            return failed(Diagnostic.Kind.LIMIT, "the file has more than " + format(limits.maxRunners())
                    + " [[runners]] entries (the limit maxRunners)", "runners", at, null,
                    at == null ? null : src.line(at.line()));
        }
        return new ParseOutcome.Parsed(text, root, positions, scan.comments(), src.lines());
    }

    private static ParseOutcome fromScan(TomlScanner.ScanError error, SourceText src) {
        Position at = src.position(error.index());
        KeyNode other = error.other();
        Position otherAt = other == null ? null : other.position;
        return failed(error.kind(), error.message(), error.path(), at, otherAt, src.line(at.line()));
    }

    private static ParseOutcome failed(Diagnostic.Kind kind, String message, String path, @Nullable Position at,
                                       @Nullable Position other, @Nullable String line) {
        return new ParseOutcome.Failed(new Diagnostic(kind, message, path, at, other, null,
                line == null ? null : TomlText.lineText(line)));
    }

    private static ParseOutcome tooLarge(String what, long size, LoadLimits limits) {
        return failed(Diagnostic.Kind.LIMIT, what + " " + format(size) + " bytes, more than the limit of "
                + format(limits.maxBytes()) + " bytes (maxBytes)", "", null, null, null);
    }

    private static ParseOutcome exhausted(Throwable e) {
        String what = e instanceof StackOverflowError ? "stack" : "memory";
        return failed(Diagnostic.Kind.LIMIT, "the document is too complex to parse: the parser ran out of " + what,
                "", null, null, null);
    }

    private static ParseOutcome encodingError(byte[] bytes, int start, int bad, int length) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        for (int i = lineStart; i < bad; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        StringBuilder seq = new StringBuilder();
        for (int i = bad; i < bad + length && i < bytes.length && i < bad + 4; i++) {
            seq.append(seq.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes[i] & 0xFF));
        }
        String reason = bad + length >= bytes.length && (bytes[bad] & 0xC0) == 0xC0
                ? "the file ends inside a UTF-8 character (" + seq + ")"
                : "the file is not valid UTF-8: invalid byte sequence " + seq;
        int lineEnd = bad;
        while (lineEnd < bytes.length && bytes[lineEnd] != '\n') {
            lineEnd++;
        }
        String text = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        return failed(Diagnostic.Kind.ENCODING, reason, "", new Position(line, column), null, text);
    }

    private static String format(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
