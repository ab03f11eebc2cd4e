package io.github.runnerguard.rules.docker;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One {@code [runners.docker] volumes} entry, parsed the way gitlab-runner's Docker executor parses it.
 *
 * <p>The grammars are those of gitlab-runner's {@code executors/docker/internal/volumes/parser} package
 * ({@code linux_parser.go} and {@code windows_parser.go}, after Docker Engine's own):
 * {@code [source:]destination[:mode]} where the source is a host path, a named volume, or (Windows) a named pipe. A
 * string gitlab-runner cannot parse makes every job of the runner fail before a container starts, so it mounts
 * nothing and {@link #parse} returns empty. The
 * quantifiers are possessive where the original ones cannot give characters back, so a hostile string cannot make
 * the match backtrack exponentially; the set of accepted strings is unchanged.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source      the source as written: a host path, a volume name, a named pipe, or {@code ""} for an anonymous
 *                    volume
 * @param destination the path in the container
 * @param mode        {@code ro}, {@code rw}, {@code O}, or {@code ""}
 * @param kind        what the source is
 */
record VolumeSpec(String source, String destination, String mode, Kind kind) {

    /** What the source of a volume entry is. */
    enum Kind {
        /** No source ({@code /cache}): gitlab-runner creates a Docker volume (or a directory under its cache dir). */
        ANONYMOUS,
        /** A volume name ({@code myvol:/data}): a Docker volume, not a host path. */
        NAMED,
        /** A host path bound into the container. */
        HOST_PATH,
        /** A Windows named pipe ({@code \\.\pipe\docker_engine}) bound into the container. */
        NAMED_PIPE
    }

    // executors/docker/internal/volumes/parser/linux_parser.go
    private static final String LINUX_DIR = "/(?:[^\\\\/:*?\"<>|\\r\\n]++/?)*+";
    private static final String LINUX_VOLUME_NAME = "[^\\\\/:*?\"<>|\\r\\n]++";
    private static final Pattern LINUX = Pattern.compile("^"
            + "(?:(?<source>(?:" + LINUX_DIR + ")|(?:" + LINUX_VOLUME_NAME + ")):)?"
            + "(?<destination>" + LINUX_DIR + ")"
            + "(?::(?<mode>(?i)(?:ro|rw|O)))?"
            + "(?:[:,](?<label>(?i)z))?"
            + "(?:[:,](?<propagation>(?i)shared|slave|private|rshared|rslave|rprivate))?"
            + "$");

    // executors/docker/internal/volumes/parser/windows_parser.go (the whole expression is case-insensitive there)
    private static final String WINDOWS_HOST_DIR =
            "(?:\\\\\\\\\\?\\\\)?[a-z]:[\\\\/](?:[^\\\\/:*?\"<>|\\r\\n]++[\\\\/]?)*+";
    private static final String WINDOWS_VOLUME_NAME = "[^\\\\/:*?\"<>|\\r\\n]++";
    private static final String WINDOWS_NAMED_PIPE = "[/\\\\]{2}\\.[/\\\\]pipe[/\\\\][^:*?\"<>|\\r\\n]++";
    private static final Pattern WINDOWS = Pattern.compile("^"
            + "(?:(?<source>(?:" + WINDOWS_HOST_DIR + ")|(?:" + WINDOWS_VOLUME_NAME + ")|(?:" + WINDOWS_NAMED_PIPE
            + ")):)?"
            + "(?<destination>(?:(?:\\\\\\\\\\?\\\\)?[a-z]:(?:(?:[\\\\/][^\\\\/:*?\"<>\\r\\n]++)*+[\\\\/]?))|(?:"
            + WINDOWS_NAMED_PIPE + "))"
            + "(?::(?<mode>ro|rw))?"
            + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WINDOWS_HOST_DIR_START = Pattern.compile("^(?:\\\\\\\\\\?\\\\)?[a-z]:[\\\\/]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WINDOWS_PIPE_START = Pattern.compile("^[/\\\\]{2}\\.[/\\\\]pipe[/\\\\]",
            Pattern.CASE_INSENSITIVE);

    /** Longer strings are not volume definitions anyone writes; they are not parsed. */
    private static final int MAX_LENGTH = 8192;

    /**
     * Parses a volume entry with the grammar gitlab-runner uses for the container OS.
     *
     * @param spec    the entry as written
     * @param windows true for Windows containers (docker-windows), false for Linux containers
     * @return the parsed entry, or empty when gitlab-runner would reject it (the job fails, nothing is mounted)
     */
    static Optional<VolumeSpec> parse(String spec, boolean windows) {
        if (spec.isEmpty() || spec.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = (windows ? WINDOWS : LINUX).matcher(spec);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String source = orEmpty(matcher.group("source"));
        String destination = orEmpty(matcher.group("destination"));
        String mode = orEmpty(matcher.group("mode"));
        return Optional.of(new VolumeSpec(source, destination, mode, kindOf(source, windows)));
    }

    private static Kind kindOf(String source, boolean windows) {
        if (source.isEmpty()) {
            return Kind.ANONYMOUS;
        }
        if (windows) {
            if (WINDOWS_PIPE_START.matcher(source).find()) {
                return Kind.NAMED_PIPE;
            }
            return WINDOWS_HOST_DIR_START.matcher(source).find() ? Kind.HOST_PATH : Kind.NAMED;
        }
        return source.startsWith("/") ? Kind.HOST_PATH : Kind.NAMED;
    }

    private static String orEmpty(@Nullable String group) {
        return group == null ? "" : group;
    }

    /** True when the entry binds something of the host (a path or a named pipe) into the container. */
    boolean bindsHost() {
        return kind == Kind.HOST_PATH || kind == Kind.NAMED_PIPE;
    }

    /** True when the mount is read-only ({@code :ro}, any case, as gitlab-runner's grammar accepts). */
    boolean readOnly() {
        return mode.toLowerCase(Locale.ROOT).equals("ro");
    }
}
