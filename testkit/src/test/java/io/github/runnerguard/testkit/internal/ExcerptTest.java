package io.github.runnerguard.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void splitsOnEveryLineEnding() {
        assertEquals(List.of("a", "b", "", "c"), Excerpt.lines("a\nb\r\n\rc"));
        assertEquals(List.of("a"), Excerpt.lines("a\n"));
        assertEquals(List.of(), Excerpt.lines(""));
    }

    @Test
    void showsContextAroundMarksAndElidesTheRest() {
        List<String> lines = List.of("l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "l12");
        Map<Integer, String> marks = new HashMap<>();
        Excerpt.mark(marks, 2, "E");
        Excerpt.mark(marks, 10, "F");
        Excerpt.mark(marks, 10, "E");
        Excerpt.mark(marks, 10, "F");
        assertEquals("""
                f.toml (legend):
                   1    | l1
                   2 E  | l2
                   3    | l3
                   4    | l4
                 ...
                   8    | l8
                   9    | l9
                  10 FE | l10
                  11    | l11
                  12    | l12
                """, Excerpt.render("f.toml", lines, marks, "legend"));
    }

    @Test
    void marksPastTheEndAreShown() {
        Map<Integer, String> marks = new HashMap<>();
        marks.put(5, "E");
        assertEquals("""
                f.toml (x):
                   1   | a
                   5 E | (past the end of the file)
                """, Excerpt.render("f.toml", List.of("a"), marks, "x"));
    }

    @Test
    void withoutMarksTheStartOfTheFile() {
        assertEquals("f.toml:\n   1   | a\n   2   | b\n", Excerpt.render("f.toml", List.of("a", "b"), Map.of(), "x"));
    }
}
