package io.github.runnerguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.load.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The hand-written scans of {@link CoreRuleSupport} read what the code they replaced read: variable references as the
 * pattern {@code \$(\{|[A-Za-z0-9_])} finds them, and feature flags from {@code environment} as the last entry of
 * {@link CoreRuleSupport#environment} with the flag's name.
 */
class CoreRuleSupportScanTest {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$(\\{|[A-Za-z0-9_])");

    private static final List<String> PIECES = List.of("$", "$$", "{", "}", "_", "a", "Z", "0", "9", " ", "-", "=",
            "\u00e9", "\u0663", "\uff10", "FF_X", "FF_Y", "true", "false", "1", "F", "yes", "TRUE", "");

    private static Gen<String> texts(int maxPieces) {
        return lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, maxPieces).map(indexes -> {
            StringBuilder text = new StringBuilder();
            indexes.forEach(i -> text.append(PIECES.get(i)));
            return text.toString();
        });
    }

    @Test
    void variableReferencesAreFoundAsThePatternFindsThem() {
        qt().withExamples(20_000).forAll(texts(10)).checkAssert(text ->
                assertEquals(ENV_REFERENCE.matcher(text).find(), CoreRuleSupport.containsEnvReference(text), text));
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
