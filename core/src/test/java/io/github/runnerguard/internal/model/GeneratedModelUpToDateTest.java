package io.github.runnerguard.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The committed model is what {@code tools/generate-model.py} makes of the schema reference today. */
class GeneratedModelUpToDateTest {

    @Test
    void generatorFindsNothingToChange() throws IOException, InterruptedException {
        Path schema = SharedFiles.require("reference/config-schema.md");
        Path script = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && script == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools/generate-model.py");
            script = Files.isRegularFile(candidate) ? candidate : null;
        }
        Assumptions.assumeTrue(script != null, "tools/generate-model.py is absent; skipping");
        Process process;
        try {
            process = new ProcessBuilder("python3", script.toString(), "--check", "--schema", schema.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not available (" + e.getMessage() + "); skipping");
            throw e;
        }
        boolean done = process.waitFor(2, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(done, "the generator did not finish in time; skipping");
        assertEquals(0, process.exitValue(), () -> "the generated model is out of date with " + schema
                + "; run python3 tools/generate-model.py:\n" + output);
    }
}
