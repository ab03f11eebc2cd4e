package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Position;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The scanners of {@link Redactor} mask exactly what the regular expressions they replaced masked: random texts built
 * from the pieces those expressions look at (secret words in every case, separators, quotes, URL parts, token
 * prefixes, line terminators, non-ASCII letters, combining marks, the Kelvin sign) give the same result from both,
 * with and without known secrets.
 */
class RedactorEquivalenceTest {

    private static final List<String> PIECES = List.of("token", "TOKEN", "Token", "password", "PassWord", "passwd",
            "pass", "PASS", "secret", "private_key", "privatekey", "api_key", "ApiKey", "access_key", "accountKey",
            "credential", "auth_config", "auth", "dsn", "session_key", "client_key", "x", "a", "Z", "9", "_", ".",
            "-", "+", " ", "  ", "\t", "\n", "\r", "\r\n", "\u000b", "=", ":", " = ", ": ", "\"", "'", "{", "}", ",",
            "]", "[", "$", "${", "$X", "true", "False", "null", "NONE", "-1.5", "42", "\u2026", "glrt-", "glrtr-",
            "glpat-", "GR1348941", "gl", "abcd", "abcdef", "https://", "://", "@", "/", "?", "#", "<", ">",
            "\u00e9", "\u0301", "\u212a", "\u0130", "\u2028", "\u0085", "\u00df", "\ud83d\ude00", "ey", "k",
            "hunter2", "s3cr3t-value", "ab", "glrt-abd", "efgh", "hunt", "e");

    /** With secrets that share their first characters and are prefixes of one another, as a fleet's tokens are. */
    private static final List<String> SECRETS = List.of("hunter2", "s3cr3t-value", "ab", "abcd", "token",
            "glrt-abcdef", "x", " ab", "pass word", "glrt-abc", "glrt-abd", "glrt-abcdefgh", "glrt", "glrt-",
            "hunter22", "hunt", "abcdef", "abce");

    private static Gen<String> texts(int maxPieces) {
        return lists().of(arbitrary().pick(PIECES)).ofSizeBetween(0, maxPieces).map(parts -> String.join("", parts));
    }

    private static Gen<List<String>> secrets() {
        return lists().of(integers().between(0, SECRETS.size() - 1)).ofSizeBetween(1, 8)
                .map(indexes -> indexes.stream().map(SECRETS::get).toList());
    }

    @Test
    void maskingWhatLooksSecretIsUnchanged() {
        qt().withExamples(20_000).forAll(texts(24)).checkAssert(text ->
                assertEquals(LegacyRedactor.patterns().redact(text), Redactor.patterns().redact(text), text));
    }

    @Test
    void maskingKnownSecretsIsUnchanged() {
        qt().withExamples(5_000).forAll(secrets(), texts(16)).checkAssert((secrets, text) ->
                assertEquals(LegacyRedactor.of(secrets).redact(text), Redactor.of(secrets).redact(text), text));
    }

