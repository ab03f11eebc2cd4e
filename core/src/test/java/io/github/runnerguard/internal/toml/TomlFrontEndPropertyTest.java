package io.github.runnerguard.internal.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.load.LoadLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of {@link TomlFrontEnd#parse}: for any text or bytes it returns (never throws), gives the same answer
 * twice, and its answer is well-formed: a failure has a one-line message and a position inside the text; a parse has
 * a position for every path of its tree and no other.
 */
class TomlFrontEndPropertyTest {

    /** Small limits, so that generated input also runs into them. */
    private static final LoadLimits LIMITS = new LoadLimits(4096, 6, 3);

    /** Pieces of TOML, valid and not, that random concatenations are made of. */
    private static final List<String> PIECES = List.of("[", "]", "[[", "]]", "{", "}", "=", " = ", ",", ".", "\"",
            "'", "\"\"\"", "'''", "\\", "\\u00e9", "\\x", "\\U0001F600", "#", "# c", "\n", "\r\n", "\r", " ", "\t",
            "a", "runners", "docker", "privileged", "\"q k\"", "'lit'", "true", "false", "1", "-0", "0x1F", "1e3",
            "1.5", "inf", "nan", "1979-05-27", "07:32:00", "1979-05-27T07:32:00Z", " 07:32", "_", "+", "\u0000",
            "\u0007", "\u007f", "é", "\uD83D\uDE00", "\uD800", "\uFEFF", "[[runners]]\n", "[runners.docker]\n",
            "a = [1, 2]\n", "t = { x = 1 }\n", "k = \"v\"\n");

    private static Gen<String> soup() {
        return lists().of(Generate.pick(PIECES)).ofSizeBetween(0, 40).map(parts -> String.join("", parts));
    }

    @Test
    void arbitraryTextNeverThrowsAndIsDeterministic() {
        qt().withExamples(3000).forAll(strings().allPossible().ofLengthBetween(0, 120).mix(soup(), 70))
                .checkAssert(text -> {
                    ParseOutcome first = TomlFrontEnd.parse(text, LIMITS);
                    ParseOutcome second = TomlFrontEnd.parse(text, LIMITS);
                    assertSame(first, second);
                    assertWellFormed(first, text);
                });
    }

    @Test
    void arbitraryBytesNeverThrowAndAreDeterministic() {
        Gen<byte[]> bytes = Generate.byteArrays(integers().between(0, 200),
                Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        Gen<byte[]> soupBytes = soup().map(s -> s.getBytes(StandardCharsets.UTF_8));
        qt().withExamples(3000).forAll(bytes.mix(soupBytes, 60)).checkAssert(input -> {
            ParseOutcome first = TomlFrontEnd.parse(input, LIMITS);
            ParseOutcome second = TomlFrontEnd.parse(input.clone(), LIMITS);
            assertSame(first, second);
            if (first instanceof ParseOutcome.Parsed parsed) {
                assertWellFormed(first, parsed.text());
            } else {
                assertWellFormed(first, null);
            }
        });
    }

    @Test
    void mutatedCorpusFilesNeverThrow() throws IOException {
        Path dir = SharedFiles.shared("corpus/gitlab-runner");
        List<String> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(f -> f.toString().endsWith(".toml")).sorted().forEach(f -> {
                try {
                    files.add(Files.readString(f, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Gen<String> mutated = Generate.pick(files).zip(integers().between(0, 1_000_000),
                integers().between(0, 20), Generate.pick(PIECES), (text, at, length, piece) -> {
                    int start = at % (text.length() + 1);
                    int end = Math.min(text.length(), start + length);
                    return text.substring(0, start) + piece + text.substring(end);
                });
        LoadLimits limits = LoadLimits.DEFAULTS;
        qt().withExamples(1500).forAll(mutated).checkAssert(text -> {
            ParseOutcome first = TomlFrontEnd.parse(text, limits);
            assertSame(first, TomlFrontEnd.parse(text, limits));
            assertWellFormed(first, text);
        });
    }

    /** The same outcome: equal diagnostics, or equal text, tree, comments, lines and positions. */
    private static void assertSame(ParseOutcome first, ParseOutcome second) {
        assertEquals(first.getClass(), second.getClass());
        if (first instanceof ParseOutcome.Failed failed) {
            assertEquals(failed, second);
            return;
        }
        ParseOutcome.Parsed a = (ParseOutcome.Parsed) first;
        ParseOutcome.Parsed b = (ParseOutcome.Parsed) second;
        assertEquals(a.text(), b.text());
        assertEquals(a.root(), b.root());
        assertEquals(a.comments(), b.comments());
        assertEquals(a.lines(), b.lines());
        List<String> positionsA = new ArrayList<>();
        ((SourcePositionIndex) a.positions()).forEach((path, at) -> positionsA.add(path + "@" + at));
        List<String> positionsB = new ArrayList<>();
        ((SourcePositionIndex) b.positions()).forEach((path, at) -> positionsB.add(path + "@" + at));
        assertEquals(positionsA, positionsB);
    }

    private static void assertWellFormed(ParseOutcome outcome, String text) {
        if (outcome instanceof ParseOutcome.Parsed parsed) {
            List<String> failures = new ArrayList<>();
            PositionIndexTest.check(parsed, "generated", failures);
            assertEquals(List.of(), failures, () -> "for " + text);
            return;
        }
        Diagnostic d = ((ParseOutcome.Failed) outcome).diagnostic();
        assertTrue(d.kind().fatal(), d::toString);
        assertFalse(d.message().isBlank(), d::toString);
        assertFalse(d.message().contains("\n") || d.message().contains("\r"), d::toString);
        assertFalse(d.message().contains("Unknown token") || d.message().contains("Got "), d::toString);
        if (d.kind() != Diagnostic.Kind.LIMIT) {
            Position at = d.position();
            assertNotNull(at, d::toString);
            assertNotNull(d.lineText(), d::toString);
            if (text != null) {
                long lines = text.chars().filter(c -> c == '\n').count() + 1;
                assertTrue(at.line() <= lines, () -> d + " is after the end of " + text);
            }
        }
    }
}
