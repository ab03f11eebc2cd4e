package io.github.runnerguard.internal.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.internal.bind.BindResult;
import io.github.runnerguard.internal.bind.Binder;
import io.github.runnerguard.internal.toml.PositionIndex;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.toml.TomlMapper;
import tools.jackson.dataformat.toml.TomlReadFeature;

/** Loads TOML text into the model for tests: Jackson's tree, the binder, the model builder. */
final class TestLoads {

    /** True when loaded values carry the positions of their keys (false while every key sits at 1:1). */
    static final boolean REAL_POSITIONS = false;

    private static final TomlMapper MAPPER = TomlMapper.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();

    /** Where every key sits: a stand-in until the front end's position index is merged. */
    static final io.github.runnerguard.config.Position POSITION = new io.github.runnerguard.config.Position(1, 1);

    private static final PositionIndex SOMEWHERE = path -> POSITION;

    private TestLoads() {
    }

    /** The model of {@code toml}. */
    static RunnerConfig load(String toml) {
        BindResult bound = Binder.bind((ObjectNode) MAPPER.readTree(toml), SOMEWHERE);
        return ModelBuilder.build("test.toml", bound.raw(), java.util.List.of(), toml.lines().toList(),
                bound.diagnostics());
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