    /**
     * With a fleet's worth of secrets (hex keys, {@code glrt-} tokens, some starting beyond ASCII: thousands of
     * distinct first characters), so that the filter of start hashes is large and crowded; texts quote some of them,
     * their first characters and near misses.
     */
    @Test
    void maskingAFleetsSecretsIsUnchanged() {
        List<String> fleet = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String hex = Long.toHexString(0x9E3779B97F4A7C15L * (i + 1)) + Long.toHexString(31L * i + 7);
            fleet.add(i % 7 == 3 ? "\u00e9" + hex : i % 2 == 0 ? "glrt-" + hex : hex);
        }
        Redactor redactor = Redactor.of(fleet);
        LegacyRedactor legacy = LegacyRedactor.of(fleet);
        Gen<String> quoted = integers().between(0, fleet.size() - 1).zip(integers().between(0, 24),
                (i, cut) -> fleet.get(i).substring(0, Math.min(cut, fleet.get(i).length())));
        qt().withExamples(2_000).forAll(texts(8), quoted, texts(8), quoted).checkAssert((a, b, c, d) -> {
            String text = a + b + c + d + " " + d;
            assertEquals(legacy.redact(text), redactor.redact(text), text);
        });
    }

    /** The values an assignment keeps unmasked (booleans, numbers, references, masks) at their edges. */
    @Test
    void valuesThatAreNoSecretAreTheSame() {
        List<String> values = List.of("1", "1.", "-", "-1", "--1", "1.5", "1.5.", ".5", "1e5", "\u0663", "12a",
                "true", "TRUE", "tRuE", "truex", "false", "FALSE", "null", "NULL", "nulls", "none", "NoNe", "non",
                "\u212aey", "$", "$A", "${A", "$A}", "${A}", "${A}}", "${", "$1A", "$_", "${_9}", "$a-b", "[", "[[",
                "\u2026", "x\u2026", "x\u2026y", "\u2026\u2026", "x\u2028\u2026", "x\u0085\u2026", "x\u2029\u2026",
                "x\u000b\u2026", "{x\u2026", "hunter2");
        for (String value : values) {
            for (String text : List.of("password=" + value, "token: " + value, "SECRET = \"" + value + "\"",
                    "api_key='" + value + "' and more", "x " + value + " password:" + value + ",")) {
                assertEquals(LegacyRedactor.patterns().redact(text), Redactor.patterns().redact(text), text);
            }
        }
    }

    @Test
    void secretNamesAndKeysAreUnchanged() {
        qt().withExamples(20_000).forAll(texts(6)).checkAssert(name -> {
            assertEquals(LegacyRedactor.isSecretName(name), Redactor.isSecretName(name), name);
            assertEquals(LegacyRedactor.isSecretKey(name), Redactor.isSecretKey(name), name);
            assertEquals(LegacyRedactor.isSecretKey("runners[0]." + name + "[3]"),
                    Redactor.isSecretKey("runners[0]." + name + "[3]"), name);
        });
    }

    @Test
    void theSecretsCollectedFromAConfigAreUnchanged() {
        qt().withExamples(3_000).forAll(texts(8), texts(8), texts(16)).checkAssert((url, variable, text) -> {
            ConfigTable raw = raw(url, variable);
            String probe = text + " " + url + " " + variable;
            assertEquals(LegacyRedactor.forRaw(raw).redact(probe), Redactor.forRaw(raw).redact(probe),
                    url + " | " + variable + " | " + text);
        });
    }

    /**
     * Keys and fields in any spelling (ASCII case, the Kelvin sign and long s that Unicode folds to ASCII letters, a
     * dotted capital I) decide which values are secret exactly as lower-casing them did.
     */
    @Test
    void keysInAnySpellingMarkTheSameSecrets() {
        List<String> parts = List.of("token", "ToKeN", "TOKEN", "bearer_", "access", "Key", "\u212aey", "secret",
                "pa\u017f\u017fword", "password", "PASSWORD", "plugin_config", "Plugin_Config", "environment",
                "ENVIRONMENT", "machine", "Options", "MachineOptionsWithName", "url", "URL", "clone_", "Url",
                "sentry_dsn", "\u0130", "i", "x", "_", "-");
        Gen<String> keys = lists().of(arbitrary().pick(parts)).ofSizeBetween(1, 3).map(p -> String.join("", p));
        qt().withExamples(5_000).forAll(keys, keys, integers().between(0, 2)).checkAssert((key, field, shape) -> {
            ConfigNode value = switch (shape) {
                case 0 -> text("s3cr3t-value");
                case 1 -> new ConfigArray("a", null, List.of(text("API_TOKEN=s3cr3t-value"),
                        text("https://u:s3cr3t-value@h")));
                default -> text("https://user:s3cr3t-value@host");
            };
            ConfigEntry entry = new ConfigEntry(key, shape == 2 ? null : field, true, new Position(1, 1), value);
            ConfigTable raw = new ConfigTable("", null, List.of(entry));
            String probe = "s3cr3t-value and user:s3cr3t-value";
            assertEquals(LegacyRedactor.forRaw(raw).redact(probe), Redactor.forRaw(raw).redact(probe),
                    key + " | " + field + " | " + shape);
        });
    }

    /** A runner with a URL, an environment entry, a MachineOptions entry and a password of the given texts. */
    private static ConfigTable raw(String url, String variable) {
        List<ConfigEntry> entries = new ArrayList<>();
        entries.add(entry("url", text(url)));
        entries.add(entry("environment", new ConfigArray("e", null, List.of(text(variable), text("K=" + url)))));
        entries.add(entry("machine", new ConfigTable("m", null, List.of(entry("MachineOptions",
                new ConfigArray("o", null, List.of(text(variable + "=" + url))))))));
        entries.add(entry("ssh", new ConfigTable("s", null, List.of(entry("password", text(variable))))));
        return new ConfigTable("", null, List.of(entry("runners", new ConfigArray("runners", null,
                List.of(new ConfigTable("r", null, entries))))));
    }

    private static ConfigEntry entry(String key, ConfigNode value) {
        return new ConfigEntry(key, key, true, new Position(1, 1), value);
    }

    private static ConfigScalar text(String value) {
        return new ConfigScalar("x", new Position(1, 1), value);
    }
}
