package io.github.runnerguard.load;

/**
 * Limits the loader enforces before and while parsing, so hostile input fails early with a clear message.
 *
 * <p>The default size limit, 32 MiB, admits the largest real fleets with room to spare: a config of 10,000 runners
 * with realistic sections (executor, cache, volumes, services) is about 11.5 MB, so 32 MiB takes 10,000 runners at
 * nearly three times that density, or some 29,000 at it. Loading holds the text, the parsed tree and the model at
 * once, several times the size of the text, so a limit far above any real file would only let hostile input take
 * memory; input beyond 32 MiB is refused before it is parsed (a file before it is read).
 *
 * @param maxBytes   the largest input accepted, in bytes (default 32 MiB)
 * @param maxDepth   the deepest nesting of arrays and tables accepted (default 64)
 * @param maxRunners the most {@code [[runners]]} entries accepted (default 50,000)
 */
public record LoadLimits(long maxBytes, int maxDepth, int maxRunners) {

    /** The defaults: 32 MiB, depth 64, 50,000 runners. */
    public static final LoadLimits DEFAULTS = new LoadLimits(32L * 1024 * 1024, 64, 50_000);

    /** Checks that every limit is positive. */
    public LoadLimits {
        if (maxBytes < 1 || maxDepth < 1 || maxRunners < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
