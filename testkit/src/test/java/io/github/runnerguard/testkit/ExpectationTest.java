package io.github.runnerguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.RunnerConfig;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The comparison of a loaded model with an expectation reports each kind of difference. */
class ExpectationTest {

    private final GeneratedConfig generated = RunnerConfigGenerator.defaults().withExecutor("docker").maxRunners(1)
            .forcing("docker.privileged", true).generate(21L);
    private final RunnerConfig loaded = generated.load();

    @Test
    void theGeneratedExpectationMatches() {
        assertEquals(List.of(), generated.model().mismatches(loaded));
    }

    @Test
    void aDifferentValueIsReported() {
        List<String> mismatches = changed(value -> value.modelPath().equals("docker.privileged")
                ? new ExpectedValue(value.modelPath(), value.keyPath(), false, true, value.position()) : value)
                .mismatches(loaded);
        assertEquals(1, mismatches.size(), mismatches.toString());
        assertTrue(mismatches.get(0).contains("runners[0].docker.privileged (key runners[0].docker.privileged): "
                + "expected false (Boolean) but was true (Boolean)"), mismatches.toString());
    }

    @Test
    void aDifferentPositionIsReported() {
        List<String> mismatches = changed(value -> value.modelPath().equals("name")
                ? new ExpectedValue("name", value.keyPath(), value.value(), true,
                        new Position(value.line(), value.position().column() + 1)) : value).mismatches(loaded);
        assertEquals(1, mismatches.size(), mismatches.toString());
        assertTrue(mismatches.get(0).contains("expected the key at"), mismatches.toString());
    }

    @Test
    void aDefaultExpectedAsWrittenIsReported() {
        List<String> mismatches = changed(value -> value.modelPath().equals("docker.privileged")
                ? new ExpectedValue(value.modelPath(), value.keyPath(), true, false, null) : value)
                .mismatches(loaded);
        assertTrue(mismatches.get(0).contains("expected a default but it has the position"), mismatches.toString());
    }

    @Test
    void anUnknownAccessorIsReported() {
        List<String> mismatches = changed(value -> value.modelPath().equals("docker.privileged")
                ? new ExpectedValue("docker.priviledged", value.keyPath(), true, true, value.position()) : value)
                .mismatches(loaded);
        assertTrue(mismatches.get(0).contains("the model type DockerSettings has no accessor priviledged()"),
                mismatches.toString());
    }

    @Test
    void sectionsAndRunnerCountsAreCompared() {
        RunnerExpectation runner = generated.model().runners().get(0);
        List<ExpectedSection> sections = new ArrayList<>();
        for (ExpectedSection section : runner.sections()) {
            sections.add(section.modelPath().equals("docker")
                    ? new ExpectedSection("docker", section.keyPath(), true, section.line() + 1)
                    : section.modelPath().equals("ssh") ? new ExpectedSection("ssh", "runners[0].ssh", true, 3)
                    : section);
        }
        RunnerExpectation moved = new RunnerExpectation(0, runner.position(), runner.name(), runner.executor(),
                runner.values(), sections);
        List<String> mismatches = new Expectation(generated.model().global(), List.of(moved, moved))
                .mismatches(loaded);
        assertTrue(mismatches.get(0).contains("expected 2 runners but the model has 1"), mismatches.toString());
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("runners[0].docker (table runners[0].docker): "
                + "expected the table on line")), mismatches.toString());
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("runners[0].ssh (table runners[0].ssh): expected "
                + "present() true but was false")), mismatches.toString());
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> new Expectation(generated.model().global(), List.of(moved, moved)).assertMatches(loaded));
        assertTrue(error.getMessage().startsWith("The loaded model differs from the generated config's expectation"));
    }

    private Expectation changed(java.util.function.UnaryOperator<ExpectedValue> change) {
        RunnerExpectation runner = generated.model().runners().get(0);
        RunnerExpectation changed = new RunnerExpectation(0, runner.position(), runner.name(), runner.executor(),
                runner.values().stream().map(change).toList(), runner.sections());
        return new Expectation(generated.model().global(), List.of(changed));
    }
}
