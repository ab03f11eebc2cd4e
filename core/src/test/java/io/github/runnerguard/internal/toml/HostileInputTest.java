package io.github.runnerguard.internal.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.load.LoadLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: each case ends with the right outcome, a clear message, and in bounded time (the bounds are loose,
 * to catch hangs and quadratic behaviour, not to benchmark), without a StackOverflowError or OutOfMemoryError.
 */
class HostileInputTest {

    private static final int NESTING = 100_000;

    /** Runs a parse, failing if it takes longer than {@code seconds}. */
    private static ParseOutcome timed(int seconds, Supplier<ParseOutcome> parse) {
        long start = System.nanoTime();
        ParseOutcome outcome = parse.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(seconds)) < 0, "took " + took);
        return outcome;
    }

    private static Diagnostic failure(ParseOutcome outcome) {
        return assertInstanceOf(ParseOutcome.Failed.class, outcome, "parsed").diagnostic();
    }

    @Test
    void sixtyFourMebibytesFailOnTheSizeLimit() {
        byte[] bytes = new byte[64 << 20];
        Arrays.fill(bytes, (byte) '#');
        Diagnostic d = failure(timed(10, () -> TomlFrontEnd.parse(bytes, LoadLimits.DEFAULTS)));
        assertEquals(Diagnostic.Kind.LIMIT, d.kind());
        assertEquals("the file is 67,108,864 bytes, more than the limit of 33,554,432 bytes (maxBytes)", d.message());
        assertNull(d.position());
        String text = "#".repeat(64 << 20);
        assertEquals("the text is 67,108,864 bytes, more than the limit of 33,554,432 bytes (maxBytes)",
                failure(timed(10, () -> TomlFrontEnd.parse(text, LoadLimits.DEFAULTS))).message());
    }

    @Test
    void hundredThousandNestedArraysFailOnTheDepthLimit() {
        String text = "a = " + "[".repeat(NESTING) + "]".repeat(NESTING) + "\n";
        Diagnostic d = failure(timed(10, () -> TomlFrontEnd.parse(text, LoadLimits.DEFAULTS)));
        assertEquals(Diagnostic.Kind.LIMIT, d.kind());
        assertEquals("tables and arrays are nested more than 64 levels deep (the limit maxDepth)", d.message());
        assertEquals(new Position(1, 68), d.position());
    }

    @Test
    void hundredThousandNestedInlineTablesFailOnTheDepthLimit() {
        String text = "a = " + "{ b = ".repeat(NESTING) + "1" + " }".repeat(NESTING) + "\n";
        Diagnostic d = failure(timed(10, () -> TomlFrontEnd.parse(text, LoadLimits.DEFAULTS)));
        assertEquals(Diagnostic.Kind.LIMIT, d.kind());
        assertTrue(d.message().contains("maxDepth"), d.message());
    }

    @Test
    void hundredThousandPartHeadersAndDottedKeysFailOnTheDepthLimit() {
        String header = "[" + "a.".repeat(NESTING) + "a]\n";
        assertEquals(Diagnostic.Kind.LIMIT, failure(timed(10, () -> TomlFrontEnd.parse(header,
                LoadLimits.DEFAULTS))).kind());
        String dotted = "a" + ".a".repeat(NESTING) + " = 1\n";
        assertEquals(Diagnostic.Kind.LIMIT, failure(timed(10, () -> TomlFrontEnd.parse(dotted,
                LoadLimits.DEFAULTS))).kind());
    }

    @Test
    void nestingBeyondTheStackFailsCleanlyWhenTheLimitIsRaised() {
        LoadLimits unlimited = new LoadLimits(10 << 20, Integer.MAX_VALUE, 50_000);
        String text = "a = " + "[".repeat(NESTING) + "]".repeat(NESTING) + "\n";
        ParseOutcome outcome = timed(30, () -> TomlFrontEnd.parse(text, unlimited));
        if (outcome instanceof ParseOutcome.Failed failed) {
            assertEquals(Diagnostic.Kind.LIMIT, failed.diagnostic().kind());
            assertEquals("the document is too complex to parse: the parser ran out of stack",
                    failed.diagnostic().message());
        }
    }

    @Test
    void tenMegabyteSingleLineStringParsesWhenTheLimitAllowsIt() {
        String value = "x".repeat(10_000_000);
        String text = "[[runners]]\nname = \"" + value + "\"\nurl = 'u'\n";
        LoadLimits limits = new LoadLimits(11_000_000, 64, 50_000);
        ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class,
                timed(30, () -> TomlFrontEnd.parse(text.getBytes(StandardCharsets.UTF_8), limits)));
        assertEquals(value, parsed.root().get("runners").get(0).get("name").asString());
        assertEquals(new Position(3, 1), parsed.positions().of(List.of("runners", 0, "url")));
        Diagnostic tooLong = failure(TomlFrontEnd.parse(text, new LoadLimits(5_000_000, 64, 50_000)));
        assertEquals(Diagnostic.Kind.LIMIT, tooLong.kind());
    }

    @Test
    void millionKeysInOneTableParse() {
        StringBuilder text = new StringBuilder(16_000_000).append("[t]\n");
        for (int i = 0; i < 1_000_000; i++) {
            text.append('k').append(i).append(" = ").append(i).append('\n');
        }
        LoadLimits limits = new LoadLimits(64 << 20, 64, 50_000);
        ParseOutcome outcome = timed(60, () -> TomlFrontEnd.parse(text.toString(), limits));
        ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class, outcome);
        assertEquals(1_000_000, parsed.root().get("t").size());
        assertEquals(999_999, parsed.root().get("t").get("k999999").intValue());
        assertEquals(new Position(1_000_001, 1), parsed.positions().of(List.of("t", "k999999")));
    }

    @Test
    void hundredThousandRunnersFailOnTheRunnerLimit() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append("[[runners]]\nname = \"r").append(i).append("\"\n");
        }
        Diagnostic d = failure(timed(30, () -> TomlFrontEnd.parse(text.toString(), LoadLimits.DEFAULTS)));
        assertEquals(Diagnostic.Kind.LIMIT, d.kind());
        assertEquals("the file has more than 50,000 [[runners]] entries (the limit maxRunners)", d.message());
        assertEquals(new Position(100_001, 1), d.position());
    }

    @Test
    void invalidUtf8IsReportedWhereItIs() {
        assertEncoding(bytes("[runners]\n", new byte[] {'k', (byte) 0xC3, 'x'}, " = 1\n"), 2, 2);
        assertEncoding(bytes("a = 1\nname = \"caf", new byte[] {(byte) 0xE9}, "\"\n"), 2, 12);
        assertEncoding(bytes("a = \"é\" # ok é, then ", new byte[] {(byte) 0xFF}, "\n"), 1, 22);
        assertEncoding(bytes("s = \"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"\n"), 1, 6);
        Diagnostic truncated = assertEncoding(bytes("s = 1 # ", new byte[] {(byte) 0xE2, (byte) 0x82}, ""), 1, 9);
        assertEquals("the file ends inside a UTF-8 character (0xE2 0x82)", truncated.message());
    }

    private static Diagnostic assertEncoding(byte[] bytes, int line, int column) {
        Diagnostic d = failure(timed(5, () -> TomlFrontEnd.parse(bytes, LoadLimits.DEFAULTS)));
        assertEquals(Diagnostic.Kind.ENCODING, d.kind(), d::toString);
        assertEquals(new Position(line, column), d.position(), d::toString);
        assertTrue(d.message().contains("UTF-8"), d.message());
        return d;
    }

    private static byte[] bytes(String before, byte[] bad, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void nulByteIsASyntaxError() {
        Diagnostic d = failure(TomlFrontEnd.parse(bytes("a = 1\nb = \"x", new byte[] {0}, "\"\n"),
                LoadLimits.DEFAULTS));
        assertEquals(Diagnostic.Kind.SYNTAX, d.kind());
        assertEquals("control character U+0000 (NUL) is not allowed in a string; write it as an escape such as "
                + "\\u0000", d.message());
        assertEquals(new Position(2, 7), d.position());
        assertEquals("b = \"x\uFFFD\"", d.lineText());
        Diagnostic bare = failure(TomlFrontEnd.parse("a = 1\u0000\n", LoadLimits.DEFAULTS));
        assertEquals("control character U+0000 (NUL) is not allowed here", bare.message());
    }

    @Test
    void crLfLineEndingsAreFineAndALoneCrIsNot() {
        String text = "[[runners]]\r\nname = \"a\" # c\r\ns = \"\"\"x\r\ny\"\"\"\r\n";
        ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class,
                TomlFrontEnd.parse(text, LoadLimits.DEFAULTS));
        assertEquals(List.of("[[runners]]", "name = \"a\" # c", "s = \"\"\"x", "y\"\"\""), parsed.lines());
        assertEquals(" c", parsed.comments().get(0).text());
        assertEquals("x\r\ny", parsed.root().get("runners").get(0).get("s").asString());
        Diagnostic d = failure(TomlFrontEnd.parse("[[runners]]\rname = \"a\"\r", LoadLimits.DEFAULTS));
        assertEquals(Diagnostic.Kind.SYNTAX, d.kind());
        assertEquals("a carriage return (CR) must be followed by a line feed: TOML lines end with LF or CR LF, "
                + "not CR alone", d.message());
        assertEquals(new Position(1, 12), d.position());
    }

    @Test
    void byteOrderMarkIsAccepted() {
        byte[] bytes = bytes("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "[[runners]]\nname = \"a\"\n");
        ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class,
                TomlFrontEnd.parse(bytes, LoadLimits.DEFAULTS));
        assertEquals("[[runners]]\nname = \"a\"\n", parsed.text());
        assertEquals(new Position(1, 1), parsed.positions().of(List.of("runners", 0)));
    }
}
