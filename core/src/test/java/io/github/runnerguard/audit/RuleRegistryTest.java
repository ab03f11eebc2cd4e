package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import io.github.runnerguard.spi.RuleDescriptor;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {

    @Test
    void keepsRulesInIdOrderAndResolvesAliases() {
        RuleRegistry registry = RuleRegistry.of(new TestRules.Fixed("b.second", List.of("b.old-second")),
                new TestRules.Other("a.first", List.of()));
        assertEquals(List.of("a.first", "b.second"), registry.descriptors().stream().map(RuleDescriptor::id).toList());
        assertEquals("b.second", registry.canonicalId("b.old-second").orElseThrow());
        assertEquals("b.second", registry.descriptor("b.old-second").orElseThrow().id());
        assertTrue(registry.find("b.old-second").isPresent());
        assertTrue(registry.canonicalId("c.none").isEmpty());
        assertEquals("engine.rule-failed", registry.canonicalId("engine.rule-failed").orElseThrow());
        assertEquals("b.second", registry.closestId("b.secnd").orElseThrow());
    }

    @Test
    void theSameClassTwiceCountsOnce() {
        RuleRegistry registry = RuleRegistry.of(new TestRules.Fixed("a.one", List.of()),
                new TestRules.Fixed("a.one", List.of()));
        assertEquals(1, registry.size());
    }

    @Test
    void differentClassesWithOneIdAreRefused() {
        RuleConflictException error = assertThrows(RuleConflictException.class,
                () -> RuleRegistry.of(new TestRules.Fixed("a.one", List.of()),
                        new TestRules.Other("a.one", List.of())));
        assertTrue(error.getMessage().contains(TestRules.Fixed.class.getName()), error.getMessage());
        assertTrue(error.getMessage().contains(TestRules.Other.class.getName()), error.getMessage());
        assertTrue(error.getMessage().contains("test-classes") || error.getMessage().contains("file:"),
                "the message names where each class came from: " + error.getMessage());
    }

    @Test
    void anAliasEqualToAnotherRulesIdIsRefused() {
        RuleConflictException error = assertThrows(RuleConflictException.class,
                () -> RuleRegistry.of(new TestRules.Fixed("a.one", List.of()),
                        new TestRules.Other("a.two", List.of("a.one"))));
        assertTrue(error.getMessage().contains("both answer to a.one"), error.getMessage());
    }

    @Test
    void reservedFamiliesAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RuleRegistry.of(new TestRules.Fixed("engine.mine", List.of())));
        assertTrue(error.getMessage().contains("reserved"), error.getMessage());
    }

    @Test
    void discoversTheCoreRules() {
        RuleRegistry registry = RuleRegistry.discover();
        List<String> ids = registry.descriptors().stream().map(RuleDescriptor::id).toList();
        assertTrue(ids.containsAll(List.of("config.ambiguous-key", "config.type-mismatch", "config.unknown-key")),
                ids.toString());
        assertEquals(List.of(), registry.problems());
    }
}
