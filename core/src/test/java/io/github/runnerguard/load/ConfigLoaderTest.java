package io.github.runnerguard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.RunnerConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader's pipeline from a path, bytes or text to a result, and what it does with input it cannot load. */
class ConfigLoaderTest {

    private static final String CONFIG = """
            concurrent = 2

            [[runners]]
              name = "docker"
              executor = "docker"
              [runners.docker]
                Privileged = true # case-insensitive
            """;

    @TempDir
    Path dir;

    private static Diagnostic only(LoadResult result) {
        assertEquals(1, result.diagnostics().size(), () -> result.diagnostics().toString());
        return result.diagnostics().get(0);
    }

    @Test
    void loadsAFileUnderThePathAsGiven() throws IOException {
        Path file = Files.writeString(dir.resolve("config.toml"), CONFIG);
        LoadResult result = ConfigLoader.defaults().load(file);
        assertEquals(file.toString(), result.source());
        assertTrue(result.loaded());
        assertTrue(result.loadableByGitlabRunner());
        assertTrue(result.errors().isEmpty());
        RunnerConfig config = result.config();
        assertNotNull(config);
        assertEquals(file.toString(), config.source());
        assertEquals(2L, config.global().concurrent().value());
        assertEquals(new Position(1, 1), config.global().concurrent().position());
        assertEquals(true, config.runners().get(0).docker().privileged().value());
        assertEquals(new Position(7, 5), config.runners().get(0).docker().privileged().position());
        assertEquals(new Position(6, 3), config.runners().get(0).docker().position());
        assertEquals(new Position(3, 1), config.runners().get(0).position());
        assertEquals(" case-insensitive", config.comments().get(0).text());
        assertEquals(CONFIG.lines().toList(), config.lines());
    }

    @Test
    void bytesTextAndFileGiveTheSameModel() throws IOException {
        Path file = Files.writeString(dir.resolve("config.toml"), CONFIG);
        ConfigLoader loader = ConfigLoader.defaults();
        LoadResult fromText = loader.load(CONFIG, file.toString());
        LoadResult fromBytes = loader.load(CONFIG.getBytes(StandardCharsets.UTF_8), file.toString());
        assertEquals(fromText, fromBytes);
        assertEquals(fromText, loader.load(file));
    }

    @Test
    void aMissingFileIsAnIoDiagnosticNotAnException() {
        Path missing = dir.resolve("absent.toml");
        LoadResult result = ConfigLoader.defaults().load(missing);
        assertFalse(result.loaded());
        assertNull(result.config());
        assertEquals(missing.toString(), result.source());
        Diagnostic diagnostic = only(result);
        assertEquals(Diagnostic.Kind.IO, diagnostic.kind());
        assertEquals("cannot read the file: no such file", diagnostic.message());
        assertEquals(List.of(diagnostic), result.errors());
        assertFalse(result.loadableByGitlabRunner());
    }

    @Test
    void aDirectoryIsAnIoDiagnostic() {
        Diagnostic diagnostic = only(ConfigLoader.defaults().load(dir));
        assertEquals(Diagnostic.Kind.IO, diagnostic.kind());
        assertTrue(diagnostic.message().contains("directory"), diagnostic.message());
    }

    @Test
    void anUnreadableFileIsAnIoDiagnostic() throws IOException {
        Path file = Files.writeString(dir.resolve("secret.toml"), CONFIG);
        Assumptions.assumeTrue(file.toFile().setReadable(false, false), "cannot make a file unreadable here");
        Assumptions.assumeFalse(Files.isReadable(file), "the file is still readable (running as root?)");
        Diagnostic diagnostic = only(ConfigLoader.defaults().load(file));
        assertEquals(Diagnostic.Kind.IO, diagnostic.kind());
        assertEquals("cannot read the file: permission denied", diagnostic.message());
    }

