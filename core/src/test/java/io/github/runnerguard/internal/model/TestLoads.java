package io.github.runnerguard.internal.model;

import java.util.List;
import io.github.runnerguard.config.RunnerConfig;

/** Loads TOML text into the model for tests. */
final class TestLoads {

    private TestLoads() {
    }

    /** The model of {@code toml}. */
    static RunnerConfig load(String toml) {
        return ModelBuilder.build("test.toml", NaiveTables.parse(toml), List.of(), toml.lines().toList(), List.of());
    }
}
