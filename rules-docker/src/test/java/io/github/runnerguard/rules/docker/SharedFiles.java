package io.github.runnerguard.rules.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Finds the project's shared reference folder: {@code shared} next to the project root ({@code <root>/../shared}). */
final class SharedFiles {

    private SharedFiles() {
    }

    /** The shared folder, if it exists above the working directory. */
    static Optional<Path> find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("reference")) && Files.isDirectory(candidate.resolve("corpus"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The shared folder, or the test is skipped with a message saying why. */
    static Path require() {
        Optional<Path> shared = find();
        Assumptions.assumeTrue(shared.isPresent(),
                "../shared (reference documents and corpus) not found above " + Path.of("").toAbsolutePath()
                        + "; skipping the tests that read it");
        return shared.get();
    }
}
