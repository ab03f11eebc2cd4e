package io.github.runnerguard.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;
import org.opentest4j.AssertionFailedError;

/**
 * A config loaded for a test, with its text kept for excerpts in failure messages.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the source name the loader was given
 * @param lines  the lines of the text
 * @param config the loaded model
 */
public record LoadedConfig(String source, List<String> lines, RunnerConfig config) {

    /** Copies the lines. */
    public LoadedConfig {
        Objects.requireNonNull(source, "source");
        lines = List.copyOf(lines);
        Objects.requireNonNull(config, "config");
    }

    /**
     * Loads TOML text with the production loader.
     *
     * @throws AssertionFailedError when the loader could not build a model, with its diagnostics and an excerpt
     */
    public static LoadedConfig load(String toml, String source) {
        LoadResult result = ConfigLoader.defaults().load(toml, source);
        return from(result, source, Excerpt.lines(toml));
    }

    /**
     * Loads a file with the production loader; the source name is the path as given.
     *
     * @throws AssertionFailedError when the file cannot be read or the loader could not build a model
     */
    public static LoadedConfig load(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionFailedError("Cannot read config " + file + ": " + e, e);
        }
        LoadResult result = ConfigLoader.defaults().load(file);
        return from(result, file.toString(), Excerpt.lines(text));
    }

    private static LoadedConfig from(LoadResult result, String source, List<String> lines) {
        RunnerConfig config = result.config();
        if (config == null) {
            throw new AssertionFailedError(failureMessage(source, lines, result.errors().isEmpty()
                    ? result.diagnostics() : result.errors()));
        }
        return new LoadedConfig(source, lines, config);
    }

    /** The message for a config that did not load: each diagnostic on its own line, then an excerpt. */
    static String failureMessage(String source, List<String> lines, List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        out.append("The config ").append(source).append(" did not load, so no rule could check it:\n");
        Map<Integer, String> marks = new HashMap<>();
        for (Diagnostic diagnostic : diagnostics) {
            out.append("  ").append(describe(diagnostic)).append('\n');
            if (diagnostic.position() != null) {
                Excerpt.mark(marks, diagnostic.position().line(), "X");
            }
        }
        if (diagnostics.isEmpty()) {
            out.append("  (the loader gave no diagnostic)\n");
        }
        out.append(Excerpt.render(source, lines, marks, "X = reported here"));
        return out.toString();
    }

    /** {@code 3:14 syntax: message (path a.b; did you mean x?)}. */
    public static String describe(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        if (diagnostic.position() != null) {
            out.append(diagnostic.position()).append(' ');
        }
        out.append(diagnostic.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(": ")
                .append(diagnostic.message());
        if (!diagnostic.path().isEmpty()) {
            out.append(" (at ").append(diagnostic.path()).append(')');
        }
        if (diagnostic.suggestion() != null) {
            out.append(" (did you mean ").append(diagnostic.suggestion()).append("?)");
        }
        return out.toString();
    }
}
