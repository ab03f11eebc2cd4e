package io.github.runnerguard.load;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads config.toml files exactly as gitlab-runner's decoder reads them.
 *
 * <p>Never throws for bad input: every problem is a {@link io.github.runnerguard.config.Diagnostic} in the result.
 * Immutable and thread-safe.
 */
public final class ConfigLoader {

    private static final ConfigLoader DEFAULT = new ConfigLoader(LoadLimits.DEFAULTS);

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

    /** Loads a file; the source name is the path as given. */
    public LoadResult load(Path file) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Loads bytes that must be UTF-8. */
    public LoadResult load(byte[] bytes, String sourceName) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Loads text. */
    public LoadResult load(String text, String sourceName) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
