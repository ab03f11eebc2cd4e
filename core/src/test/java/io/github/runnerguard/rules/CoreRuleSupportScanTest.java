package io.github.runnerguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.load.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The hand-written scans of {@link CoreRuleSupport} read what the code they replaced read: variable references as the
 * pattern {@code \$(\{|[A-Za-z0-9_])} finds them, and feature flags from {@code environment} as the last entry of
 * {@link CoreRuleSupport#environment} with the flag's name; and environment names look secret to
 * {@link SecretInEnvironmentRule} as they did when every name was upper-cased and cut into words.
 */
class CoreRuleSupportScanTest {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$(\\{|[A-Za-z0-9_])");

    private static final List<String> PIECES = List.of("$", "$$", "{", "}", "_", "a", "Z", "0", "9", " ", "-", "=",
            "\u00e9", "\u0663", "\uff10", "FF_X", "FF_Y", "true", "false", "1", "F", "yes", "TRUE", "");

    private static Gen<String> texts(int maxPieces) {
        return lists().of(arbitrary().pick(PIECES)).ofSizeBetween(0, maxPieces).map(parts -> String.join("", parts));
    }

    @Test
    void variableReferencesAreFoundAsThePatternFindsThem() {
        qt().withExamples(20_000).forAll(texts(10)).checkAssert(text ->
                assertEquals(ENV_REFERENCE.matcher(text).find(), CoreRuleSupport.containsEnvReference(text), text));
    }

    private static final List<String> NAME_PIECES = List.of("token", "TOKENS", "Secret", "passwd", "PASSPHRASE",
            "credential", "apikey", "private", "KEY", "api", "Access", "auth", "CONFIG", "ff", "FF", "_", "-", ".",
            "x", "\u00df", "\u0131", "\u017f", "\u212a", "to", "ken", "pass", "word", "FF_", "=");

    @Test
    void environmentNamesLookSecretAsWhenUpperCasedAndCut() {
        qt().withExamples(20_000).forAll(lists().of(arbitrary().pick(NAME_PIECES)).ofSizeBetween(0, 6)
                .map(parts -> String.join("", parts))).checkAssert(name -> {
                    assertEquals(looksSecretAsBefore(name), SecretInEnvironmentRule.looksSecret(name), name);
                    int eq = name.indexOf('=');
                    if (eq >= 0) {
                        assertEquals(looksSecretAsBefore(name.substring(0, eq)),
                                SecretInEnvironmentRule.looksSecret(name, eq), name);
                    }
                });
    }

    /** The reading of environment names before they were read in place. */
    private static boolean looksSecretAsBefore(String name) {
        Set<String> words = Set.of("TOKEN", "TOKENS", "SECRET", "SECRETS", "PASSWORD", "PASSWORDS", "PASSWD",
                "PASSPHRASE", "CREDENTIAL", "CREDENTIALS", "APIKEY");
        Set<String> pairs = Set.of("PRIVATE KEY", "API KEY", "ACCESS KEY", "AUTH CONFIG");
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith("FF_")) {
            return false;
        }
        String previous = null;
        for (String word : upper.split("[_.\\-]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (words.contains(word) || (previous != null && pairs.contains(previous + " " + word))) {
                return true;
            }
            previous = word;
        }
        return false;
    }

    @Test
    void featureFlagsAreReadFromEnvironmentAsTheParsedEntriesSay() {
        qt().withExamples(3_000).forAll(lists().of(texts(6)).ofSizeBetween(0, 5)).checkAssert(entries -> {
            StringBuilder toml = new StringBuilder("[[runners]]\n  name = \"r\"\n  executor = \"shell\"\n"
                    + "  environment = [");
            for (int i = 0; i < entries.size(); i++) {
                toml.append(i == 0 ? "" : ", ").append('"').append(entries.get(i)).append('"');
            }
            toml.append("]\n");
            Runner runner = ConfigLoader.defaults().load(toml.toString(), "t.toml").config().runners().get(0);
            for (String flag : List.of("FF_X", "FF_Y", "FF_X=", "")) {
                assertEquals(fromParsedEnvironment(runner, flag, true), CoreRuleSupport.featureFlag(runner, flag, true),
                        toml + " / " + flag);
            }
        });
    }

    /** The feature flag as read before: the last parsed environment entry of that name, when Go parses its value. */
    private static CoreRuleSupport.FlagSetting fromParsedEnvironment(Runner runner, String name, boolean defaultValue) {
        List<CoreRuleSupport.EnvEntry> environment = CoreRuleSupport.environment(runner);
        for (int i = environment.size() - 1; i >= 0; i--) {
            CoreRuleSupport.EnvEntry entry = environment.get(i);
            if (entry.name().equals(name)) {
                Optional<Boolean> parsed = CoreRuleSupport.parseGoBool(entry.value());
                if (parsed.isPresent()) {
                    return new CoreRuleSupport.FlagSetting(name, parsed.get(), CoreRuleSupport.FlagSource.ENVIRONMENT,
                            entry.path(), entry.position());
                }
                break;
            }
        }
        return new CoreRuleSupport.FlagSetting(name, defaultValue, CoreRuleSupport.FlagSource.DEFAULT,
                CoreRuleSupport.path(runner, "feature_flags." + name), runner.position());
    }
}
