package io.github.runnerguard.internal.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import io.github.runnerguard.config.Comment;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.load.LoadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Characters outside the Basic Multilingual Plane in every place TOML allows them, with padding that moves them
 * across 4,000-char boundaries (where Jackson TOML 3.3.0's lexer, which the front end once used, lost the high
 * surrogate of a pair that straddled a refill of its input buffer): every one survives, at every position.
 */
class AstralCharactersTest {

    private static final String GRIN = "\uD83D\uDE00";
    private static final String CLEF = "\uD834\uDD1E";
    private static final String LAST = "\uDBFF\uDFFF";

    /** Pads that put the character on both sides of the first buffer boundary, 4,000 chars in. */
    private static final int FIRST_PAD = 3900;
    private static final int LAST_PAD = 4100;

    /**
     * One place for an astral character: the document for a padding {@code p} (the text around it is written with
     * {@code P} for the padding), and where its value, key or comment must come out with the padding in it.
     */
    private record Place(String name, String document, Function<ObjectNode, String> read, String expected) {

        String document(String padding) {
            return document.replace("P", padding);
        }

        String expected(String padding) {
            return expected.replace("P", padding);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static String value(ObjectNode root) {
        JsonNode v = root.get("v");
        return v == null ? "<no v>" : v.isString() ? v.asString() : v.toString();
    }

    private static String onlyKey(JsonNode table) {
        List<String> names = table.propertyNames().stream().toList();
        return names.size() == 1 ? names.get(0) : "<keys " + names + ">";
    }

    private static String lastCommentText(ParseOutcome.Parsed parsed) {
        List<Comment> comments = parsed.comments();
        return comments.isEmpty() ? "<no comment>" : comments.get(comments.size() - 1).text();
    }

    static Stream<Place> places() {
        return Stream.of(
                new Place("basic string", "v = \"P" + GRIN + "x\"\n", AstralCharactersTest::value, "P" + GRIN + "x"),
                new Place("basic string with escapes", "v = \"\\t\\\\P" + GRIN + "\\\"\\u00fc" + CLEF + "\"\n",
                        AstralCharactersTest::value, "\t\\P" + GRIN + "\"\u00fc" + CLEF),
                new Place("literal string", "v = 'P" + GRIN + "\"\\x'\n", AstralCharactersTest::value,
                        "P" + GRIN + "\"\\x"),
                new Place("multi-line basic string", "v = \"\"\"\nP" + GRIN + "\\\\\n\\\"\"\"\"\n",
                        AstralCharactersTest::value, "P" + GRIN + "\\\n\""),
                new Place("multi-line basic string after a line-ending backslash",
                        "v = \"\"\"a\\\n   \tP" + GRIN + "\"\"\"\n", AstralCharactersTest::value, "aP" + GRIN),
                new Place("multi-line literal string", "v = '''\nP" + GRIN + "\"\\\"\"\"x''''\n",
                        AstralCharactersTest::value, "P" + GRIN + "\"\\\"\"\"x'"),
                new Place("multi-line literal string with CR LF", "v = '''\r\nP" + GRIN + "\r\n\\'''\r\n",
                        AstralCharactersTest::value, "P" + GRIN + "\r\n\\"),
                new Place("string in an array", "v = ['a', 'P" + GRIN + "']\n",
                        root -> root.path("v").path(1).asString(), "P" + GRIN),
                new Place("quoted basic key", "\"P" + GRIN + "\\\\x\" = 1\n", AstralCharactersTest::onlyKey,
                        "P" + GRIN + "\\x"),
                new Place("quoted literal key", "'P" + GRIN + "\\x\"' = 1\n", AstralCharactersTest::onlyKey,
                        "P" + GRIN + "\\x\""),
                new Place("dotted key in an inline table", "t = { a.'P" + GRIN + "' = 1 }\n",
                        root -> onlyKey(root.path("t").path("a")), "P" + GRIN),
                new Place("table header", "[\"P" + GRIN + "\"]\nq = 1\n", AstralCharactersTest::onlyKey,
                        "P" + GRIN),
                new Place("array of tables header", "[[a.'P" + LAST + "']]\nq = 1\n",
                        root -> onlyKey(root.path("a")), "P" + LAST));
    }

    /** Comments: their text is kept whole, and the values after them are read right. */
    static Stream<Place> comments() {
        return Stream.of(
                new Place("comment", "# c\n#P" + GRIN + GRIN + GRIN + "\nv = \"a\\\\b\"\n",
                        AstralCharactersTest::value, "a\\b"),
                new Place("comment after a value", "v = 'a' # P" + GRIN + CLEF + GRIN + "\n",
                        AstralCharactersTest::value, "a"),
                new Place("comment in an array", "v = [ #P" + GRIN + GRIN + GRIN + "\n 'a' ]\n",
                        root -> root.path("v").path(0).asString(), "a"));
    }

    private static ParseOutcome.Parsed parsed(String text) {
        ParseOutcome outcome = TomlFrontEnd.parse(text, LoadLimits.DEFAULTS);
        return assertInstanceOf(ParseOutcome.Parsed.class, outcome, () -> "not parsed: " + outcome);
    }

    private static ParseOutcome.Parsed parsed(String text, String place, int pad) {
        ParseOutcome outcome = TomlFrontEnd.parse(text, LoadLimits.DEFAULTS);
        return assertInstanceOf(ParseOutcome.Parsed.class, outcome,
                () -> place + ", padding " + pad + ": not parsed: " + outcome);
    }

    /** Equal texts; a difference is shown around its first char, not as two whole texts of thousands of chars. */
    static void assertSameText(String expected, String actual, String what) {
        if (expected.equals(actual)) {
            return;
        }
        int at = 0;
        while (at < expected.length() && at < actual.length() && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        throw new AssertionError(what + ": the texts differ at char " + at + " (lengths " + expected.length()
                + " and " + actual.length() + "): expected …" + around(expected, at) + "… but was …"
                + around(actual, at) + "…");
    }

    private static String around(String text, int at) {
        StringBuilder out = new StringBuilder();
        for (int k = Math.max(0, at - 4); k < Math.min(text.length(), at + 6); k++) {
            char c = text.charAt(k);
            out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void anAstralCharacterSurvivesAtEveryPaddingAcrossTheBufferBoundary(Place place) {
        for (int pad = FIRST_PAD; pad <= LAST_PAD; pad++) {
            String padding = "y".repeat(pad);
            ParseOutcome.Parsed parsed = parsed(place.document(padding), place.name(), pad);
            assertSameText(place.expected(padding), place.read().apply(parsed.root()),
                    place.name() + ", padding " + pad);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void aRunOfAstralCharactersSurvivesEveryBoundaryAtEitherParity(Place place) {
        String run = (GRIN + CLEF).repeat(2100);
        for (int shift = 0; shift < 4; shift++) {
            String padding = "y".repeat(shift) + run;
            ParseOutcome.Parsed parsed = parsed(place.document(padding), place.name(), shift);
            assertSameText(place.expected(padding), place.read().apply(parsed.root()),
                    place.name() + ", shift " + shift);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comments")
    void aCommentWithAstralCharactersParsesAtEveryPaddingAndKeepsItsText(Place place) {
        for (int pad = FIRST_PAD; pad <= LAST_PAD; pad++) {
            String padding = "y".repeat(pad);
            String text = place.document(padding);
            ParseOutcome.Parsed parsed = parsed(text, place.name(), pad);
            assertSameText(place.expected(padding), place.read().apply(parsed.root()),
                    place.name() + ", padding " + pad);
            int hash = text.lastIndexOf('#');
            assertSameText(text.substring(hash + 1, text.indexOf('\n', hash)), lastCommentText(parsed),
                    place.name() + ", padding " + pad);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comments")
    void aCommentFullOfAstralCharactersParsesAtEitherParity(Place place) {
        String run = (GRIN + CLEF).repeat(2100);
        for (int shift = 0; shift < 4; shift++) {
            String padding = "y".repeat(shift) + run;
            ParseOutcome.Parsed parsed = parsed(place.document(padding), place.name(), shift);
            assertSameText(place.expected(padding), place.read().apply(parsed.root()),
                    place.name() + ", shift " + shift);
        }
    }

    @Test
    void positionsCountAnAstralCharacterAsOneColumn() {
        String text = "v = '" + GRIN + "'\nw = \"" + GRIN + "x\" # " + GRIN + "\nu = 1\n";
        ParseOutcome.Parsed parsed = parsed(text);
        assertEquals(new Position(3, 1), parsed.positions().of(List.of("u")));
        assertEquals(new Position(2, 1), parsed.positions().of(List.of("w")));
        assertEquals(new Position(2, 10), parsed.comments().get(0).position());
        assertEquals(text, parsed.text());
    }
}
