package io.github.runnerguard.config;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something the loader noticed about a config file: a syntax error, an exceeded limit, an unknown or ambiguous key,
 * a value of the wrong type.
 *
 * <p>Messages never contain the value of a secret-bearing key. Immutable and thread-safe.
 *
 * @param kind          what kind of problem this is
 * @param message       a one-line reason in plain words
 * @param path          the dotted key path it concerns ({@code runners[0].docker.privileged}), {@code ""} when none
 * @param position      where it is, or null when the problem has no place in the file (an unreadable file)
 * @param otherPosition a second place involved, e.g. the other key of an ambiguity; null when none
 * @param suggestion    the closest known key for an unknown key, or null
 * @param lineText      the text of the offending line (secrets redacted), or null
 */
public record Diagnostic(Kind kind, String message, String path, @Nullable Position position,
                         @Nullable Position otherPosition, @Nullable String suggestion, @Nullable String lineText) {

    /** Checks the required parts. */
    public Diagnostic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }

    /** A diagnostic with only a kind, message, path and position. */
    public static Diagnostic of(Kind kind, String message, String path, @Nullable Position position) {
        return new Diagnostic(kind, message, path, position, null, null, null);
    }

    /** The kinds of diagnostic, and what each means for the file. */
    public enum Kind {
        /** The file could not be read. Fatal: the file was not audited. */
        IO(true, true),
        /** The bytes are not valid UTF-8. Fatal. */
        ENCODING(true, true),
        /** The text is not valid TOML. Fatal. */
        SYNTAX(true, true),
        /** A size, nesting or count limit was exceeded. Fatal. */
        LIMIT(true, false),
        /** A key gitlab-runner does not know and silently ignores. */
        UNKNOWN_KEY(false, false),
        /** Two keys of one table that land on the same field; gitlab-runner picks one at random. */
        AMBIGUOUS_KEY(false, false),
        /** A value of a type gitlab-runner's decoder refuses: gitlab-runner does not load the file. */
        TYPE_MISMATCH(false, true),
        /** A value gitlab-runner refuses while loading (a required key missing, an invalid duration). */
        INVALID_VALUE(false, true);

        private final boolean fatal;
        private final boolean refusedByGitlabRunner;

        Kind(boolean fatal, boolean refusedByGitlabRunner) {
            this.fatal = fatal;
            this.refusedByGitlabRunner = refusedByGitlabRunner;
        }

        /** True when the file could not be audited at all. */
        public boolean fatal() {
            return fatal;
        }

        /** True when gitlab-runner itself would refuse to load a file with this problem. */
        public boolean refusedByGitlabRunner() {
            return refusedByGitlabRunner;
        }
    }
}
