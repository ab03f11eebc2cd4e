package io.github.runnerguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The QuickTheories adapters: options pass through, and failing properties shrink to small configs. */
class RunnerConfigGensTest {

    @Test
    void withExecutorPinsEveryRunner() {
        qt().withFixedSeed(11L).withExamples(100).forAll(RunnerConfigGens.withExecutor("kubernetes"))
                .checkAssert(config -> config.model().runners()
                        .forEach(runner -> assertEquals("kubernetes", runner.executor())));
    }

    @Test
    void configurationMethodsReachTheGenerator() {
        RunnerConfigGens.ConfigGen gen = RunnerConfigGens.configs().withExecutors(List.of("ssh", "virtualbox"))
                .maxRunners(1).forcing("ssh.disableStrictHostKeyChecking", true).omitting("ssh.password");
        qt().withFixedSeed(12L).withExamples(100).forAll(gen).checkAssert(config -> {
            assertEquals(1, config.model().runners().size());
            RunnerExpectation runner = config.model().runners().get(0);
            assertTrue(runner.has("ssh.disableStrictHostKeyChecking", true));
            assertTrue(runner.value("ssh.password").isEmpty());
        });
    }

    @Test
    void aFailingPropertyShrinksToOneRunnerAndFewSettings() {
        // Fails for any config with a privileged Docker runner; the reported config must be a minimal one.
        AssertionError error = assertThrows(AssertionError.class, () -> qt().withFixedSeed(5L).withExamples(400)
                .withShrinkCycles(2000)
                .forAll(RunnerConfigGens.configs())
                .check(config -> config.model().runners().stream()
                        .noneMatch(runner -> runner.has("docker.privileged", true))));
        String message = error.getMessage();
        int others = message.indexOf("Other found falsifying value");
        String reported = message.substring(message.indexOf("Smallest found"), others < 0 ? message.length() : others);
        assertEquals(1, count(reported, "[[runners]]"), message);
        assertTrue(reported.contains("privileged = true") || reported.contains("Privileged = true")
                || reported.contains("PRIVILEGED = true"), message);
        long settings = reported.lines().filter(line -> line.contains(" = ")).count();
        assertTrue(settings <= 7, "expected a small config, got " + settings + " settings:\n" + message);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
