package io.github.runnerguard.robustness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadLimits;
import io.github.runnerguard.load.LoadResult;

/**
 * Fuzz targets for the loader: whatever the bytes, loading returns a result (never throws), a result without a config
 * carries an error, and every position points into the text.
 *
 * <p>In a normal test run Jazzer replays the committed inputs under
 * {@code src/test/resources/io/github/runnerguard/robustness/LoaderFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class LoaderFuzzTest {

    /** Small limits so the fuzzer reaches them with small inputs. */
    private static final ConfigLoader SMALL = ConfigLoader.withLimits(new LoadLimits(64 * 1024, 16, 8));

    @FuzzTest(maxDuration = "8m")
    void loadBytes(byte[] data) {
        check(ConfigLoader.defaults().load(data, "fuzz.toml"), data.length);
        check(SMALL.load(data, "fuzz.toml"), data.length);
    }

    @FuzzTest(maxDuration = "8m")
    void loadMutatedCorpus(FuzzedDataProvider data) {
        String text = CorpusMutator.mutate(data);
        LoadResult result = ConfigLoader.defaults().load(text, "mutated.toml");
        check(result, text.length());
    }

    static void check(LoadResult result, int length) {
        assertNotNull(result);
        RunnerConfig config = result.config();
        if (config == null) {
            assertFalse(result.loaded());
            assertFalse(result.errors().isEmpty(), () -> "no config and no error: " + result.diagnostics());
        } else {
            assertTrue(result.loaded());
            assertTrue(result.errors().isEmpty(), () -> "a config and fatal errors: " + result.errors());
            config.runners().forEach(runner -> runner.name());
        }
        for (Diagnostic diagnostic : result.diagnostics()) {
            assertNotNull(diagnostic.message());
            assertFalse(diagnostic.message().isBlank(), () -> "blank message: " + diagnostic);
            Position position = diagnostic.position();
            if (position != null) {
                assertTrue(position.line() >= 1 && position.column() >= 1, () -> "bad position " + diagnostic);
                assertTrue(position.line() <= length + 1, () -> "position past the end " + diagnostic);
            }
        }
    }
}
