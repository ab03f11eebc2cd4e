package io.github.runnerguard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.github.runnerguard.config.RunnerConfig;
import org.junit.jupiter.api.Test;

/**
 * A runner name with characters outside the Basic Multilingual Plane at random offsets, written as each kind of TOML
 * string after padding of random length, comes out of the loader unchanged (Jackson's TOML lexer used to lose half of
 * such a character when it straddled a refill of its input buffer).
 */
class AstralCharacterPropertiesTest {

    private static final ConfigLoader LOADER = ConfigLoader.defaults();

    /** The kinds of TOML string the name is written as. */
    private static final int BASIC = 0;
    private static final int LITERAL = 1;
    private static final int MULTI_LINE_BASIC = 2;
    private static final int MULTI_LINE_LITERAL = 3;

    /**
     * {@code base} with supplementary code points inserted: each of {@code insertions} picks an offset into
     * {@code base} and a code point from U+10000 to U+10FFFF.
     */
    static String withAstralCharacters(String base, List<Integer> insertions) {
        List<int[]> points = new ArrayList<>();
        for (int k : insertions) {
            points.add(new int[] {k % (base.length() + 1), 0x10000 + k / 7 % 0x100000});
        }
        // From the end, so that the offsets into base stay valid.
        points.sort(Comparator.comparingInt((int[] p) -> p[0]).reversed());
        StringBuilder out = new StringBuilder(base);
        for (int[] p : points) {
            out.insert(p[0], Character.toChars(p[1]));
        }
        return out.toString();
    }

    /** The value a string of {@code kind} holds: literal strings cannot hold {@code '}. */
    static String valueFor(int kind, String text) {
        return kind == LITERAL || kind == MULTI_LINE_LITERAL ? text.replace('\'', '"') : text;
    }

    /** {@code value} as a TOML string of {@code kind}. */
    static String render(int kind, String value) {
        switch (kind) {
            case LITERAL:
                return "'" + value + "'";
            case MULTI_LINE_LITERAL:
                return "'''" + value + "'''";
            case MULTI_LINE_BASIC:
                return "\"\"\"" + escaped(value) + "\"\"\"";
            default:
                return "\"" + escaped(value) + "\"";
        }
    }

    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String name(LoadResult result) {
        RunnerConfig config = result.config();
        assertNotNull(config, () -> "not loaded: " + result.diagnostics());
        return config.runners().get(0).name().value();
    }

    @Test
    void namesWithAstralCharactersAtRandomOffsetsRoundTrip() {
        qt().withFixedSeed(17L).withExamples(100).withShrinkCycles(30)
                .forAll(strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 6000)
                                .describedAs(s -> s.length() + " ASCII chars"),
                        lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 2000)
                                .describedAs(l -> l.size() + " insertions " + l.subList(0, Math.min(8, l.size()))
                                        + (l.size() > 8 ? "…" : "")),
                        integers().between(0, 4100),
                        integers().between(BASIC, MULTI_LINE_LITERAL))
                .checkAssert((base, insertions, pad, kind) -> {
                    String value = valueFor(kind, withAstralCharacters(base, insertions));
                    String toml = "listen_address = \"" + "x".repeat(pad) + "\"\n[[runners]]\nname = "
                            + render(kind, value) + "\nexecutor = \"shell\"\n";
                    String fromText = name(LOADER.load(toml, "astral.toml"));
                    String fromBytes = name(LOADER.load(toml.getBytes(StandardCharsets.UTF_8), "astral.toml"));
                    // Compared by length and position first, so that a failure does not print 10,000 characters.
                    assertEquals(value.length(), fromText.length(), "length of the name loaded from text");
                    assertEquals(-1, firstDifference(value, fromText), "first difference, loaded from text");
                    assertEquals(-1, firstDifference(value, fromBytes), "first difference, loaded from bytes");
                });
    }

    private static int firstDifference(String expected, String actual) {
        int n = Math.min(expected.length(), actual.length());
        for (int k = 0; k < n; k++) {
            if (expected.charAt(k) != actual.charAt(k)) {
                return k;
            }
        }
        return expected.length() == actual.length() ? -1 : n;
    }
}
