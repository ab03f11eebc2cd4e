package io.github.runnerguard.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;
import org.junit.jupiter.api.Test;

/** Properties of the whole loader: deterministic, and a result rather than an exception for any text. */
class LoaderPropertiesTest {

    private static final ConfigLoader LOADER = ConfigLoader.defaults();

    /** Characters a mutation inserts: TOML punctuation, quotes, escapes, case changes and line breaks. */
    private static final String NOISE = "[]{}=.,\"'\\#\n \tPRIVILEGED_-0129eE+:TZ";

    @Test
    void loadingIsDeterministic() {
        qt().withFixedSeed(11L).withExamples(100).withShrinkCycles(50)
                .forAll(ModelGenerator.specs()).checkAssert(spec -> {
            String toml = TomlRenderer.render(spec);
            LoadResult first = LOADER.load(toml, "a.toml");
            LoadResult second = LOADER.load(toml, "a.toml");
            assertEquals(first, second);
            assertEquals(first, LOADER.load(toml.getBytes(StandardCharsets.UTF_8), "a.toml"));
            assertEquals(first.hashCode(), second.hashCode());
        });
    }

    @Test
    void everyCorpusFileLoadsTheSameTwice() throws IOException {
        Path corpus = SharedFiles.require("corpus/gitlab-runner");
        try (Stream<Path> files = Files.list(corpus)) {
            List<Path> tomls = files.filter(f -> f.toString().endsWith(".toml")).sorted().toList();
            int loaded = 0;
            for (Path file : tomls) {
                LoadResult first = LOADER.load(file);
                assertEquals(first, LOADER.load(file), file.toString());
                loaded += first.loaded() ? 1 : 0;
            }
            System.out.printf("corpus: %d files, %d loaded, %d not TOML%n", tomls.size(), loaded,
                    tomls.size() - loaded);
        }
    }

    @Test
    void mutatedFilesGiveAResultNeverAnException() {
        qt().withFixedSeed(13L).withExamples(300).withShrinkCycles(20)
                .forAll(ModelGenerator.specs(),
                        lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 8))
                .checkAssert((spec, edits) -> {
                    StringBuilder text = new StringBuilder(TomlRenderer.render(spec));
                    for (int edit : edits) {
                        int at = text.length() == 0 ? 0 : edit % text.length();
                        char noise = NOISE.charAt(edit % NOISE.length());
                        switch (edit % 3) {
                            case 0 -> text.insert(at, noise);
                            case 1 -> {
                                if (text.length() > 0) {
                                    text.deleteCharAt(at);
                                }
                            }
                            default -> {
                                if (text.length() > 0) {
                                    text.setCharAt(at, noise);
                                }
                            }
                        }
                    }
                    String toml = text.toString();
                    LoadResult result = LOADER.load(toml, "mutated.toml");
                    assertNotNull(result);
                    assertEquals(result, LOADER.load(toml, "mutated.toml"));
                });
    }
}
