package io.github.runnerguard.internal.model;

import java.util.List;
import io.github.runnerguard.config.RunnerConfig;

/** Loads TOML text into the model for tests. */
final class TestLoads {

    /** True when loaded values carry the positions of their keys (false while the binder is a naive stand-in). */
    static final boolean REAL_POSITIONS = false;

    private TestLoads() {
    }

    /** The model of a file of the shared corpus; skips the test when the corpus is absent. */
    static RunnerConfig corpus(String name) {
        try {
            return load(java.nio.file.Files.readString(SharedFiles.require("corpus/gitlab-runner/" + name)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The model of {@code toml}. */
    static RunnerConfig load(String toml) {
        return ModelBuilder.build("test.toml", NaiveTables.parse(toml), List.of(), toml.lines().toList(), List.of());
    }
}
