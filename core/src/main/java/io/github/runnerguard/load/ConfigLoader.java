package io.github.runnerguard.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.config.SourceLines;
import io.github.runnerguard.internal.bind.BindResult;
import io.github.runnerguard.internal.bind.Binder;
import io.github.runnerguard.internal.model.ModelBuilder;
import io.github.runnerguard.internal.toml.ParseOutcome;
import io.github.runnerguard.internal.toml.TomlFrontEnd;

/**
 * Loads config.toml files exactly as gitlab-runner's decoder reads them.
 *
 * <p>The pipeline: read the bytes (a file larger than {@link LoadLimits#maxBytes()} is not read); decode strict UTF-8
 * and parse TOML with positions and comments; bind every key to gitlab-runner's schema with its decoder's rules
 * (exact match, then Go's case folding; ambiguities, unknown keys and mistyped values become diagnostics); build the
 * typed model with gitlab-runner's defaults. A file that is not TOML, not UTF-8, beyond a limit or unreadable gives
 * a result without a model and one fatal diagnostic; any other problem leaves the model as complete as it can be
 * bound, with diagnostics, and {@link LoadResult#loadableByGitlabRunner()} says whether gitlab-runner would load it.
 *
 * <p>Never throws for bad input: every problem is a {@link Diagnostic} in the result. Immutable and thread-safe.
 */
public final class ConfigLoader {

    private static final ConfigLoader DEFAULT = new ConfigLoader(LoadLimits.DEFAULTS);
    /** The largest array the JVM reliably allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16L;

    private final LoadLimits limits;

    private ConfigLoader(LoadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A loader with the default limits. */
    public static ConfigLoader defaults() {
        return DEFAULT;
    }

    /** A loader with the given limits. */
    public static ConfigLoader withLimits(LoadLimits limits) {
        return new ConfigLoader(limits);
    }

    /** The limits this loader enforces. */
    public LoadLimits limits() {
        return limits;
    }

    /**
     * Loads a file; the source name is the path as given. An unreadable file gives a result with one
     * {@link Diagnostic.Kind#IO} diagnostic, a file beyond {@link LoadLimits#maxBytes()} one
     * {@link Diagnostic.Kind#LIMIT} diagnostic, without reading it.
     */
    public LoadResult load(Path file) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return failed(source, Diagnostic.Kind.IO, "cannot read the file: it is a directory");
            }
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                return failed(source, Diagnostic.Kind.LIMIT, String.format(Locale.ROOT,
                        "the file is %,d bytes, more than the limit of %,d bytes (maxBytes)", size, limits.maxBytes()));
            }
            bytes = readAtMost(file, Math.min(limits.maxBytes() + 1, MAX_ARRAY));
        } catch (IOException | SecurityException e) {
            return failed(source, Diagnostic.Kind.IO, "cannot read the file: " + reason(e));
        }
        return load(bytes, source);
    }

    /** Loads bytes that must be UTF-8 (a leading byte order mark is allowed). */
    public LoadResult load(byte[] bytes, String sourceName) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sourceName, "sourceName");
        return finish(TomlFrontEnd.parse(bytes, limits), sourceName);
    }

    /** Loads text. */
    public LoadResult load(String text, String sourceName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        return finish(TomlFrontEnd.parse(text, limits), sourceName);
    }

    private static LoadResult finish(ParseOutcome outcome, String source) {
        if (outcome instanceof ParseOutcome.Failed failed) {
            return new LoadResult(source, null, List.of(failed.diagnostic()));
        }
        ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) outcome;
        BindResult bound = Binder.bind(parsed.root(), parsed.positions());
        RunnerConfig config = ModelBuilder.build(source, bound.raw(), parsed.comments(),
                SourceLines.of(parsed.text()), bound.diagnostics());
        return new LoadResult(source, config, bound.diagnostics());
    }

    private static LoadResult failed(String source, Diagnostic.Kind kind, String message) {
        return new LoadResult(source, null, List.of(Diagnostic.of(kind, message, "", null)));
    }

    /** Reads up to {@code max} bytes: a file that grows while it is read still cannot exhaust memory. */
    private static byte[] readAtMost(Path file, long max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) max);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
