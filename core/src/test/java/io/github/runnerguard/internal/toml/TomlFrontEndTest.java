package io.github.runnerguard.internal.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.load.LoadLimits;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.POJONode;

/** The front end's answers for hand-written documents: values, and the wording and place of each problem. */
class TomlFrontEndTest {

    private static ParseOutcome.Parsed parsed(String text) {
        ParseOutcome outcome = TomlFrontEnd.parse(text, LoadLimits.DEFAULTS);
        return assertInstanceOf(ParseOutcome.Parsed.class, outcome, () -> "not parsed: " + outcome);
    }

    private static Diagnostic failed(String text) {
        return failed(text, LoadLimits.DEFAULTS);
    }

    private static Diagnostic failed(String text, LoadLimits limits) {
        ParseOutcome outcome = TomlFrontEnd.parse(text, limits);
        return assertInstanceOf(ParseOutcome.Failed.class, outcome, () -> "parsed: " + text).diagnostic();
    }

    private static void assertProblem(Diagnostic d, Diagnostic.Kind kind, String message, int line, int column,
                                      String lineText) {
        assertEquals(kind, d.kind(), d::toString);
        assertEquals(message, d.message());
        assertEquals(new Position(line, column), d.position(), d::toString);
        assertEquals(lineText, d.lineText());
    }

    @Test
    void missingEqualsSign() {
        assertProblem(failed("[[runners]]\n[runners.docker]\n  privileged true\n"), Diagnostic.Kind.SYNTAX,
                "expected `=` after the key `privileged`, found `t` (a key that contains spaces must be quoted)",
                3, 14, "  privileged true");
        assertProblem(failed("privileged\n"), Diagnostic.Kind.SYNTAX,
                "expected `=` after the key `privileged`, found the end of the line", 1, 11, "privileged");
    }

    @Test
    void unterminatedStrings() {
        assertProblem(failed("name = \"runner\nurl = \"x\"\n"), Diagnostic.Kind.SYNTAX,
                "unterminated string: a \"...\" string must end on its line (use \"\"\"...\"\"\" for text over "
                        + "several lines)", 1, 8, "name = \"runner");
        assertProblem(failed("a = 1\nscript = '''\nrm -rf /\n"), Diagnostic.Kind.SYNTAX,
                "unterminated multi-line string: the closing ''' is missing", 2, 10, "script = '''");
    }

    @Test
    void duplicateKeyNamesTheFirstDefinition() {
        Diagnostic d = failed("[[runners]]\n  [runners.docker]\n    privileged = false\n    image = \"a\"\n"
                + "    privileged = true\n");
        assertProblem(d, Diagnostic.Kind.SYNTAX,
                "duplicate key `runners[0].docker.privileged` (first defined on line 3)", 5, 5,
                "    privileged = true");
        assertEquals(new Position(3, 5), d.otherPosition());
        assertEquals("runners[0].docker.privileged", d.path());
    }

    @Test
    void tableDefinedTwice() {
        Diagnostic d = failed("[[runners]]\n[runners.docker]\nimage = \"a\"\n[runners.docker]\n");
        assertProblem(d, Diagnostic.Kind.SYNTAX, "table [runners.docker] is defined twice (first on line 2)", 4, 1,
                "[runners.docker]");
        assertEquals(new Position(2, 1), d.otherPosition());
    }

    @Test
    void unquotedStringValuesAreExplained() {
        assertProblem(failed("executor = docker+machine\n"), Diagnostic.Kind.SYNTAX,
                "invalid value `docker+machine`: text values must be quoted, as in \"docker+machine\"", 1, 12,
                "executor = docker+machine");
        assertProblem(failed("privileged = True\n"), Diagnostic.Kind.SYNTAX,
                "invalid value `True`: booleans are written in lower case (true or false)", 1, 14,
                "privileged = True");
        assertProblem(failed("runners:\n"), Diagnostic.Kind.SYNTAX,
                "unexpected `:` after the key `runners`: TOML writes `key = value`, not `key: value`", 1, 8,
                "runners:");
    }

    @Test
    void secretsNeverAppearInMessagesOrLineText() {
        Diagnostic bare = failed("[[runners]]\ntoken = glrt-SECRET123\n");
        assertEquals("invalid value for the key `token`: text values must be quoted", bare.message());
        assertEquals("token = ***", bare.lineText());
        Diagnostic open = failed("[[runners]]\n  token = \"glrt-SECRET123\n");
        assertFalse(open.message().contains("SECRET"), open::toString);
        assertEquals("  token = ***", open.lineText());
        Diagnostic inline = failed("x = { password = \"hunter2\", user = 'me' } oops\n");
        assertEquals("x = { password = ***, user = 'me' } oops", inline.lineText());
        assertEquals("tls-ca-file = \"/etc/ca.pem\" junk", failed("tls-ca-file = \"/etc/ca.pem\" junk").lineText());
    }

