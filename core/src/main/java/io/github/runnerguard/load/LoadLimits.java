package io.github.runnerguard.load;

/**
 * Limits the loader enforces before and while parsing, so hostile input fails early with a clear message.
 *
 * @param maxBytes   the largest input accepted, in bytes (default 10 MiB)
 * @param maxDepth   the deepest nesting of arrays and tables accepted (default 64)
 * @param maxRunners the most {@code [[runners]]} entries accepted (default 50,000)
 */
public record LoadLimits(long maxBytes, int maxDepth, int maxRunners) {

    /** The defaults: 10 MiB, depth 64, 50,000 runners. */
    public static final LoadLimits DEFAULTS = new LoadLimits(10L * 1024 * 1024, 64, 50_000);

    /** Checks that every limit is positive. */
    public LoadLimits {
        if (maxBytes < 1 || maxDepth < 1 || maxRunners < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
