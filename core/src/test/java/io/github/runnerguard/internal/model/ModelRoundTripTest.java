package io.github.runnerguard.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import org.junit.jupiter.api.Test;

/** Property: a generated model rendered to TOML and loaded back is the same model. */
class ModelRoundTripTest {

    @Test
    void aGeneratedModelRenderedAndLoadedBackIsEqual() {
        qt().withFixedSeed(20261127L).withExamples(300).withShrinkCycles(50)
                .forAll(ModelGenerator.specs()).checkAssert(spec -> {
            String toml = TomlRenderer.render(spec);
            RunnerConfig loaded = TestLoads.load(toml);
            assertEquals(List.of(), loaded.diagnostics(), "a rendered model is a clean file");
            Map<String, Object> expected = Map.of("global", ModelTrees.written(spec.global()),
                    "runners", trees(spec.runners()));
            Map<String, Object> actual = Map.of("global", ModelTrees.written(loaded.global()),
                    "runners", trees(loaded.runners()));
            assertEquals(expected, actual, () -> ModelTrees.difference(expected, actual, ""));
            for (int i = 0; i < loaded.runners().size(); i++) {
                assertEquals(i, loaded.runners().get(i).index());
            }
        });
    }

    @Test
    void renderingTheLoadedModelGivesTheSameText() {
        qt().withFixedSeed(7L).withExamples(100).withShrinkCycles(50)
                .forAll(ModelGenerator.specs()).checkAssert(spec -> {
            String toml = TomlRenderer.render(spec);
            RunnerConfig loaded = TestLoads.load(toml);
            String again = TomlRenderer.render(new ModelGenerator.Spec(loaded.global(), loaded.runners()));
            assertEquals(toml, again);
        });
    }

    private static List<Map<String, Object>> trees(List<Runner> runners) {
        List<Map<String, Object>> trees = new ArrayList<>();
        for (Runner runner : runners) {
            trees.add(ModelTrees.written(runner));
        }
        return trees;
    }
}
