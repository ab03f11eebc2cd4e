package io.github.runnerguard.audit;

import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;

/** Configs for engine tests, loaded from TOML text by the real loader. */
final class TestConfigs {

    private TestConfigs() {
    }

    static RunnerConfig load(String toml) {
        return load(toml, "config.toml");
    }

    static RunnerConfig load(String toml, String source) {
        LoadResult result = ConfigLoader.defaults().load(toml, source);
        if (result.config() == null) {
            throw new IllegalArgumentException("not loadable: " + result.diagnostics());
        }
        return result.config();
    }
}
