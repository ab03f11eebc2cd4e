package io.github.runnerguard.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import org.junit.jupiter.api.Test;

/** What {@link DockerRules} remembers of a config answers as reading each runner does, whatever is asked. */
class CoveredRunnersTest {

    private static final List<String> EXECUTORS = List.of("docker", "shell", "docker+machine", "Docker",
            "docker-windows", "kubernetes", "docker-autoscaler", "docker+autoscaler", "");

    private static RunnerConfig config(int shift) {
        StringBuilder toml = new StringBuilder();
        for (int i = 0; i < EXECUTORS.size() + 1; i++) {
            toml.append("[[runners]]\n  name = \"r").append(i).append("\"\n");
            if (i < EXECUTORS.size()) {
                toml.append("  executor = \"").append(EXECUTORS.get((i + shift) % EXECUTORS.size())).append("\"\n");
            }
        }
        return ConfigLoader.defaults().load(toml.toString(), "t.toml").config();
    }

    @Test
    void eachRunnerOfAConfigIsCoveredAsItsExecutorSays() {
        for (int shift = 0; shift < EXECUTORS.size(); shift++) {
            RunnerConfig config = config(shift);
            for (int round = 0; round < 2; round++) {
                for (Runner runner : config.runners()) {
                    assertEquals(DockerRules.applies(runner), DockerRules.applies(config, runner),
                            runner.executor().orElse("(none)"));
                }
            }
        }
    }

    @Test
    void aRunnerOfAnotherConfigIsReadItself() {
        RunnerConfig first = config(0);
        RunnerConfig second = config(1);
        assertTrue(DockerRules.applies(first, first.runners().get(0)));
        // same position, other config: its own executor (shell) decides, not what was remembered of the first
        assertFalse(DockerRules.applies(first, second.runners().get(0)));
        assertTrue(DockerRules.applies(first, second.runners().get(1)));
        assertFalse(DockerRules.applies(second, first.runners().get(1)));
    }
}
