package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows that a rule written outside Runnerguard, the {@code examples/custom-rule} module, is picked up by the
 * command once its classes are on the class path: {@code runnerguard rules} lists it and {@code runnerguard audit}
 * applies it. Runs the command in a child JVM with the cli's test class path, with and without the example.
 */
class ExternalRuleCliTest {

    private static final String RULE_ID = "acme.image-registry";

    /** One Docker runner whose only image comes from Docker Hub, on line 7. */
    private static final String CONFIG = """
            concurrent = 1

            [[runners]]
              name = "team-docker"
              executor = "docker"
              [runners.docker]
                image = "ruby:3.3"
            """;

    private static Path exampleClasses;

    @TempDir
    Path dir;

    @BeforeAll
    static void findExample() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("examples/custom-rule/pom.xml"))) {
            root = root.getParent();
        }
        Assumptions.assumeTrue(root != null, "examples/custom-rule not found above " + Path.of("").toAbsolutePath());
        exampleClasses = root.resolve("examples/custom-rule/target/classes");
        Assumptions.assumeTrue(Files.isRegularFile(exampleClasses.resolve(
                "META-INF/services/io.github.runnerguard.spi.SecurityRule")),
                "the example is not built: " + exampleClasses);
    }

    @Test
    void theTestClassPathDoesNotHoldTheExample() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            assertFalse(entry.replace('\\', '/').matches(".*(custom-rule/target/classes/?|custom-rule-example-[^/]*"
                    + "\\.jar)"), "surefire must leave the example out of the class path: " + entry);
        }
    }

    @Test
    void rulesListsTheExternalRuleOnlyWhenItIsOnTheClassPath() throws Exception {
        Run with = run(true, "rules", "--format", "json");
        assertEquals(0, with.exitCode(), with.toString());
        assertTrue(with.out().contains("\"id\": \"" + RULE_ID + "\""), with.toString());
        assertTrue(with.out().contains("\"id\": \"docker.privileged\""), "the built-in rules stay: " + with);

        Run without = run(false, "rules", "--format", "json");
        assertEquals(0, without.exitCode(), without.toString());
        assertTrue(without.out().contains("\"id\": \"docker.privileged\""), without.toString());
        assertFalse(without.out().contains(RULE_ID), without.toString());
    }

    @Test
    void auditAppliesTheExternalRule() throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, CONFIG, StandardCharsets.UTF_8);

        Run with = run(true, "audit", "--tenancy", "multi-tenant", "--format", "json", config.toString());
        assertEquals(1, with.exitCode(), "a high finding fails the audit: " + with);
        assertTrue(with.out().contains("\"ruleId\": \"" + RULE_ID + "\""), with.toString());
        assertTrue(with.out().contains("\"key\": \"runners[0].docker.image\""), with.toString());
        assertTrue(with.out().contains("\"line\": 7"), with.toString());

        Run without = run(false, "audit", "--tenancy", "multi-tenant", "--format", "json", config.toString());
        assertFalse(without.out().contains(RULE_ID), without.toString());
        assertEquals(highCount(without.out()) + 1, highCount(with.out()),
                "the external rule adds one high finding in a multi-tenant audit: " + with + without);
    }

    private static int highCount(String json) {
        Matcher matcher = Pattern.compile("\"summary\"[^}]*?\"high\": (\\d+)").matcher(json);
        assertTrue(matcher.find(), json);
        return Integer.parseInt(matcher.group(1));
    }

    @Test
    void theTextReportNamesTheExternalRule() throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, CONFIG, StandardCharsets.UTF_8);

        Run text = run(true, "audit", "--tenancy", "multi-tenant", "--no-color", config.toString());
        assertEquals(1, text.exitCode(), text.toString());
        assertTrue(text.out().contains(RULE_ID), text.toString());
        assertTrue(text.out().contains("ruby:3.3") || text.out().contains(":7"), text.toString());
    }

    /** What one child run gave. */
    private record Run(List<String> command, int exitCode, String out, String err) {
        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Run run(boolean withExample, String... args) throws Exception {
        List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)));
        if (withExample) {
            classPath.add(exampleClasses.toString());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", String.join(File.pathSeparator, classPath), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        return new Run(command, process.exitValue(), out, err);
    }
}
