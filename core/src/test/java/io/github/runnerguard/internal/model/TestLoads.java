package io.github.runnerguard.internal.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;

/** Loads TOML text into the model for tests, through the public loader. */
final class TestLoads {

    private TestLoads() {
    }

    /** The model of {@code toml}; fails the test when the text does not load. */
    static RunnerConfig load(String toml) {
        LoadResult result = ConfigLoader.defaults().load(toml, "test.toml");
        if (result.config() == null) {
            throw new AssertionError("did not load: " + result.errors() + "\n" + toml);
        }
        return result.config();
    }

    /** The model of a file of the shared corpus; skips the test when the corpus is absent. */
    static RunnerConfig corpus(String name) {
        try {
            return load(Files.readString(SharedFiles.require("corpus/gitlab-runner/" + name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
