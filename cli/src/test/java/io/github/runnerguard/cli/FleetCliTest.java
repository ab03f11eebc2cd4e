package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.testkit.JsonReportContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Auditing many files at once: cross-file rules, the summary table, progress on a terminal. */
class FleetCliTest {

    private static final String TOKEN = "glrt-copiedToTwoHosts987654321";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String runner(String name, String token, String executor) {
        return """
                [[runners]]
                  name = "%s"
                  url = "https://gitlab.example.com"
                  token = "%s"
                  executor = "%s"
                """.formatted(name, token, executor);
    }

    @Test
    void theSameTokenInFilesUnderDifferentPoliciesIsFoundInEach() throws Exception {
        write("fleet/a/config.toml", runner("host-a", TOKEN, "docker"));
        write("fleet/b/config.toml", runner("host-b", TOKEN, "shell"));
        write("fleet/b/runnerguard.toml", "tenancy = \"dedicated\"\n");
        write("fleet/c/config.toml", runner("host-c", "glrt-someOtherToken11223344", "docker"));
        Cli.Result result = Cli.run("audit", "--format", "json", "--fail-on", "never", dir.resolve("fleet").toString());
        JsonNode report = JsonReportContract.assertValid(result.out());
        List<String> found = new ArrayList<>();
        for (JsonNode file : report.get("files")) {
            for (JsonNode finding : file.get("findings")) {
                if (finding.get("ruleId").asString().equals("runner.token-duplicated")) {
                    found.add(dir.relativize(Path.of(file.get("path").asString())) + " "
                            + finding.get("runner").get("name").asString());
                    assertFalse(finding.get("message").asString().contains(TOKEN));
                }
            }
        }
        assertEquals(List.of("fleet/a/config.toml host-a", "fleet/b/config.toml host-b"), found);
        assertFalse(result.out().contains(TOKEN));
    }

    @Test
    void aFleetAuditEndsWithATablePerFile() throws Exception {
        write("fleet/one.toml", runner("a", "glrt-tokenNumberOne1234567", "docker")
                + runner("b", "glrt-tokenNumberTwo1234567", "shell"));
        write("fleet/two.toml", runner("c", "glrt-tokenNumberThree123456", "kubernetes"));
        write("fleet/broken.toml", "[[runners]\n");
        Cli.Result result = Cli.run("audit", "--no-color", dir.resolve("fleet").toString());
        assertEquals(2, result.exitCode(), result.toString());
        String out = result.out();
        int table = out.indexOf("\nfile ");
        assertTrue(table > 0, out);
        String[] rows = out.substring(table + 1).split("\n");
        assertTrue(rows[0].matches("file +runners +executors +critical +high +medium +low +info +suppressed"),
                rows[0]);
        assertTrue(rows[1].matches(".*broken\\.toml +- +not audited( +-){6}"), rows[1]);
        assertTrue(rows[2].matches(".*one\\.toml +2 +docker, shell( +\\d+){6}"), rows[2]);
        assertTrue(rows[3].matches(".*two\\.toml +1 +kubernetes( +\\d+){6}"), rows[3]);
    }

    @Test
    void progressIsShownOnATerminalForLargeAudits() throws Exception {
        int count = AuditCommand.PROGRESS_THRESHOLD + 5;
        for (int i = 0; i < count; i++) {
            write(String.format("many/c%03d.toml", i), "concurrent = 1\n");
        }
        String many = dir.resolve("many").toString();
        Environment terminal = new Environment(new ByteArrayInputStream(new byte[0]), false, true,
                Clock.systemUTC());
        Cli.Result shown = Cli.runIn(terminal, "audit", "--format", "json", "--fail-on", "never", many);
        assertEquals(0, shown.exitCode(), shown.err());
        assertTrue(shown.err().contains("\rrunnerguard: audited " + count + " of " + count + " files"), shown.err());
        assertTrue(shown.err().endsWith("\r"), "the line is cleared at the end");
        JsonReportContract.assertValid(shown.out());

        Environment pipe = new Environment(new ByteArrayInputStream(new byte[0]), false, false, Clock.systemUTC());
        assertEquals("", Cli.runIn(pipe, "audit", "--format", "json", "--fail-on", "never", many).err(),
                "nothing when standard error is not a terminal");
        Cli.Result few = Cli.runIn(terminal, "audit", "--fail-on", "never", dir.resolve("many/c001.toml").toString());
        assertEquals("", few.err(), "nothing for a few files");
    }
}
