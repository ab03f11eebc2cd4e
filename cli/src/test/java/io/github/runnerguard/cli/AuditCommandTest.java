package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.audit.RuleRegistry;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.testkit.JsonReportContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code runnerguard audit} on files, directories and standard input; every JSON output is checked. */
class AuditCommandTest {

    static final String CLEAN = """
            concurrent = 1

            [[runners]]
              name = "clean"
              url = "https://gitlab.example.com"
              token = "glrt-cleanTokenValue123456"
              executor = "docker"
            """;

    /** An unknown key close to a security setting (medium) and a mistyped value (high). */
    static final String RISKY = """
            concurrent = 1

            [[runners]]
              name = "risky"
              url = "https://gitlab.example.com"
              token = "glrt-riskyTokenValue123456"
              executor = "docker"
              [runners.docker]
                image = "alpine:3.20"
                privilegd = false
                tls_verify = "yes"
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs the arguments as text, then again with --format json, checks the JSON and that both exit alike. */
    private Cli.Result audit(String stdin, String... args) {
        Cli.Result text = Cli.runWithInput(stdin, args);
        List<String> jsonArgs = new ArrayList<>(List.of(args));
        jsonArgs.add(1, "--format");
        jsonArgs.add(2, "json");
        Cli.Result json = Cli.runWithInput(stdin, jsonArgs.toArray(String[]::new));
        assertEquals(text.exitCode(), json.exitCode(), "text and JSON runs differ:\n" + text + "\n" + json);
        if (json.exitCode() != 2 || json.out().startsWith("{")) {
            JsonReportContract.assertValid(json.out());
        }
        return text;
    }

    /** A policy that leaves only the config.* rules enabled, so these tests do not depend on the rules modules. */
    static String onlyConfigRules() {
        StringBuilder policy = new StringBuilder();
        for (RuleDescriptor descriptor : RuleRegistry.discover().descriptors()) {
            if (!descriptor.family().equals("config")) {
                policy.append("[rules.\"").append(descriptor.id()).append("\"]\nenabled = false\n");
            }
        }
        return policy.toString();
    }

    private String onlyConfig() throws Exception {
        return write("only-config.toml", onlyConfigRules()).toString();
    }

    private JsonNode json(String stdin, String... args) {
        List<String> jsonArgs = new ArrayList<>(List.of(args));
        jsonArgs.add(1, "--format");
        jsonArgs.add(2, "json");
        Cli.Result result = Cli.runWithInput(stdin, jsonArgs.toArray(String[]::new));
        return JsonReportContract.assertValid(result.out());
    }

    @Test
    void aCleanFileExitsWithZero() throws Exception {
        Path file = write("clean.toml", CLEAN);
        Cli.Result result = audit("", "audit", "--policy", onlyConfig(), file.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains(file + "\n  no findings"), result.out());
        assertTrue(result.out().endsWith("0 critical, 0 high, 0 medium, 0 low, 0 info; 0 suppressed; 0 errors; "
                + "1 file audited\n"), result.out());
        assertEquals("", result.err());
    }

    @Test
    void findingsAtOrAboveFailOnExitWithOne() throws Exception {
        Path file = write("risky.toml", RISKY);
        String policy = onlyConfig();
        Cli.Result result = audit("", "audit", "--policy", policy, file.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains("  runner \"risky\" (#0)\n"), result.out());
        assertTrue(result.out().contains(file + ":10:5 medium config.unknown-key "), result.out());
        assertTrue(result.out().contains(file + ":11:5 high config.type-mismatch "), result.out());

        assertEquals(0, audit("", "audit", "--policy", policy, "--fail-on", "critical", file.toString()).exitCode());
        assertEquals(0, audit("", "audit", "--policy", policy, "--fail-on", "never", file.toString()).exitCode());
        assertEquals(1, audit("", "audit", "--policy", policy, "--fail-on", "medium", file.toString()).exitCode());

        JsonNode report = json("", "audit", "--policy", policy, file.toString());
        JsonNode unknown = report.get("files").get(0).get("findings").get(0);
        assertEquals("config.unknown-key", unknown.get("ruleId").stringValue());
        assertEquals("medium", unknown.get("severity").stringValue());
        assertEquals("risky", unknown.get("runner").get("name").stringValue());
        assertEquals(10, unknown.get("line").intValue());
        assertEquals(5, unknown.get("column").intValue());
        assertEquals("runners[0].docker.privilegd", unknown.get("key").stringValue());
    }

    @Test
    void standardInputIsAuditedAsStdin() throws Exception {
        String policy = onlyConfig();
        Cli.Result result = audit(RISKY, "audit", "--policy", policy, "-");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains("<stdin>:11:5 high config.type-mismatch"), result.out());
        JsonNode report = json(RISKY, "audit", "--policy", policy, "-");
        assertEquals("<stdin>", report.get("files").get(0).get("path").stringValue());
    }

    @Test
    void aDirectoryMeansEveryTomlBelowItUnderThePolicyNextToEachFile() throws Exception {
        write("fleet/a.toml", CLEAN);
        write("fleet/sub/b.toml", RISKY);
        write("fleet/notes.txt", "not a config");
        write("fleet/runnerguard.toml", onlyConfigRules());
        write("fleet/sub/runnerguard.toml", onlyConfigRules() + """
                [[waivers]]
                rule = "config.type-mismatch"
                reason = "fixed in the next deploy"
                """);
        Cli.Result result = audit("", "audit", dir.resolve("fleet").toString());
        assertEquals(0, result.exitCode(), "the waiver in sub/runnerguard.toml covers the only high finding\n"
                + result);
        JsonNode report = json("", "audit", dir.resolve("fleet").toString());
        List<String> paths = new ArrayList<>();
        report.get("files").forEach(f -> paths.add(f.get("path").stringValue()));
        assertEquals(List.of(dir.resolve("fleet/a.toml").toString(), dir.resolve("fleet/sub/b.toml").toString()),
                paths);
        JsonNode waived = report.get("files").get(1).get("findings").get(1);
        assertTrue(waived.get("suppressed").booleanValue());
        assertEquals("fixed in the next deploy", waived.get("suppressionReason").stringValue());
        assertEquals(1, report.get("summary").get("suppressed").intValue());
    }

    @Test
    void filesThatCannotBeAuditedExitWithTwo() throws Exception {
        Path broken = write("broken.toml", "concurrent = 1\n[[runners]\nname = \"x\"\n");
        Path clean = write("clean.toml", CLEAN);
        Cli.Result result = audit("", "audit", broken.toString(), clean.toString());
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.out().contains(broken + " (not audited)"), result.out());
        JsonNode report = json("", "audit", broken.toString(), clean.toString());
        JsonNode file = report.get("files").get(0);
        assertFalse(file.get("audited").booleanValue());
        assertEquals(2, file.get("errors").get(0).get("line").intValue());
        assertTrue(report.get("files").get(1).get("audited").booleanValue());

        Cli.Result missing = audit("", "audit", dir.resolve("missing.toml").toString());
        assertEquals(2, missing.exitCode(), missing.toString());
        Cli.Result empty = Cli.run("audit", Files.createDirectories(dir.resolve("empty")).toString());
        assertEquals(2, empty.exitCode(), empty.toString());
        assertTrue(empty.err().contains("no *.toml file under"), empty.toString());
    }

    @Test
    void anInvalidPolicyIsAUsageError() throws Exception {
        Path file = write("clean.toml", CLEAN);
        Path policy = write("policy.toml", "tenancy = \"shared\"\nfail_on = \"high\"\n");
        Cli.Result result = Cli.run("audit", "--policy", policy.toString(), file.toString());
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains(policy + ":2:1: unknown key fail_on (did you mean fail-on?)"),
                result.toString());
        assertEquals("", result.out());
    }

    @Test
    void thePolicyFailOnAppliesUnlessTheCommandLineSaysOtherwise() throws Exception {
        Path file = write("risky.toml", RISKY);
        Path policy = write("policy.toml", "fail-on = \"critical\"\n" + onlyConfigRules());
        assertEquals(0, audit("", "audit", "--policy", policy.toString(), file.toString()).exitCode());
        assertEquals(1, audit("", "audit", "--policy", policy.toString(), "--fail-on", "high", file.toString())
                .exitCode());
    }

    @Test
    void theReportGoesToTheOutputFile() throws Exception {
        Path file = write("risky.toml", RISKY);
        Path output = dir.resolve("reports/out.json");
        Cli.Result result = Cli.run("audit", "--format", "json", "--output", output.toString(), file.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("", result.out());
        JsonReportContract.assertValid(Files.readString(output));
    }

    @Test
    void colourOnlyOnATerminal() throws Exception {
        Path file = write("risky.toml", RISKY);
        Cli.Result terminal = Cli.runWithInput(new byte[0], true, "audit", file.toString());
        assertTrue(terminal.out().contains("\u001b["), terminal.toString());
        Cli.Result plain = Cli.runWithInput(new byte[0], true, "audit", "--no-color", file.toString());
        assertFalse(plain.out().contains("\u001b["), plain.toString());
        Cli.Result json = Cli.runWithInput(new byte[0], true, "audit", "--format", "json", file.toString());
        assertFalse(json.out().contains("\u001b["), json.toString());
    }

    @Test
    void theShippedExamplesAreAudited() {
        Path examples = projectRoot().resolve("examples");
        for (String name : List.of("shared-docker.toml", "kubernetes.toml", "shell.toml")) {
            Cli.Result result = audit("", "audit", examples.resolve(name).toString());
            assertTrue(result.exitCode() == 0 || result.exitCode() == 1, name + "\n" + result);
            assertTrue(result.out().contains(" audited"), result.out());
            assertFalse(result.out().contains("glrt-t3_ExampleTokenDoNotUse1234"), "a token leaked: " + result);
        }
    }

    static Path projectRoot() {
        Path current = Path.of("").toAbsolutePath();
        while (current != null && !Files.exists(current.resolve("bom/pom.xml"))) {
            current = current.getParent();
        }
        if (current == null) {
            throw new IllegalStateException("project root not found above " + Path.of("").toAbsolutePath());
        }
        return current;
    }
}
