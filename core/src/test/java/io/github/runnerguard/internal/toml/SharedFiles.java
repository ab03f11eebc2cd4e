package io.github.runnerguard.internal.toml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's shared reference folder, {@code <project root>/../shared}, for tests. */
final class SharedFiles {

    private SharedFiles() {
    }

    /**
     * The {@code shared} folder next to the project root: walks up from the working directory to the first folder
     * with a {@code pom.xml} whose parent holds {@code shared}. Skips the calling test when there is none.
     */
    static Path shared(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path parent = dir.getParent();
            if (Files.isRegularFile(dir.resolve("pom.xml")) && parent != null
                    && Files.isDirectory(parent.resolve("shared"))) {
                Path found = parent.resolve("shared").resolve(relative);
                assumeTrue(Files.exists(found), () -> "skipped: " + found + " is absent");
                return found;
            }
        }
        assumeTrue(false, "skipped: no ../shared folder next to the project root");
        throw new AssertionError("unreachable");
    }
}
