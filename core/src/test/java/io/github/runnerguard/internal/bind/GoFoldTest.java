package io.github.runnerguard.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class GoFoldTest {

    /** Letters whose folding is special, plus ordinary ones and the separators that must never fold. */
    private static final int[] ALPHABET = {
        'a', 'A', 'i', 'I', 'k', 'K', 's', 'S', '_', '-', '1',
        0x0130, 0x0131, 0x212A, 0x017F, 0x00B5, 0x039C, 0x03BC, 0x03A3, 0x03C3, 0x03C2,
        0x00DF, 0x1E9E, 0x03B8, 0x03D1, 0x0398, 0x03F4, 0x01C4, 0x01C5, 0x01C6, 0x13B0, 0xAB80, 0x10400, 0x10428
    };

    private static Gen<String> folding() {
        return lists().of(integers().between(0, ALPHABET.length - 1)).ofSizeBetween(0, 6).map(indexes -> {
            StringBuilder text = new StringBuilder();
            for (int index : indexes) {
                text.appendCodePoint(ALPHABET[index]);
            }
            return text.toString();
        });
    }

    @Test
    void simpleFoldMatchesGoDocumentation() {
        assertEquals('a', GoFold.simpleFold('A'));
        assertEquals('A', GoFold.simpleFold('a'));
        assertEquals('k', GoFold.simpleFold('K'));
        assertEquals(0x212A, GoFold.simpleFold('k'));
        assertEquals('K', GoFold.simpleFold(0x212A));
        assertEquals('1', GoFold.simpleFold('1'));
        assertEquals(-2, GoFold.simpleFold(-2));
    }

    @Test
    void simpleFoldWalksTheOrbitsOfGosTests() {
        // Go's unicode tests: each string is an orbit in SimpleFold order.
        for (String orbit : List.of("Aa", "\u03b4\u0394", "Kk\u212a", "Ss\u017f", "\u03c1\u03f1\u03a1",
                "\u0345\u0399\u03b9\u1fbe", "\u13b0\uab80", "\u0130", "\u0131")) {
            int[] runes = orbit.codePoints().toArray();
            for (int i = 0; i < runes.length; i++) {
                int next = runes[(i + 1) % runes.length];
                assertEquals(next, GoFold.simpleFold(runes[i]),
                        () -> "SimpleFold in orbit " + orbit);
            }
        }
        assertEquals(0x00DF, GoFold.simpleFold(0x1E9E));
        assertEquals(0x1E9E, GoFold.simpleFold(0x00DF));
        assertEquals(0x03D1, GoFold.simpleFold(0x03B8));
        assertEquals(0x03F4, GoFold.simpleFold(0x03D1));
        assertEquals(0x0398, GoFold.simpleFold(0x03F4));
        assertEquals(0x039C, GoFold.simpleFold(0x00B5));
        assertEquals(0x03BC, GoFold.simpleFold(0x039C));
        assertEquals(0x00B5, GoFold.simpleFold(0x03BC));
    }

    @Test
    void everyOrbitIsACycleOfIncreasingRunesWithOneFoldKey() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            int next = GoFold.simpleFold(c);
            if (next == c) {
                continue;
            }
            String key = GoFold.foldKey(new String(Character.toChars(c)));
            int r = next;
            int steps = 0;
            int wraps = 0;
            int previous = c;
            while (r != c) {
                assertEquals(key, GoFold.foldKey(new String(Character.toChars(r))), "orbit key of U+" + hex(r));
                if (r < previous) {
                    wraps++;
                }
                previous = r;
                r = GoFold.simpleFold(r);
                assertTrue(++steps < 8, "orbit of U+" + hex(c) + " does not close");
            }
            if (previous > c) {
                wraps++;
            }
            assertEquals(1, wraps, "orbit of U+" + hex(c) + " must wrap exactly once");
        }
    }

    private static String hex(int c) {
        return Integer.toHexString(c).toUpperCase(Locale.ROOT);
    }

    @Test
    void equalFoldDiffersFromJavaOnDottedAndDotlessI() {
        assertFalse(GoFold.equalFold("\u0130", "i"));
        assertFalse(GoFold.equalFold("\u0131", "I"));
        assertFalse(GoFold.equalFold("pr\u0131vileged", "privileged"));
        assertFalse(GoFold.equalFold("PR\u0130VILEGED", "privileged"));
        assertTrue("\u0130".equalsIgnoreCase("i"), "Java folds İ to i");
        assertTrue("\u0131".equalsIgnoreCase("I"), "Java folds ı to I");
        assertTrue("pr\u0131vileged".equalsIgnoreCase("privileged"));
    }

    @Test
    void equalFoldAgreesWithJavaOnKelvinAndLongS() {
        assertTrue(GoFold.equalFold("\u212Aey_file", "key_file"));
        assertTrue(GoFold.equalFold("\u017Fhell", "shell"));
        assertTrue(GoFold.equalFold("\u017Fhell", "SHELL"));
        assertTrue("\u212Aey_file".equalsIgnoreCase("key_file"));
        assertTrue("\u017Fhell".equalsIgnoreCase("shell"));
    }

    @Test
    void equalFoldBasics() {
        assertTrue(GoFold.equalFold("Privileged", "privileged"));
        assertTrue(GoFold.equalFold("PRIVILEGED", "privileged"));
        assertTrue(GoFold.equalFold("Go", "GO"));
        assertTrue(GoFold.equalFold("", ""));
        assertTrue(GoFold.equalFold("\u03a3\u03c3\u03c2", "\u03c3\u03c2\u03a3"));
        assertTrue(GoFold.equalFold("stra\u00dfe", "STRA\u1e9eE"));
        assertFalse(GoFold.equalFold("stra\u00dfe", "STRASSE"), "no full folding");
        assertFalse(GoFold.equalFold("allowPrivilegeEscalation", "allow_privilege_escalation"));
        assertFalse(GoFold.equalFold("tls_ca_file", "tls-ca-file"));
        assertFalse(GoFold.equalFold("_", "-"));
        assertFalse(GoFold.equalFold("a", "ab"));
        assertFalse(GoFold.equalFold("@", "`"), "ASCII non-letters one case apart do not fold");
        assertFalse(GoFold.equalFold("[", "{"));
    }

    @Test
    void foldKeyIsStableForPlainText() {
        assertEquals("_-1", GoFold.foldKey("_-1"));
        assertEquals(GoFold.foldKey("K"), GoFold.foldKey("\u212a"));
        assertEquals(GoFold.foldKey("BUILDS_DIR"), GoFold.foldKey("builds_dir"));
    }

    @Test
    void equalFoldIsReflexiveAndSymmetric() {
        qt().forAll(folding(), folding()).check((a, b) ->
                GoFold.equalFold(a, a) && GoFold.equalFold(a, b) == GoFold.equalFold(b, a));
    }

    @Test
    void foldKeyDecidesEqualFold() {
        qt().forAll(folding(), folding()).check((a, b) ->
                GoFold.equalFold(a, b) == GoFold.foldKey(a).equals(GoFold.foldKey(b)));
    }

    @Test
    void equalFoldAgreesWithEqualsIgnoreCaseOnAscii() {
        qt().forAll(strings().ascii().ofLengthBetween(0, 12), strings().ascii().ofLengthBetween(0, 12))
                .check((a, b) -> GoFold.equalFold(a, b) == a.equalsIgnoreCase(b));
        // Case variants of one string, so that the equal side is exercised too.
        qt().forAll(strings().ascii().ofLengthBetween(0, 12), lists().of(integers().between(0, 1))
                        .ofSize(12))
                .check((a, flips) -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < a.length(); i++) {
                        char c = a.charAt(i);
                        b.append(flips.get(i) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
                    }
                    String variant = b.toString();
                    return GoFold.equalFold(a, variant) && a.equalsIgnoreCase(variant);
                });
    }

    @Test
    void foldKeyMapsToSmallestOrbitMember() {
        List<String> failures = new ArrayList<>();
        for (int c : ALPHABET) {
            String key = GoFold.foldKey(new String(Character.toChars(c)));
            int smallest = key.codePointAt(0);
            if (smallest > c) {
                failures.add(hex(c));
            }
        }
        assertTrue(failures.isEmpty(), () -> "fold key larger than the rune: " + failures);
    }
}