    @Test
    void valuesAreJacksonNodesWithJavaTime() {
        ParseOutcome.Parsed p = parsed("i = 9223372036854775807\nf = 1.5\nodt = 1979-05-27 07:32:00+02:00\n"
                + "ld = 1979-05-27\nlt = 07:32\nnan = nan\n");
        assertEquals(Long.MAX_VALUE, p.root().get("i").longValue());
        assertEquals(1.5, p.root().get("f").doubleValue());
        assertEquals(OffsetDateTime.of(1979, 5, 27, 7, 32, 0, 0, ZoneOffset.ofHours(2)),
                ((POJONode) p.root().get("odt")).getPojo());
        assertEquals(LocalDate.of(1979, 5, 27), ((POJONode) p.root().get("ld")).getPojo());
        assertEquals(LocalTime.of(7, 32), ((POJONode) p.root().get("lt")).getPojo());
        assertTrue(Double.isNaN(p.root().get("nan").doubleValue()));
    }

    @Test
    void fractionalSecondsBeyondNanosecondsAreTruncated() {
        ParseOutcome.Parsed p = parsed("a = 1979-05-27T07:32:00.1234567899Z\nb = 07:32:00.9999999999\n"
                + "c = \"07:32:00.1234567899\"\n");
        assertEquals(OffsetDateTime.of(1979, 5, 27, 7, 32, 0, 123_456_789, ZoneOffset.UTC),
                ((POJONode) p.root().get("a")).getPojo());
        assertEquals(LocalTime.of(7, 32, 0, 999_999_999), ((POJONode) p.root().get("b")).getPojo());
        assertEquals("07:32:00.1234567899", p.root().get("c").asString());
        assertEquals(new Position(3, 1), p.positions().of(List.of("c")));
    }

    @Test
    void rangesGitlabRunnerRefuses() {
        assertEquals("invalid integer `9223372036854775808`: it does not fit in a 64-bit signed integer",
                failed("i = 9223372036854775808\n").message());
        assertEquals("invalid integer `0xFFFFFFFFFFFFFFFF`: it does not fit in a 64-bit signed integer",
                failed("i = 0xFFFFFFFFFFFFFFFF\n").message());
        assertEquals("invalid float `1e400`: it is too large for a 64-bit float", failed("f = 1e400\n").message());
        assertEquals("invalid date `2023-02-29`: February 2023 has 28 days", failed("d = 2023-02-29\n").message());
        assertEquals("invalid time `07:60`: there is no minute 60 (00 to 59)", failed("t = 07:60\n").message());
    }

    @Test
    void escapesFollowToml11() {
        assertEquals("\u001b[1m\u00e9\u00ff\uD83D\uDE00",
                parsed("s = \"\\e[1m\\xe9\\xFF\\U0001F600\"\n").root().get("s").asString());
        assertProblem(failed("s = \"a\\qb\"\n"), Diagnostic.Kind.SYNTAX,
                "invalid escape `\\q`; TOML allows \\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uHHHH and \\UHHHHHHHH "
                        + "(for a backslash write \\\\ or use a literal string '...')",
                1, 7, "s = \"a\\qb\"");
        assertEquals("the escape `\\uD800` is not a Unicode scalar value (U+D800 to U+DFFF and above U+10FFFF "
                + "are not allowed)", failed("s = \"\\uD800\"\n").message());
    }

    @Test
    void headersAndArraysOfTablesFollowTheTableRules() {
        assertEquals("`runners` is already a table (line 1); it cannot also be an array of tables",
                failed("[runners.docker]\n[[runners]]\n").message());
        assertEquals("[runners] is an array of tables (defined with [[...]] on line 1); it cannot also be a [table]",
                failed("[[runners]]\n[runners]\n").message());
        assertEquals("`a.b` is a table defined by its header on line 1; dotted keys cannot add to it",
                failed("[a.b]\nx = 1\n[a]\nb.y = 2\n").message());
        assertEquals("table [a.b] is already defined by the dotted keys on line 2",
                failed("[a]\nb.c = 1\n[a.b]\n").message());
        assertEquals("the header [a.c] adds to `a`, an inline table defined on line 1; an inline table cannot be "
                + "extended", failed("a = {b = 1}\n[a.c]\n").message());
        assertEquals("`a` is already defined as a value on line 1; it cannot also be an array of tables",
                failed("a = 1\n[[a]]\n").message());
    }

