package com.example.policy;

import java.nio.file.Path;
import java.util.stream.Stream;
import io.github.runnerguard.testkit.FixtureTests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ImageRegistryFixturesTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureTests.forDirectory(Path.of("src/test/resources/fixtures", ImageRegistryRule.ID),
                new ImageRegistryRule());
    }
}
