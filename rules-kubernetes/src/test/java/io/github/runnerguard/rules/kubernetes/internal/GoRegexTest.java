package io.github.runnerguard.rules.kubernetes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoRegexTest {

    private static GoRegex.Translated translated(String re) {
        return assertInstanceOf(GoRegex.Translated.class, GoRegex.compile(re), re);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // MatchString is not anchored
        "ci-.*|prod-ci-x|true",
        "ci-.*|ci-1|true",
        "ci-.*|kube-system|false",
        "^ci-.*$|prod-ci-x|false",
        "^ci-.*$|ci-|true",
        // Go's $ without (?m) is the end of the text, not before a final newline
        "^a$|'a\n'|false",
        "(?m)^a$|'a\nb'|true",
        // . does not match \n unless (?s)
        "^a.b$|'a\nb'|false",
        "(?s)^a.b$|'a\nb'|true",
        // \s does not include \v (vertical tab) in Go
        "^\\s$|'\u000B'|false",
        "^\\s$|' '|true",
        // \v is the vertical tab, not a class
        "^\\v$|'\u000B'|true",
        "^\\v$|'\n'|false",
        // POSIX classes
        "^[[:alpha:]]+$|abc|true",
        "^[[:alpha:]]+$|ab1|false",
        "^[[:^digit:]]+$|ab|true",
        // a { that does not start a repeat is literal
        "^a{,2}$|'a{,2}'|true",
        "^a{2}$|aa|true",
        "^x{2,3}$|xxxx|false",
        // case folding
        "(?i)^KUBE-system$|kube-SYSTEM|true",
        "(?i:a)b|AB|false",
        "(?i:a)b|Ab|true",
        // octal and hex escapes
        "^\\141$|a|true",
        "^\\x61\\x{62}$|ab|true",
        // named groups, both spellings
        "^(?P<ns>ci)-(?<n2>x)$|ci-x|true",
        // character classes with ] first and a trailing -
        "^[]a-]+$|]-a|true",
        "^[^]a]$|b|true",
        // \Q...\E
        "^\\Q.*\\E$|.*|true",
        "^\\Q.*\\E$|ab|false",
        // alternation binds loosest
        "'^a|b$'|xb|true",
        "'^(a|b)$'|xb|false",
        // empty expression matches everything
        "''|anything|true",
        // Unicode categories
        "^\\pL+$|ÄÖ|true",
        "^\\p{^L}$|1|true",
        "^\\p{Greek}$|α|true",
    })
    void matchesLikeGo(String re, String input, boolean expected) {
        assertEquals(expected, translated(re).matchString(input));
    }

    @ParameterizedTest(name = "Go rejects {0}")
    @ValueSource(strings = {"(a)\\1", "(?=a)", "(?!a)", "(?<=a)b", "(?<!a)b", "(?>a)", "a**", "a*+", "a++",
        "*a", "+", "?", "{2}", "a{1001}", "a{3,2}", "[a", "(a", "a)", "\\8", "\\e", "\\Z", "\\h", "\\k<x>",
        "[z-a]", "(?P<x>a)(?P<x>b)", "(?P=x)", "a{2}{3}", "\\x{110000}", "[[:foo:]]", "[\\b]", "\\p{}",
        "(?i-)a", "(?)a", "(?i)*"})
    void rejectsWhatGoRejects(String re) {
        GoRegex.Rejected rejected = assertInstanceOf(GoRegex.Rejected.class, GoRegex.compile(re), re);
        assertTrue(rejected.invalidInGo(), rejected.reason());
    }

    @ParameterizedTest(name = "cannot translate {0}")
    @ValueSource(strings = {"(?U)a+", "\\C", "^\\p{NoSuchScriptXyz}$"})
    void rejectsWhatItCannotTranslate(String re) {
        GoRegex.Rejected rejected = assertInstanceOf(GoRegex.Rejected.class, GoRegex.compile(re), re);
        assertFalse(rejected.invalidInGo(), rejected.reason());
    }

    @Test
    void buildsASampleAndAnUnanchoredExample() {
        GoRegex.Translated ci = translated("ci-.*");
        assertEquals(Optional.of("ci-a"), ci.sample());
        assertEquals(Optional.of("prod-ci-a"), ci.unanchoredExample("prod-", "-x"));
        GoRegex.Translated anchored = translated("^ci-.*$");
        assertEquals(Optional.empty(), anchored.unanchoredExample("prod-", "-x"));
        // start-anchored and open at the end by design: nothing beyond its anchored form
        assertEquals(Optional.empty(), translated("^ci-.*").unanchoredExample("prod-", "-x"));
        // start-anchored but not end-anchored: gitlab-ci-x is accepted
        assertEquals(Optional.of("gitlab-ci-x"), translated("^gitlab-ci").unanchoredExample("prod-", "-x"));
        // an alternation anchored in one branch only
        assertTrue(translated("^a$|b").unanchoredExample("x-", "-x").isPresent());
    }

    @Test
    void pathologicalPatternsDoNotHang() {
        GoRegex.Translated evil = translated("(.*a){12}$");
        org.junit.jupiter.api.Assertions.assertThrows(GoRegex.TooComplexException.class,
                () -> evil.matchString("a".repeat(28) + "!"));
    }
}
