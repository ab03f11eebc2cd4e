package io.github.runnerguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parsing helpers behind the core rules, checked against gitlab-runner's (Go's) behaviour. */
class CoreRuleSupportTest {

    @ParameterizedTest
    @CsvSource({
            "0.0.0.0:9252, true, 0.0.0.0",
            ":9252, true, ''",
            "[::]:9252, true, ::",
            "0.0.0.0, true, 0.0.0.0",
            "[::], true, ::",
            "localhost:9252, true, localhost",
            "10.0.0.5:8093, false, 10.0.0.5",
    })
    void listenHostSplitsLikeGo(String address, boolean portOptional, String host) {
        assertEquals(Optional.of(host), CoreRuleSupport.listenHost(address, portOptional));
    }

    @ParameterizedTest
    @ValueSource(strings = {"::9252", "a:b:c", "[::1", "[::1]x"})
    void listenHostRejectsWhatGoRejects(String address) {
        assertEquals(Optional.empty(), CoreRuleSupport.listenHost(address, true));
    }

    @Test
    void listenHostWithoutPortIsRejectedWhenAPortIsRequired() {
        assertEquals(Optional.empty(), CoreRuleSupport.listenHost("0.0.0.0", false));
        assertEquals(Optional.empty(), CoreRuleSupport.listenHost("[::]", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0.0.0.0", "::", "0::0", "0:0:0:0:0:0:0:0", "::%eth0"})
    void unspecifiedHosts(String host) {
        assertTrue(CoreRuleSupport.isUnspecifiedHost(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.0.0.1", "localhost", "0", "fe80::1", "00.0.0.0x"})
    void specifiedHosts(String host) {
        assertFalse(CoreRuleSupport.isUnspecifiedHost(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1",
            "gitlab.localhost"})
    void loopbackHosts(String host) {
        assertTrue(CoreRuleSupport.isLoopback(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gitlab.example.com", "10.0.0.1", "128.0.0.1", "localhost.example.com", "::2"})
    void nonLoopbackHosts(String host) {
        assertFalse(CoreRuleSupport.isLoopback(host));
    }

    @ParameterizedTest
    @CsvSource({
            "http://gitlab.example.com/, gitlab.example.com",
            "http://user:pass@Gitlab.Example.com:8080/x?y#z, gitlab.example.com",
            "http://[::1]:8080/, ::1",
            "http://127.0.0.1, 127.0.0.1",
    })
    void urlHost(String url, String host) {
        assertEquals(host, CoreRuleSupport.urlHost(url));
    }

    @Test
    void redactUserInfoHidesCredentials() {
        assertEquals("http://***@10.0.0.7/x", CoreRuleSupport.redactUserInfo("http://ci:hunter2@10.0.0.7/x"));
        assertEquals("http://host/a@b", CoreRuleSupport.redactUserInfo("http://host/a@b"));
        assertEquals("http://host", CoreRuleSupport.redactUserInfo("http://host"));
        assertEquals("http://host/p", CoreRuleSupport.redactUserInfo("http://host/p?private_token=glpat-x#frag"));
        assertEquals("http://***@host", CoreRuleSupport.redactUserInfo("http://u:p@host#a@b"));
    }

    @ParameterizedTest
    @CsvSource({"1, true", "t, true", "T, true", "TRUE, true", "true, true", "True, true",
            "0, false", "f, false", "F, false", "FALSE, false", "false, false", "False, false"})
    void parseGoBoolAcceptsWhatGoAccepts(String text, boolean value) {
        assertEquals(Optional.of(value), CoreRuleSupport.parseGoBool(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yes", "no", "tRUE", " true", "2"})
    void parseGoBoolRejectsWhatGoRejects(String text) {
        assertEquals(Optional.empty(), CoreRuleSupport.parseGoBool(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$VAR", "${VAR}", "prefix-$VAR", "$1"})
    void envReferences(String text) {
        assertTrue(CoreRuleSupport.containsEnvReference(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"glrt-abc", "", "cost$", "a $ b"})
    void notEnvReferences(String text) {
        assertFalse(CoreRuleSupport.containsEnvReference(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NPM_TOKEN", "GITHUB_TOKENS", "AWS_SECRET_ACCESS_KEY", "db-password", "SSH_PRIVATE_KEY",
            "MY_API_KEY", "DOCKER_AUTH_CONFIG", "registry.passwd", "GPG_PASSPHRASE", "GOOGLE_CREDENTIALS", "APIKEY"})
    void secretLookingNames(String name) {
        assertTrue(SecretInEnvironmentRule.looksSecret(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FF_MASK_ALL_DEFAULT_TOKENS", "TOKENIZER_THREADS", "PWD", "KEYBOARD", "GIT_DEPTH",
            "CACHE_KEY", "PRIVATE", "ACCESS_LOG"})
    void ordinaryNames(String name) {
        assertFalse(SecretInEnvironmentRule.looksSecret(name));
    }

    @Test
    void closestExecutor() {
        assertEquals("docker-autoscaler", ExecutorUnknownRule.closest("docker+autoscaler"));
        assertEquals("docker", ExecutorUnknownRule.closest("Docker"));
        assertEquals("kubernetes", ExecutorUnknownRule.closest("kubernets"));
        assertNull(ExecutorUnknownRule.closest("podman-on-a-raspberry"));
    }
}
