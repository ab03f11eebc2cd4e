package io.github.runnerguard.internal.bind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.internal.toml.PositionIndex;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.toml.TomlMapper;
import tools.jackson.dataformat.toml.TomlReadFeature;

/** Test support: parses TOML with Jackson and finds key positions with a naive line scan. */
final class TestToml {

    private static final TomlMapper MAPPER = TomlMapper.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();

    private TestToml() {
    }

    static ObjectNode parse(String text) {
        return (ObjectNode) MAPPER.readTree(text);
    }

    static BindResult bind(String text) {
        return Binder.bind(parse(text), positions(text));
    }

    /**
     * A position index good enough for the small documents of these tests: each string segment of a path is looked
     * up as a key ({@code key =}, {@code key.}) or the last segment of a table header, on or after the line of the
     * segment before it. Array indexes keep the previous position.
     */
    static PositionIndex positions(String text) {
        String[] lines = text.split("\n", -1);
        return path -> find(lines, path);
    }

    private static @Nullable Position find(String[] lines, List<Object> path) {
        int from = 0;
        Position last = null;
        for (Object segment : path) {
            if (!(segment instanceof String key)) {
                continue;
            }
            Position found = null;
            for (int i = from; i < lines.length && found == null; i++) {
                String line = lines[i];
                String stripped = line.stripLeading();
                int indent = line.length() - stripped.length();
                if (stripped.startsWith("[")) {
                    String header = stripped.replace("[", "").replace("]", "").trim();
                    int hash = header.indexOf('#');
                    if (hash >= 0) {
                        header = header.substring(0, hash).trim();
                    }
                    if (List.of(header.replace("\"", "").split("\\.")).contains(key)) {
                        found = new Position(i + 1, indent + 1);
                    }
                } else {
                    for (String candidate : List.of(key, "\"" + key + "\"")) {
                        if (stripped.startsWith(candidate)) {
                            String rest = stripped.substring(candidate.length()).stripLeading();
                            if (rest.startsWith("=") || rest.startsWith(".")) {
                                found = new Position(i + 1, indent + 1);
                            }
                        }
                    }
                }
                if (found != null) {
                    from = i;
                }
            }
            if (found == null) {
                return null;
            }
            last = found;
        }
        return last;
    }

    /** The project root's {@code ../shared} directory, or null when absent. */
    static @Nullable Path shared() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("core"))) {
                Path shared = dir.resolveSibling("shared");
                return Files.isDirectory(shared) ? shared : null;
            }
            dir = dir.getParent();
        }
        return null;
    }

    /** The project root (the directory with the aggregator pom and {@code core}), or null. */
    static @Nullable Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("core"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        return null;
    }
}
