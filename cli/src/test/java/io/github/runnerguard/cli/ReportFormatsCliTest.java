package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import io.github.runnerguard.testkit.JsonReportContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code --format FORMAT=FILE}: several reports from one audit, each checked. */
class ReportFormatsCliTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path risky() throws Exception {
        return write("configs/risky.toml", AuditCommandTest.RISKY);
    }

    @Test
    void everyFormatInOneRunTextOnStandardOutput() throws Exception {
        Path config = risky();
        Path out = dir.resolve("reports");
        Cli.Result result = Cli.run("audit", "--source-root", dir.toString(),
                "--format", "sarif=" + out.resolve("runnerguard.sarif"),
                "--format=codequality=" + out.resolve("gl-code-quality.json"),
                "--format", "junit=" + out.resolve("junit.xml"),
                "--format", "html=" + out.resolve("report.html"),
                "--format", "json=" + out.resolve("report.json"),
                "--format", "text", config.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.out().contains(config + ":11:5 high config.type-mismatch"), result.out());

        String sarif = Files.readString(out.resolve("runnerguard.sarif"));
        ReportChecks.assertValidSarif(sarif);
        JsonNode run = MAPPER.readTree(sarif).get("runs").get(0);
        assertTrue(run.get("results").size() >= 2, sarif);
        for (JsonNode each : run.get("results")) {
            JsonNode artifact = each.get("locations").get(0).get("physicalLocation").get("artifactLocation");
            assertEquals("configs/risky.toml", artifact.get("uri").asString());
            assertEquals("%SRCROOT%", artifact.get("uriBaseId").asString());
        }
        assertTrue(run.get("tool").get("driver").get("rules").size() > 20, "every rule is described");

        JsonNode issues = MAPPER.readTree(Files.readString(out.resolve("gl-code-quality.json")));
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode issue : issues) {
            assertEquals("configs/risky.toml", issue.get("location").get("path").asString());
            assertTrue(fingerprints.add(issue.get("fingerprint").asString()));
        }
        assertEquals(run.get("results").size(), issues.size());

        Document junit = ReportChecks.xml(Files.readString(out.resolve("junit.xml")));
        JsonNode json = JsonReportContract.assertValid(Files.readString(out.resolve("report.json")));
        Set<String> failing = new HashSet<>();
        for (JsonNode finding : json.get("files").get(0).get("findings")) {
            String severity = finding.get("severity").asString();
            if (!finding.get("suppressed").asBoolean() && (severity.equals("high") || severity.equals("critical"))) {
                failing.add(finding.get("ruleId").asString() + " " + finding.get("runner"));
            }
        }
        assertTrue(failing.stream().anyMatch(f -> f.startsWith("config.type-mismatch ")), failing.toString());
        assertEquals(String.valueOf(failing.size()), junit.getDocumentElement().getAttribute("failures"),
                "one failing test case per rule and runner with a finding at or above high");
        assertTrue(Integer.parseInt(junit.getDocumentElement().getAttribute("tests")) > 20);

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("config.type-mismatch"));
        JsonReportContract.assertValid(Files.readString(out.resolve("report.json")));
    }

    @Test
    void outputTakesTheFormatWithoutAFile() throws Exception {
        Path config = risky();
        Path json = dir.resolve("out/report.json");
        Path sarif = dir.resolve("out/report.sarif");
        Cli.Result result = Cli.run("audit", "--format", "json", "--output", json.toString(), "--format",
                "sarif=" + sarif, config.toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("", result.out());
        JsonReportContract.assertValid(Files.readString(json));
        ReportChecks.assertValidSarif(Files.readString(sarif));
        Cli.Result single = Cli.run("audit", "-f", "junit", "-o", dir.resolve("single.xml").toString(),
                config.toString());
        assertEquals(1, single.exitCode());
        ReportChecks.xml(Files.readString(dir.resolve("single.xml")));
    }

    @Test
    void badFormatListsAreUsageErrors() throws Exception {
        String config = risky().toString();
        String[][] cases = {
            {"--format", "pdf", config},
            {"--format", "text", "--format", "json", config},
            {"--format", "sarif=", config},
            {"--format", "sarif=" + dir.resolve("a"), "--output", dir.resolve("b").toString(), config},
            {"--format", "sarif=" + dir.resolve("a"), "--format", "json=" + dir.resolve("a"), config},
        };
        String[] messages = {"Unknown format 'pdf' (expected one of text, json, sarif, codequality, junit, html)",
            "Only one --format can go to standard output; give the others a file, e.g. --format json=report.json",
            "--format sarif= names no file",
            "is for the --format without =FILE, and every --format here has its own file",
            "Two reports would be written to"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "audit";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            Cli.Result result = Cli.run(args);
            assertEquals(2, result.exitCode(), result.toString());
            assertTrue(result.err().contains(messages[i]), result.toString());
            assertEquals("", result.out());
        }
        assertFalse(Files.exists(dir.resolve("a")), "nothing is written after a usage error");
    }

    @Test
    void theHelpShowsTheFormats() {
        Cli.Result help = Cli.run("audit", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("text, json, sarif, codequality, junit, html"),
                help.out());
        assertTrue(help.out().contains("--write-baseline"), help.out());
    }
}
