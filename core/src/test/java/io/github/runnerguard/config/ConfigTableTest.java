package io.github.runnerguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** {@link ConfigTable}: lookups find the first entry in file order, small table or large; empty children. */
class ConfigTableTest {

    private static final List<String> NAMES = List.of("image", "Image", "IMAGE", "privileged", "volumes", "a", "b",
            "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "Aa", "BB");

    private static Gen<ConfigEntry> entries() {
        return Generate.pick(NAMES).zip(Generate.pick(NAMES), booleans().all(), integers().between(0, 2),
                (key, field, bound, kind) -> new ConfigEntry(key, kind == 0 ? null : kind == 1 ? key : field,
                        bound, null, new ConfigScalar("t." + key, null, key)));
    }

    private static Optional<ConfigEntry> firstByKey(List<ConfigEntry> entries, String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    private static Optional<ConfigEntry> firstByField(List<ConfigEntry> entries, String field) {
        return entries.stream().filter(e -> e.bound() && field.equals(e.field())).findFirst();
    }

    @Test
    void lookupsFindTheFirstEntryInFileOrder() {
        qt().withExamples(1500).forAll(lists().of(entries()).ofSizeBetween(0, 40)).checkAssert(entries -> {
            ConfigTable table = new ConfigTable("t", null, entries);
            for (String name : NAMES) {
                assertEquals(firstByKey(entries, name), table.entry(name), name);
                assertEquals(firstByField(entries, name), table.field(name), name);
                assertEquals(firstByField(entries, name).map(ConfigEntry::value), table.fieldValue(name), name);
            }
            assertEquals(Optional.empty(), table.entry("absent"));
            assertEquals(Optional.empty(), table.field("absent"));
        });
    }

    @Test
    void copiesTheEntries() {
        List<ConfigEntry> entries = new ArrayList<>();
        entries.add(new ConfigEntry("a", "a", true, null, new ConfigScalar("a", null, 1L)));
        ConfigTable table = new ConfigTable("", null, entries);
        entries.clear();
        assertEquals(1, table.entries().size());
        assertTrue(table.field("a").isPresent());
    }

    @Test
    void anEmptyChildDerivesItsPath() {
        ConfigTable root = new ConfigTable("", null, List.of());
        ConfigTable runner = new ConfigTable("runners[2]", new Position(3, 1), List.of());
        ConfigTable docker = ConfigTable.emptyChild(runner, "docker");
        ConfigTable caps = ConfigTable.emptyChild(ConfigTable.emptyChild(docker, "security"), "capabilities");
        assertEquals("runners[2].docker", docker.path());
        assertEquals("runners[2].docker.security.capabilities", caps.path());
        assertEquals("session_server", ConfigTable.emptyChild(root, "session_server").path());
        assertNull(docker.position());
        assertEquals(List.of(), docker.entries());
        assertEquals(new ConfigTable("runners[2].docker", null, List.of()), docker);
        assertEquals(docker, new ConfigTable("runners[2].docker", null, List.of()));
        assertEquals(new ConfigTable("runners[2].docker", null, List.of()).hashCode(), docker.hashCode());
        assertEquals(Optional.empty(), docker.field("image"));
    }
}
