package io.github.runnerguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Core registers its own rules (config.*) the same way for the module path and the class path. */
class CoreRegistrationsTest {

    @Test
    void coreDeclaresItsRulesBothWays() {
        Path core = projectRoot().resolve("core");
        ServiceRegistrationCheck.assertConsistent(core);
        List<String> provided = ServiceRegistrationCheck.read(core).moduleInfo();
        assertTrue(provided.containsAll(List.of("io.github.runnerguard.rules.AmbiguousKeyRule",
                "io.github.runnerguard.rules.TypeMismatchRule", "io.github.runnerguard.rules.UnknownKeyRule")),
                provided.toString());
        assertEquals(provided.stream().sorted().toList(),
                ServiceRegistrationCheck.read(core).services().stream().sorted().toList());
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bom/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("project root (with bom/pom.xml) not found above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
