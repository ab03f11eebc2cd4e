package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.runnerguard.testkit.JsonReportContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code --write-baseline} and {@code --baseline}: the round trip through the command. */
class BaselineCliTest {

    /** A Docker runner with several findings, none privileged. */
    private static final String CONFIG = """
            concurrent = 2

            [[runners]]
              name = "shared-docker"
              url = "https://gitlab.example.com"
              token = "glrt-baselineTestToken123456"
              executor = "docker"
              [runners.docker]
                image = "alpine:3.20"
                privileged = false
                pull_policy = ["if-not-present"]
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static JsonNode findings(Cli.Result result) {
        return JsonReportContract.assertValid(result.out()).get("files").get(0).get("findings");
    }

    @Test
    void baselineWrittenOneKeyChangedOnlyTheNewFindingReported() throws Exception {
        Path config = write("config.toml", CONFIG);
        Path baseline = dir.resolve("ci/runnerguard-baseline.json");
        Cli.Result first = Cli.run("audit", "--format", "json", "--write-baseline", baseline.toString(),
                config.toString());
        int before = findings(first).size();
        assertTrue(before > 0, first.toString());
        assertTrue(Files.isRegularFile(baseline));
        assertEquals(before, tools.jackson.databind.json.JsonMapper.builder().build()
                        .readTree(Files.readString(baseline)).get("findings").size(),
                "every finding is recorded (none is suppressed)");

        // nothing changed: nothing is reported, and the audit passes
        Cli.Result same = Cli.run("audit", "--format", "json", "--baseline", baseline.toString(), config.toString());
        assertEquals(0, findings(same).size(), same.toString());
        assertEquals(0, same.exitCode(), same.toString());
        assertTrue(same.err().contains(before + " known findings left out, 0 new"), same.err());

        // one key changed: the URL to plain HTTP; moved lines and a new comment do not matter
        Files.writeString(config, "# edited\n\n" + CONFIG.replace("https://", "http://"), StandardCharsets.UTF_8);
        Cli.Result changed = Cli.run("audit", "--format", "json", "--baseline", baseline.toString(),
                config.toString());
        JsonNode left = findings(changed);
        assertEquals(1, left.size(), changed.toString());
        assertEquals("runner.url-plaintext", left.get(0).get("ruleId").asString());
        assertEquals(7, left.get(0).get("line").asInt());
        assertTrue(changed.err().contains(before + " known findings left out, 1 new"), changed.err());
        assertFalse(changed.err().contains("no longer occur"), changed.err());
        Cli.Result gate = Cli.run("audit", "--fail-on", "low", "--baseline", baseline.toString(), config.toString());
        assertEquals(1, gate.exitCode(), "the new finding alone fails the audit: " + gate);
    }

    @Test
    void entriesThatNoLongerOccurAreListedOnStandardError() throws Exception {
        Path config = write("config.toml", CONFIG.replace("https://", "http://"));
        Path baseline = dir.resolve("baseline.json");
        assertEquals(0, Cli.run("audit", "--fail-on", "never", "--write-baseline", baseline.toString(),
                config.toString()).exitCode());
        Files.writeString(config, CONFIG, StandardCharsets.UTF_8);
        Cli.Result result = Cli.run("audit", "--baseline", baseline.toString(), config.toString());
        assertTrue(result.err().contains("1 baseline entry no longer occurs"), result.toString());
        assertTrue(result.err().contains("  " + config + " runner \"shared-docker\" runner.url-plaintext url ("),
                result.err());
    }

    @Test
    void aMissingOrBrokenBaselineIsAnError() throws Exception {
        Path config = write("config.toml", CONFIG);
        Cli.Result missing = Cli.run("audit", "--baseline", dir.resolve("nope.json").toString(), config.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("does not exist (write it with --write-baseline)"), missing.toString());
        Path broken = write("broken.json", "{\"schemaVersion\": 7, \"findings\": []}");
        Cli.Result invalid = Cli.run("audit", "--baseline", broken.toString(), config.toString());
        assertEquals(2, invalid.exitCode());
        assertTrue(invalid.err().contains(broken + " is not a baseline: \"schemaVersion\" must be 1"),
                invalid.toString());
        assertEquals("", invalid.out());
    }

    @Test
    void writingABaselineUsesEveryFindingEvenWithABaselineInForce() throws Exception {
        Path config = write("config.toml", CONFIG);
        Path old = dir.resolve("old.json");
        Path renewed = dir.resolve("new.json");
        Cli.run("audit", "--write-baseline", old.toString(), config.toString());
        Cli.run("audit", "--baseline", old.toString(), "--write-baseline", renewed.toString(), config.toString());
        assertEquals(Files.readString(old), Files.readString(renewed));
        assertFalse(Files.readString(renewed).contains("glrt-baselineTestToken"), "no secret in a baseline");
    }
}
