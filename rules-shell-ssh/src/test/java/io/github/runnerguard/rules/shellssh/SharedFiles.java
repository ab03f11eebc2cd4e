package io.github.runnerguard.rules.shellssh;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's shared reference directory: the {@code shared} sibling of the project root. */
final class SharedFiles {

    private SharedFiles() {
    }

    /** {@code <root>/../shared}, found by walking up from the working directory; the test is skipped without it. */
    static Path shared() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("core"))) {
                Path shared = dir.resolveSibling("shared");
                assumeTrue(Files.isDirectory(shared), "no shared directory next to the project root " + dir
                        + ": skipping the tests that read the reference files");
                return shared;
            }
            dir = dir.getParent();
        }
        assumeTrue(false, "no project root above " + Path.of("").toAbsolutePath());
        throw new IllegalStateException("unreachable");
    }

    /** A file of {@code shared/reference}. */
    static Path reference(String name) {
        Path file = shared().resolve("reference").resolve(name);
        assumeTrue(Files.isRegularFile(file), "missing " + file);
        return file;
    }

    /** The gitlab-runner corpus directory. */
    static Path corpus() {
        Path dir = shared().resolve("corpus").resolve("gitlab-runner");
        assumeTrue(Files.isDirectory(dir), "missing " + dir);
        return dir;
    }
}
