package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Position;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static ConfigEntry entry(String key, ConfigNode value) {
        return new ConfigEntry(key, key, true, new Position(1, 1), value);
    }

    private static ConfigScalar text(String value) {
        return new ConfigScalar("x", new Position(1, 1), value);
    }

    private static ConfigTable table(ConfigEntry... entries) {
        return new ConfigTable("x", null, List.of(entries));
    }

    static ConfigTable rawWithSecrets() {
        ConfigTable s3 = table(entry("AccessKey", text("AKIAEXAMPLE")), entry("SecretKey", text("wJalrXUtnFEMI")),
                entry("BucketName", text("cache-bucket")));
        ConfigTable cache = table(entry("s3", s3));
        ConfigTable ssh = table(entry("user", text("deploy")), entry("password", text("hunter22")));
        ConfigTable plugin = table(entry("plugin_config", table(entry("anything", text("cloud-key-123")))));
        ConfigTable runner = table(
                entry("name", text("shared")),
                entry("url", text("https://ci-user:url-pass-42@gitlab.example.com")),
                entry("token", text("glrt-abcdefghijklmnop")),
                entry("environment", new ConfigArray("e", null, List.of(text("API_TOKEN=env-secret-1"),
                        text("LANG=C.UTF-8")))),
                entry("cache", cache), entry("ssh", ssh), entry("autoscaler", plugin),
                entry("machine", table(entry("MachineOptions", new ConfigArray("m", null, List.of(
                        text("amazonec2-secret-key=machine-secret-9"), text("amazonec2-region=eu-west-1")))))),
                entry("kubernetes", table(entry("bearer_token", text("eyJhbGciOi.bearer")))),
                entry("short", table(entry("password", text("ab")))));
        return new ConfigTable("", null, List.of(new ConfigEntry("runners", "runners", true, new Position(1, 1),
                new ConfigArray("runners", null, List.of(runner)))));
    }

    @Test
    void masksEveryValueOfASecretBearingKey() {
        Redactor redactor = Redactor.forRaw(rawWithSecrets());
        for (String secret : List.of("AKIAEXAMPLE", "wJalrXUtnFEMI", "hunter22", "cloud-key-123", "url-pass-42",
                "env-secret-1", "machine-secret-9", "eyJhbGciOi.bearer", "glrt-abcdefghijklmnop")) {
            String masked = redactor.redact("value [" + secret + "] here");
            assertFalse(masked.contains(secret), masked);
            assertTrue(masked.contains("\u2026"), masked);
        }
        assertEquals("token glrt-\u2026 of runner shared", redactor.redact("token glrt-abcdefghijklmnop of runner shared"));
        assertEquals("bucket cache-bucket in eu-west-1, LANG=C.UTF-8",
                redactor.redact("bucket cache-bucket in eu-west-1, LANG=C.UTF-8"), "what is not secret stays");
        assertEquals("password \u2026, and about", redactor.redact("password ab, and about"),
                "a short secret is masked only as a whole word");
    }

    @Test
    void masksWhatLooksSecretWithoutKnowingTheConfig() {
        Redactor redactor = Redactor.patterns();
        assertEquals("runner glrt-\u2026 failed", redactor.redact("runner glrt-t3_Zx9yAbCdEfGhIjKl failed"));
        assertEquals("clone https://\u2026@gitlab.example.com/group/p.git",
                redactor.redact("clone https://oauth2:tok3n@gitlab.example.com/group/p.git"));
        assertEquals("line: password = \"\u2026\"", redactor.redact("line: password = \"hunter2\""));
        assertEquals("DOCKER_AUTH_CONFIG=\u2026", redactor.redact("DOCKER_AUTH_CONFIG={\"auths\":{}}")
                .replaceAll("\u2026.*", "\u2026"));
        assertEquals("FF_MASK_ALL_DEFAULT_TOKENS = false", redactor.redact("FF_MASK_ALL_DEFAULT_TOKENS = false"),
                "booleans are not secrets");
        assertEquals("token = \"$RUNNER_TOKEN\"", redactor.redact("token = \"$RUNNER_TOKEN\""),
                "environment references are not secrets");
        assertEquals("", redactor.redact(null));
    }

    @Test
    void masksKeepOnlyAWellKnownPrefix() {
        assertEquals("glrt-\u2026", Redactor.mask("glrt-anything"));
        assertEquals("glpat-\u2026", Redactor.mask("glpat-xyz"));
        assertEquals("\u2026", Redactor.mask("plain-secret"));
        assertEquals("\u2026", Redactor.mask("glrt-"));
        assertTrue(Redactor.isSecretKey("runners[0].cache.s3.SecretKey"));
        assertTrue(Redactor.isSecretKey("token"));
        assertFalse(Redactor.isSecretKey("runners[0].token_expires_at"));
        assertTrue(Redactor.isSecretName("DOCKER_AUTH_CONFIG"));
        assertFalse(Redactor.isSecretName("LANG"));
    }

    @Test
    void combinesTheSecretsOfTwoRedactors() {
        Redactor both = Redactor.of(List.of("first-secret")).and(Redactor.of(List.of("second-secret")));
        assertEquals("\u2026 \u2026", both.redact("first-secret second-secret"));
    }

    @Test
    void masksAssignmentsToNamesWithSeveralSecretWordsDotsAndDashes() {
        Redactor redactor = Redactor.patterns();
        assertEquals("my.api-key.token_password = \u2026", redactor.redact("my.api-key.token_password = hunter2"));
        assertEquals("SECRET_TOKEN_PASSWORD:\u2026 next", redactor.redact("SECRET_TOKEN_PASSWORD:hunter2 next"));
        assertEquals("--access-key.secret.token='\u2026'", redactor.redact("--access-key.secret.token='abc.def'"));
        assertEquals("a.b-c.credential.x-y=\u2026, d", redactor.redact("a.b-c.credential.x-y=v4lue, d"));
        assertEquals("..token=\u2026", redactor.redact("..token=abc"), "the name starts at its first word boundary");
        assertEquals("token.password=true, api_key.auth_config=${KEY}",
                redactor.redact("token.password=true, api_key.auth_config=${KEY}"), "not secrets");
        assertEquals("token = \u2026 and secret.key: \u2026",
                redactor.redact("token = glpat_ish and secret.key: abc"), "each assignment on its own");
        assertEquals("password.tokens=\u2026", redactor.redact("password.tokens={\"a\": 1}"),
                "a brace value runs to the end of the line");
        assertEquals("tokenize: \u2026, passport=x", redactor.redact("tokenize: off, passport=x"),
                "a word inside a longer name counts; pass alone does not");
    }

    @Test
    void masksEachOfAFleetsTokensThatShareTheirFirstCharacters() {
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            tokens.add("tok-" + Integer.toString(i * 7919, 36));
        }
        Redactor redactor = Redactor.of(tokens);
        for (int i = 0; i < 10_000; i += 97) {
            String token = tokens.get(i);
            assertEquals("runner " + i + " uses \u2026 here", redactor.redact("runner " + i + " uses " + token + " here"));
            assertEquals("\u2026x", redactor.redact(token + "x"), "the token is masked, what follows it is kept");
        }
        assertEquals("tok- and tok-!", redactor.redact("tok- and tok-!"), "a shared prefix alone is no token");
    }

    @Test
    void longHostileTextsAreRedactedInLinearTime() {
        List<String> hostile = List.of(
                "token".repeat(400_000),
                "a.".repeat(1_000_000),
                "a-token-".repeat(250_000) + " x",
                "token.password-".repeat(130_000) + " ",
                "x.".repeat(1_000_000) + "://",
                "a.b://".repeat(300_000) + "u@h",
                "glrt-ab ".repeat(250_000),
                "password=" + "x".repeat(2_000_000),
                "token ".repeat(300_000) + "=" + " ".repeat(300_000),
                "\u00e9.".repeat(500_000) + "token=x");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String text : hostile) {
                String masked = Redactor.of(List.of("secret-value")).redact(text);
                assertTrue(masked.length() <= text.length(), "masking never makes a text longer here");
            }
        });
    }
}