    @Test
    void problemsInsideArraysAndInlineTables() {
        assertProblem(failed("volumes = [\"/a\", \"/b\"\n"), Diagnostic.Kind.SYNTAX,
                "the array opened on line 1, column 11 is not closed: `]` is missing", 2, 1, "");
        assertProblem(failed("x = { a = 1 b = 2 }\n"), Diagnostic.Kind.SYNTAX,
                "expected `,` or `}` after a value in the inline table, found `b`", 1, 13, "x = { a = 1 b = 2 }");
        assertProblem(failed("x = [1,,2]\n"), Diagnostic.Kind.SYNTAX, "expected a value, found a second `,`", 1, 8,
                "x = [1,,2]");
    }

    @Test
    void depthLimitCountsKeysAndArrays() {
        LoadLimits three = new LoadLimits(1 << 20, 3, 10);
        parsed("a = [[1]]\n");
        assertInstanceOf(ParseOutcome.Parsed.class, TomlFrontEnd.parse("a = [[1]]\nb.c.d = 1\n[e.f]\ng = 1\n", three));
        Diagnostic d = failed("a = [[[1]]]\n", three);
        assertEquals(Diagnostic.Kind.LIMIT, d.kind());
        assertEquals("tables and arrays are nested more than 3 levels deep (the limit maxDepth)", d.message());
        assertEquals(new Position(1, 7), d.position());
        assertEquals(Diagnostic.Kind.LIMIT, failed("[a.b]\nc.d = 1\n", three).kind());
        assertEquals(Diagnostic.Kind.LIMIT, failed("[[a]]\n[[a.b]]\n", three).kind());
        assertEquals(Diagnostic.Kind.LIMIT, failed("a = {b = {c = {d = 1}}}\n", three).kind());
    }

    @Test
    void runnerLimitCountsHeadersAndInlineArrays() {
        LoadLimits two = new LoadLimits(1 << 20, 64, 2);
        assertInstanceOf(ParseOutcome.Parsed.class, TomlFrontEnd.parse("[[runners]]\n[[runners]]\n", two));
        Diagnostic d = failed("[[runners]]\n[[runners]]\n[[runners]]\n", two);
        assertEquals(Diagnostic.Kind.LIMIT, d.kind());
        assertEquals("the file has more than 2 [[runners]] entries (the limit maxRunners)", d.message());
        assertEquals(new Position(3, 1), d.position());
        Diagnostic inline = failed("runners = [{}, {}, {}]\n", two);
        assertEquals(Diagnostic.Kind.LIMIT, inline.kind());
        assertEquals(new Position(1, 1), inline.position());
        assertInstanceOf(ParseOutcome.Parsed.class,
                TomlFrontEnd.parse("[[x.runners]]\n[[x.runners]]\n[[x.runners]]\n", two));
    }

    @Test
    void sizeLimitIsCheckedBeforeDecoding() {
        LoadLimits small = new LoadLimits(10, 64, 10);
        ParseOutcome bytes = TomlFrontEnd.parse(new byte[] {'a', '=', '1', (byte) 0xFF, 0, 0, 0, 0, 0, 0, 0},
                small);
        Diagnostic d = assertInstanceOf(ParseOutcome.Failed.class, bytes).diagnostic();
        assertEquals(Diagnostic.Kind.LIMIT, d.kind());
        assertEquals("the file is 11 bytes, more than the limit of 10 bytes (maxBytes)", d.message());
        assertNull(d.position());
        assertEquals("the text is 16 bytes, more than the limit of 10 bytes (maxBytes)",
                failed("a = \"ééééé\"", small).message());
        assertInstanceOf(ParseOutcome.Parsed.class, TomlFrontEnd.parse("a = \"éé\"", small));
    }

    @Test
    void textInputWithAnUnpairedSurrogateIsAnEncodingError() {
        Diagnostic d = failed("a = 1\nb = \"x\uD800\"\n");
        assertEquals(Diagnostic.Kind.ENCODING, d.kind());
        assertEquals("the text holds an unpaired surrogate U+D800, which UTF-8 cannot encode", d.message());
        assertEquals(new Position(2, 7), d.position());
    }

    @Test
    void byteOrderMarkIsDroppedFromBytesAndText() {
        byte[] bom = "\uFEFFa = 1\n".getBytes(StandardCharsets.UTF_8);
        ParseOutcome.Parsed fromBytes = assertInstanceOf(ParseOutcome.Parsed.class,
                TomlFrontEnd.parse(bom, LoadLimits.DEFAULTS));
        assertEquals("a = 1\n", fromBytes.text());
        assertEquals(new Position(1, 1), fromBytes.positions().of(List.of("a")));
        assertEquals("a = 1\n", parsed("\uFEFFa = 1\n").text());
        assertEquals(Diagnostic.Kind.SYNTAX, failed("\uFEFF\uFEFFa = 1\n").kind());
    }
}
