package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import io.github.runnerguard.audit.Runnerguard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands other than audit, and usage errors. */
class CommandLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "audit", "rules", "explain"})
    void everyCommandHasHelpAndVersion(String command) {
        String[] help = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        Cli.Result result = Cli.run(help);
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("Usage: runnerguard" + (command.isEmpty() ? "" : " " + command)),
                result.toString());
        String[] version = command.isEmpty() ? new String[] {"--version"} : new String[] {command, "--version"};
        Cli.Result versionResult = Cli.run(version);
        assertEquals(0, versionResult.exitCode(), versionResult.toString());
        assertEquals("runnerguard " + Runnerguard.version(), versionResult.out().strip());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result result = Cli.run();
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("a command is required"), result.toString());
        assertEquals("", result.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        for (List<String> args : List.of(List.of("audit"), List.of("audit", "--fail-on", "severe", "x.toml"),
                List.of("audit", "--tenancy", "public", "x.toml"), List.of("audit", "--format", "xml", "x.toml"),
                List.of("audit", "--kubernetes-pss", "strict", "x.toml"), List.of("audit", "--bogus", "x.toml"),
                List.of("audit", "-", "-"), List.of("lint"), List.of("explain"), List.of("rules", "--format", "yaml"))) {
            Cli.Result result = Cli.run(args.toArray(String[]::new));
            assertEquals(2, result.exitCode(), args + "\n" + result);
            assertTrue(result.err().startsWith("runnerguard: "), args + "\n" + result);
            assertEquals("", result.out(), args + "\n" + result);
        }
    }

    @Test
    void rulesListsEveryRuleAsTextAndJson() {
        Cli.Result text = Cli.run("rules");
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().contains("config.unknown-key"), text.out());
        assertTrue(text.out().contains("low / low / low"), text.out());
        assertTrue(text.out().contains("engine.rule-failed"), text.out());

        Cli.Result json = Cli.run("rules", "--format", "json");
        assertEquals(0, json.exitCode(), json.toString());
        JsonNode root = JsonMapper.builder().build().readTree(json.out());
        assertEquals(1, root.get("schemaVersion").intValue());
        List<String> ids = root.get("rules").valueStream().map(r -> r.get("id").stringValue()).toList();
        assertTrue(ids.containsAll(List.of("config.ambiguous-key", "config.type-mismatch", "config.unknown-key")),
                ids.toString());
        assertEquals(ids.stream().sorted().toList(), ids);
        JsonNode first = root.get("rules").get(0);
        for (String field : List.of("id", "title", "defaultSeverity", "severityByTenancy", "tenancyNote",
                "description", "remediation", "helpUri", "references", "tags", "aliases", "since")) {
            assertTrue(first.has(field), field + " missing in " + first);
        }
    }

    @Test
    void explainPrintsTheDescriptor() {
        Cli.Result result = Cli.run("explain", "config.type-mismatch");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().startsWith("config.type-mismatch: A value gitlab-runner refuses"), result.out());
        assertTrue(result.out().contains("Why it matters"), result.out());
        assertTrue(result.out().contains("What to do"), result.out());
        assertTrue(result.out().contains("https://docs.gitlab.com/runner/configuration/advanced-configuration/"),
                result.out());

        Cli.Result builtin = Cli.run("explain", "engine.rule-failed");
        assertEquals(0, builtin.exitCode(), builtin.toString());

        Cli.Result unknown = Cli.run("explain", "config.unknwn-key");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("did you mean config.unknown-key?"), unknown.toString());
    }
}