    @Test
    void theDefaultSizeLimitAdmitsALargeFleetAndRefusesMoreThan32MiBUnread() throws IOException {
        assertEquals(32L << 20, LoadLimits.DEFAULTS.maxBytes());
        // 11.5 MB, what 10,000 runners with realistic sections take: past the former 10 MiB default.
        StringBuilder text = new StringBuilder(CONFIG);
        String filler = "# " + "x".repeat(1_148) + "\n";
        while (text.length() < 11_500_000) {
            text.append(filler);
        }
        Path large = Files.writeString(dir.resolve("fleet.toml"), text);
        LoadResult result = ConfigLoader.defaults().load(large);
        assertTrue(result.loaded(), () -> result.diagnostics().toString());
        assertEquals(1, result.config().runners().size());

        Path huge = dir.resolve("huge.toml");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength((32L << 20) + 1); // sparse: nothing is written, and the loader must not read it
        }
        Diagnostic diagnostic = only(ConfigLoader.defaults().load(huge));
        assertEquals(Diagnostic.Kind.LIMIT, diagnostic.kind());
        assertEquals("the file is 33,554,433 bytes, more than the limit of 33,554,432 bytes (maxBytes)",
                diagnostic.message());
    }

    @Test
    void aFileBeyondTheSizeLimitIsNotRead() throws IOException {
        Path file = Files.writeString(dir.resolve("big.toml"), CONFIG);
        ConfigLoader loader = ConfigLoader.withLimits(new LoadLimits(16, 64, 10));
        Diagnostic diagnostic = only(loader.load(file));
        assertEquals(Diagnostic.Kind.LIMIT, diagnostic.kind());
        assertTrue(diagnostic.message().contains("maxBytes"), diagnostic.message());
        assertTrue(diagnostic.message().contains(String.format("%,d", Files.size(file))), diagnostic.message());
        assertEquals(Diagnostic.Kind.LIMIT, only(loader.load(CONFIG, "x")).kind());
    }

    @Test
    void invalidUtf8IsAnEncodingError() {
        byte[] bytes = {'a', ' ', '=', ' ', '"', (byte) 0xC3, (byte) 0x28, '"', '\n'};
        LoadResult result = ConfigLoader.defaults().load(bytes, "bad.toml");
        assertNull(result.config());
        Diagnostic diagnostic = only(result);
        assertEquals(Diagnostic.Kind.ENCODING, diagnostic.kind());
        assertEquals(new Position(1, 6), diagnostic.position());
    }

    @Test
    void aSyntaxErrorStopsLoadingWithItsPlace() {
        LoadResult result = ConfigLoader.defaults().load("concurrent = 1\n[[runners]\nname = \"x\"\n", "bad.toml");
        assertNull(result.config());
        Diagnostic diagnostic = only(result);
        assertEquals(Diagnostic.Kind.SYNTAX, diagnostic.kind());
        assertNotNull(diagnostic.position());
        assertEquals(2, diagnostic.position().line());
        assertEquals(result.diagnostics(), result.errors());
    }

    @Test
    void aByteOrderMarkIsAllowed() {
        byte[] text = CONFIG.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        LoadResult result = ConfigLoader.defaults().load(bytes, "bom.toml");
        assertTrue(result.loaded());
        assertEquals(2L, result.config().global().concurrent().value());
    }

    @Test
    void aFileGitlabRunnerRefusesStillLoadsAsFarAsItBinds() {
        LoadResult result = ConfigLoader.defaults().load("""
                [[runners]]
                executor = "ssh"
                [runners.ssh]
                port = 22
                host = "build"
                """, "refused.toml");
        assertTrue(result.loaded());
        assertFalse(result.loadableByGitlabRunner());
        assertTrue(result.errors().isEmpty(), "a type mismatch is not fatal to the audit");
        Diagnostic mismatch = only(result);
        assertEquals(Diagnostic.Kind.TYPE_MISMATCH, mismatch.kind());
        assertEquals(new Position(4, 1), mismatch.position());
        assertEquals(result.diagnostics(), result.config().diagnostics());
        assertEquals("build", result.config().runners().get(0).ssh().host().value());
    }

    @Test
    void tooManyRunnersIsALimit() {
        ConfigLoader loader = ConfigLoader.withLimits(new LoadLimits(1 << 20, 64, 2));
        Diagnostic diagnostic = only(loader.load("[[runners]]\n[[runners]]\n[[runners]]\n", "many.toml"));
        assertEquals(Diagnostic.Kind.LIMIT, diagnostic.kind());
    }

    @Test
    void theCorpusExampleLoadsFromItsPath() {
        Optional<Path> shared = sharedDir();
        Assumptions.assumeTrue(shared.isPresent(), "the shared reference directory is absent; skipping");
        Path file = shared.get().resolve("corpus/gitlab-runner/repo-config-toml-example.toml");
        LoadResult result = ConfigLoader.defaults().load(file);
        assertTrue(result.loaded(), () -> result.diagnostics().toString());
        assertEquals(List.of(), result.diagnostics());
        assertEquals(3, result.config().runners().size());
        assertEquals("TOKEN", result.config().runners().get(2).token().value());
    }

    @Test
    void anAstralCharacterAtTheParserBufferBoundarySurvives() {
        for (int pad = 3900; pad < 4100; pad++) {
            String text = "listen_address = \"" + "x".repeat(pad) + "\"\n[[runners]]\n"
                    + "name = \"\\\\'\\\\\u00fc\uD83D\uDE00[\"\n";
            RunnerConfig config = ConfigLoader.defaults().load(text, "astral.toml").config();
            assertNotNull(config);
            assertEquals("\\'\\\u00fc\uD83D\uDE00[", config.runners().get(0).name().value(), "padding " + pad);
        }
    }

    /** {@code <project root>/../shared}, when present. */
    static Optional<Path> sharedDir() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path shared = d.resolveSibling("shared");
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("core"))
                    && Files.isDirectory(shared)) {
                return Optional.of(shared);
            }
        }
        return Optional.empty();
    }
}
