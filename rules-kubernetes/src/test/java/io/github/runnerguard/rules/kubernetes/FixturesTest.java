package io.github.runnerguard.rules.kubernetes;

import java.nio.file.Path;
import java.util.stream.Stream;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.testkit.FixtureTests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every fixture under {@code src/test/resources/fixtures} against all the Kubernetes rules. */
class FixturesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureTests.forDirectory(Path.of("src/test/resources/fixtures"),
                KubernetesRules.all().toArray(SecurityRule[]::new));
    }
}
