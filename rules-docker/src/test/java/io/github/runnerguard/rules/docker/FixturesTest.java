package io.github.runnerguard.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.testkit.FixtureTests;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code src/test/resources/fixtures/<rule-id>/} with all the rules of the module, so a
 * fixture can also say what the other rules must (not) report on the same config.
 */
class FixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TestFactory
    Stream<DynamicNode> fixtures() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            List<Path> sorted = dirs.filter(Files::isDirectory).sorted().toList();
            return sorted.stream().map(dir -> DynamicContainer.dynamicContainer(dir.getFileName().toString(),
                    FixtureTests.forDirectory(dir, AllDockerRules.array())));
        }
    }

    @Test
    void everyRuleHasFiringAndQuietFixtures() throws IOException {
        Set<String> dirs = new TreeSet<>();
        try (Stream<Path> list = Files.list(FIXTURES)) {
            list.filter(Files::isDirectory).forEach(dir -> dirs.add(dir.getFileName().toString()));
        }
        Set<String> ids = new TreeSet<>();
        for (SecurityRule rule : AllDockerRules.all()) {
            String id = rule.descriptor().id();
            ids.add(id);
            String all = readAll(FIXTURES.resolve(id));
            assertTrue(all.contains("# expect: " + id), id + " has no firing fixture");
            assertTrue(all.contains("# expect-none: " + id), id + " has no fixture where it must stay quiet");
        }
        assertEquals(ids, dirs);
    }

    private static String readAll(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                text.append(Files.readString(file)).append('\n');
            }
        }
        return text.toString();
    }
}
