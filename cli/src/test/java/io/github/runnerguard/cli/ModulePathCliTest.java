package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the command as named modules in a child JVM ({@code java --module-path ... -m io.github.runnerguard.cli/...}):
 * core's {@code uses} and every module's {@code provides} must hold up without the class path.
 */
class ModulePathCliTest {

    @Test
    void theCommandRunsOnTheModulePath() throws Exception {
        List<String> modulePath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            boolean ours = normalized.matches(".*/(core|cli|rules-[a-z-]+)/target/classes/?")
                    || normalized.matches(".*/runnerguard-(core|cli|rules-[a-z-]+)-[^/]*\\.jar");
            boolean runtimeDependency = normalized.matches(".*/(jackson-[a-z-]+|picocli|jspecify)-[^/]*\\.jar");
            if (ours || runtimeDependency) {
                modulePath.add(entry);
            }
        }
        assertTrue(modulePath.stream().anyMatch(p -> p.replace('\\', '/').contains("/cli/")), modulePath.toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--module-path", String.join(File.pathSeparator, modulePath),
                "-m", "io.github.runnerguard.cli/io.github.runnerguard.cli.Main", "rules", "--format", "json"));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + out + err);
        for (String id : Arrays.asList("config.ambiguous-key", "config.type-mismatch", "config.unknown-key")) {
            assertTrue(out.contains("\"id\": \"" + id + "\""), out + err);
        }
        assertEquals("", err, "no discovery problem on the module path");
    }
}
