package io.github.runnerguard.spi;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What is known about the audited file on disk, gathered by the engine before the rules run (rules do no I/O).
 *
 * @param path        the file, or null for text that did not come from a file
 * @param permissions its POSIX permissions, or null when unknown (standard input, a non-POSIX file system)
 * @param owner       its owner's name, or null when unknown
 */
public record FileFacts(@Nullable Path path, @Nullable Set<PosixFilePermission> permissions, @Nullable String owner) {

    /** Nothing known. */
    public static final FileFacts UNKNOWN = new FileFacts(null, null, null);

    /** Copies the permissions. */
    public FileFacts {
        permissions = permissions == null ? null : Set.copyOf(permissions);
    }

    /** The POSIX permissions, if known. */
    public Optional<Set<PosixFilePermission>> posixPermissions() {
        return Optional.ofNullable(permissions);
    }
}
