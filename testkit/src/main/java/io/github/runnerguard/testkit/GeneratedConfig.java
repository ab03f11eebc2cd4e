package io.github.runnerguard.testkit;

import java.util.Objects;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.testkit.internal.LoadedConfig;
import org.opentest4j.AssertionFailedError;

/**
 * A generated config.toml and what it must load to.
 *
 * <p>Immutable and thread-safe. {@link #toString()} is the TOML text, so a failing property shows the config.
 *
 * @param toml  the config text
 * @param model what the loaded model must hold
 * @since 0.1.0
 */
public record GeneratedConfig(String toml, Expectation model) {

    /** The source name used by {@link #load()}. */
    public static final String SOURCE = "generated.toml";

    /** Checks the parts. */
    public GeneratedConfig {
        Objects.requireNonNull(toml, "toml");
        Objects.requireNonNull(model, "model");
    }

    /**
     * Loads the text with the production loader, as {@value #SOURCE}.
     *
     * @throws AssertionFailedError when it does not load, with the loader's diagnostics and the text
     */
    public RunnerConfig load() {
        return LoadedConfig.load(toml, SOURCE).config();
    }

    @Override
    public String toString() {
        return toml;
    }
}
