package io.github.runnerguard.rules.kubernetes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The parsers of untrusted config text never throw, whatever the input (QuickTheories). */
class RobustnessPropertiesTest {

    @Test
    void goRegexTranslationNeverThrows() {
        qt().withExamples(3000).forAll(strings().betweenCodePoints(32, 126).ofLengthBetween(0, 24),
                strings().betweenCodePoints(32, 126).ofLengthBetween(0, 16)).checkAssert((re, input) -> {
                    GoRegex.Result result = GoRegex.compile(re);
                    assertEquals(re, result.source());
                    if (result instanceof GoRegex.Translated t) {
                        try {
                            t.matchString(input);
                            t.unanchoredExample("x-", "-x");
                        } catch (GoRegex.TooComplexException e) {
                            // the budget stopped a pathological pattern, as intended
                        }
                        t.sample().ifPresent(s -> assertTrue(t.matchString(s), re + " does not match its sample"));
                    }
                });
    }

    @Test
    void plainLiteralsMatchThemselvesAnywhere() {
        qt().withExamples(1000).forAll(strings().allPossible().ofLengthBetween(1, 12)).checkAssert(text -> {
            // Pattern.quote writes \Q...\E, which Go's syntax has too
            GoRegex.Result result = GoRegex.compile(Pattern.quote(text));
            if (result instanceof GoRegex.Translated t) {
                assertTrue(t.matchString("prefix" + text + "suffix"), text);
            }
        });
    }

    @Test
    void patchScanningNeverThrows() {
        qt().withExamples(2000).forAll(strings().betweenCodePoints(9, 126).ofLengthBetween(0, 80))
                .checkAssert(text -> {
                    for (String type : new String[] {"json", "merge", "strategic"}) {
                        PatchScanner.Scan scan = PatchScanner.scan(text, type);
                        scan.settings().forEach(PodSecurity::patchViolation);
                    }
                });
    }

    @Test
    void globsNeverThrow() {
        qt().withExamples(2000).forAll(strings().betweenCodePoints(32, 126).ofLengthBetween(0, 20))
                .checkAssert(glob -> DoublestarGlob.matches(glob, "registry.example.invalid/anyone/anything:latest"));
    }
}
