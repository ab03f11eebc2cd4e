package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Compiles small Java sources in a separate javac process, for tests that need classes no build produced. */
final class Javac {

    private Javac() {
    }

    /**
     * Compiles {@code sources} (relative file name to content) into {@code out}.
     *
     * @param options extra javac options such as {@code -cp} or {@code --module-path}
     */
    static Path compile(Path out, List<String> options, Map<String, String> sources)
            throws IOException, InterruptedException {
        Path src = Files.createTempDirectory(out.getParent(), "src");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
        command.add("-d");
        command.add(out.toString());
        command.add("--release");
        command.add("17");
        command.add("-proc:none");
        command.addAll(options);
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            command.add(file.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), "javac failed:\n" + output);
        return out;
    }

    /** Writes a {@code META-INF/services/io.github.runnerguard.spi.SecurityRule} file listing these classes. */
    static void services(Path root, String... classNames) throws IOException {
        Path file = root.resolve("META-INF/services/io.github.runnerguard.spi.SecurityRule");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", classNames) + "\n", StandardCharsets.UTF_8);
    }

    /** Where the class was loaded from: a jar or a classes directory. */
    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Core's classes plus the jars core needs at run time (Jackson, JSpecify), as path entries. */
    static List<Path> coreModulePath() throws ClassNotFoundException {
        Set<Path> entries = new LinkedHashSet<>();
        entries.add(locationOf(RuleRegistry.class));
        for (String name : List.of("tools.jackson.core.JsonParser", "tools.jackson.databind.ObjectMapper",
                "tools.jackson.dataformat.toml.TomlMapper", "com.fasterxml.jackson.annotation.JsonProperty",
                "org.jspecify.annotations.NullMarked")) {
            entries.add(locationOf(Class.forName(name, false, Javac.class.getClassLoader())));
        }
        return List.copyOf(entries);
    }

    static String join(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
