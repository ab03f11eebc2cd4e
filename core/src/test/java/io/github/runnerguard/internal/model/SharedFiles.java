package io.github.runnerguard.internal.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Finds {@code <project root>/../shared}, the reference material next to the project. */
final class SharedFiles {

    private SharedFiles() {
    }

    /** The shared directory, or empty when there is none above the working directory. */
    static Optional<Path> find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(dir.resolve("core")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(candidate.resolve("corpus"))) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** The file {@code relative} of the shared directory; skips the test when the directory is absent. */
    static Path require(String relative) {
        Optional<Path> shared = find();
        Assumptions.assumeTrue(shared.isPresent(),
                "the shared reference directory (<project root>/../shared) is absent; skipping");
        Path file = shared.get().resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), () -> file + " is absent; skipping");
        return file;
    }
}
