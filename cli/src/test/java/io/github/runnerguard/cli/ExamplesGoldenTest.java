package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import io.github.runnerguard.audit.Runnerguard;
import io.github.runnerguard.testkit.JsonReportContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every report format of an audit of the shipped examples, under the example policy, compared with the golden files
 * in {@code src/test/resources/golden}. The version and the directory of the run are normalised. Run with {@code -Drunnerguard.updateGolden=true} to rewrite the golden files after a deliberate change,
 * and review their diff.
 */
class ExamplesGoldenTest {

    /** While the example policy's waiver (until 2026-12-31) still holds. */
    private static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC);

    private static final boolean UPDATE = Boolean.getBoolean("runnerguard.updateGolden");

    /** Golden file name by format. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("text", "examples.txt");
        FILES.put("json", "examples.json");
        FILES.put("sarif", "examples.sarif");
        FILES.put("codequality", "examples.codequality.json");
        FILES.put("junit", "examples.junit.xml");
        FILES.put("html", "examples.html");
    }

    private static Path root;
    private static Path work;
    private static Path out;
    private static String childOutput;
    private static int exitCode;

    /**
     * Copies the examples to {@code cli/target/golden-run} (mode 0644, as a checkout usually leaves them) and audits
     * them there in a child JVM, so that the paths in every report are {@code examples/...} wherever the project is.
     */
    @BeforeAll
    static void auditTheExamples() throws Exception {
        root = ReportChecks.projectRoot();
        work = root.resolve("cli/target/golden-run");
        out = work.resolve("reports");
        deleteTree(work);
        Files.createDirectories(work.resolve("examples"));
        Files.createDirectories(out);
        List<String> examples = List.of("kubernetes.toml", "shared-docker.toml", "shell.toml");
        for (String name : List.of("kubernetes.toml", "shared-docker.toml", "shell.toml", "runnerguard.toml.example")) {
            Path copy = work.resolve("examples").resolve(name);
            Files.copy(root.resolve("examples").resolve(name), copy);
            if (Files.getFileStore(copy).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), GoldenRun.class.getName(),
                JUNE_2026.instant().toString(), "audit", "--policy", "examples/runnerguard.toml.example",
                "--fail-on", "high"));
        for (Map.Entry<String, String> format : FILES.entrySet()) {
            command.add("--format");
            command.add(format.getKey() + "=reports/" + format.getValue());
        }
        examples.forEach(name -> command.add("examples/" + name));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        childOutput = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        exitCode = process.exitValue();
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The output with the version and the directory it was written in replaced by placeholders. */
    static String normalise(String text, Path workingDirectory) {
        String uri = workingDirectory.toUri().toString().replaceFirst("/$", "");
        return text.replace(uri, "file:///PROJECT")
                .replace("runnerguard " + Runnerguard.version(), "runnerguard @VERSION@")
                .replace("\"version\": \"" + Runnerguard.version() + "\"", "\"version\": \"@VERSION@\"");
    }

    private static void compare(String format) throws Exception {
        assertEquals(1, exitCode, "the examples have findings at or above high:\n" + childOutput);
        assertEquals("", childOutput, "nothing on standard output or error");
        String actual = normalise(Files.readString(out.resolve(FILES.get(format)), StandardCharsets.UTF_8), work);
        Path golden = root.resolve("cli/src/test/resources/golden").resolve(FILES.get(format));
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.isRegularFile(golden)) {
            fail(golden + " is missing; run the tests with -Drunnerguard.updateGolden=true to write it");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            Path written = root.resolve("cli/target/golden-actual").resolve(FILES.get(format));
            Files.createDirectories(written.getParent());
            Files.writeString(written, actual, StandardCharsets.UTF_8);
            assertEquals(expected, actual, FILES.get(format) + " differs from its golden file (the actual output is in "
                    + written + "; after a deliberate change run with -Drunnerguard.updateGolden=true)");
        }
    }

    @Test
    void text() throws Exception {
        compare("text");
    }

    @Test
    void json() throws Exception {
        compare("json");
        JsonReportContract.assertValid(Files.readString(out.resolve(FILES.get("json"))));
    }

    @Test
    void sarif() throws Exception {
        compare("sarif");
        ReportChecks.assertValidSarif(Files.readString(out.resolve(FILES.get("sarif"))));
    }

    @Test
    void codeQuality() throws Exception {
        compare("codequality");
    }

    @Test
    void junit() throws Exception {
        compare("junit");
        ReportChecks.xml(Files.readString(out.resolve(FILES.get("junit"))));
    }

    @Test
    void html() throws Exception {
        compare("html");
    }

    @Test
    void theExamplePolicysWaiverShowsInEveryFormatThatKeepsSuppressions() throws Exception {
        String reason = "cap_drop is being cleaned up in MR !1234";
        for (String format : List.of("text", "json", "sarif", "junit", "html")) {
            String text = Files.readString(out.resolve(FILES.get(format)));
            assertTrue(text.contains(reason), format + " shows the waiver's reason");
        }
        String codeQuality = Files.readString(out.resolve(FILES.get("codequality")));
        assertTrue(!codeQuality.contains("config.ambiguous-key"), "Code Quality leaves suppressed findings out");
    }

    @Test
    void normalisingReplacesOnlyWhatVaries() {
        Path directory = Path.of("/work/somewhere");
        assertEquals("examples/x.toml file:///PROJECT/ runnerguard @VERSION@ \"version\": \"@VERSION@\" "
                        + "\"version\": \"2.1.0\"",
                normalise("examples/x.toml file:///work/somewhere/ runnerguard " + Runnerguard.version()
                        + " \"version\": \"" + Runnerguard.version() + "\" \"version\": \"2.1.0\"", directory));
    }
}
