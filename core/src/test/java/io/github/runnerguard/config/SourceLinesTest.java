package io.github.runnerguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.runnerguard.internal.toml.ParseOutcome;
import io.github.runnerguard.internal.toml.TomlFrontEnd;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadLimits;
import io.github.runnerguard.load.LoadResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** {@link SourceLines}: the same lines as the front end serves, without a string per line. */
class SourceLinesTest {

    private static final List<String> PIECES = List.of("a", "key = \"v\"", " ", "\n", "\r\n", "\r", "\r\r\n", "é",
            "\uD83D\uDE00", "\n\n", "# c", "[[runners]]", "\t");

    private static Gen<String> texts() {
        return lists().of(Generate.pick(PIECES)).ofSizeBetween(0, 30).map(parts -> String.join("", parts));
    }

    /** The lines as written in words: split at LF, drop a CR before it, no empty line after a final LF. */
    private static List<String> reference(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(text.substring(start, end));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    @Test
    void splitsAtLfAndCrLfOnly() {
        assertEquals(List.of(), SourceLines.of(""));
        assertEquals(List.of(""), SourceLines.of("\n"));
        assertEquals(List.of("a"), SourceLines.of("a"));
        assertEquals(List.of("a"), SourceLines.of("a\n"));
        assertEquals(List.of("a"), SourceLines.of("a\r\n"));
        assertEquals(List.of("a", ""), SourceLines.of("a\n\n"));
        assertEquals(List.of("a\r"), SourceLines.of("a\r"));
        assertEquals(List.of("a\rb", "", "c"), SourceLines.of("a\rb\r\n\nc"));
        assertEquals(List.of("\r"), SourceLines.of("\r\r\n"));
    }

    @Test
    void anyTextGivesTheReferenceLines() {
        qt().withExamples(2000).forAll(texts()).checkAssert(text -> {
            SourceLines lines = SourceLines.of(text);
            List<String> expected = reference(text);
            assertEquals(expected, lines);
            assertEquals(expected.hashCode(), lines.hashCode());
            assertEquals(expected.size(), lines.size());
        });
    }

    @Test
    void anyTextGivesTheFrontEndsLines() {
        qt().withExamples(2000).forAll(texts()).checkAssert(text -> {
            ParseOutcome outcome = TomlFrontEnd.parse(text, LoadLimits.DEFAULTS);
            if (outcome instanceof ParseOutcome.Parsed parsed) {
                assertEquals(parsed.lines(), SourceLines.of(parsed.text()));
            }
        });
    }

    @Test
    void loadedConfigKeepsTheViewAndItsLines() {
        String text = "\uFEFF[[runners]]\r\n  name = \"a\" # c\r\n  executor = \"shell\"\n";
        LoadResult result = ConfigLoader.defaults().load(text, "x.toml");
        RunnerConfig config = result.config();
        assertTrue(config != null, result.diagnostics().toString());
        assertTrue(config.lines() instanceof SourceLines);
        assertEquals(List.of("[[runners]]", "  name = \"a\" # c", "  executor = \"shell\""), config.lines());
        RunnerConfig copy = new RunnerConfig(config.source(), config.global(), config.runners(), config.raw(),
                config.comments(), config.lines(), config.diagnostics());
        assertSame(config.lines(), copy.lines());
        assertEquals(config, copy);
    }

    @Test
    void isUnmodifiableAndChecksIndexes() {
        SourceLines lines = SourceLines.of("a\nb\n");
        assertThrows(UnsupportedOperationException.class, () -> lines.add("c"));
        assertThrows(UnsupportedOperationException.class, () -> lines.set(0, "c"));
        assertThrows(IndexOutOfBoundsException.class, () -> lines.get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> lines.get(-1));
        assertFalse(lines.toString().contains("a"), "no text in toString");
    }
}
