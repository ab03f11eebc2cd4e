package io.github.runnerguard.internal.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import io.github.runnerguard.config.Position;
import org.junit.jupiter.api.Test;

/**
 * The key tree's tables: children found by key whether the table is searched in order or through its hash slots,
 * kept in the order they were added, and found by rank.
 */
class KeyNodeTest {

    @Test
    void everyChildIsFoundByKeyAndByRankAndNoOther() {
        qt().withExamples(400).forAll(longs().all(), integers().between(0, 200)).checkAssert((seed, size) -> {
            Random random = new Random(seed);
            KeyNode table = new KeyNode(null, null, KeyNode.Kind.ROOT, new Position(1, 1), null);
            LinkedHashSet<String> keys = new LinkedHashSet<>();
            while (keys.size() < size) {
                keys.add(random.nextInt(3) == 0 ? "k" + random.nextInt(1000) : Integer.toString(random.nextInt(), 36));
            }
            List<KeyNode> added = new ArrayList<>();
            int line = 1;
            for (String key : keys) {
                KeyNode kid = new KeyNode(table, new String(key.toCharArray()), KeyNode.Kind.VALUE,
                        new Position(++line, 1), null);
                table.addChild(kid);
                added.add(kid);
            }
            for (int i = 0; i < added.size(); i++) {
                KeyNode kid = added.get(i);
                String key = new String(kid.key.toCharArray());
                assertSame(kid, table.child(key));
                assertSame(kid.position, table.position(i, key));
                assertSame(kid.position, table.position(size - 1 - i, key));
                assertSame(kid.position, table.position(-1, key));
            }
            assertNull(table.child("absent key"));
            assertNull(table.position(0, "absent key"));
            assertNull(table.item(0));
            List<KeyNode> walked = new ArrayList<>();
            table.forEachKid(walked::add);
            assertEquals(added, walked);
        });
    }

    @Test
    void anArrayHasItemsButNoKeys() {
        KeyNode array = new KeyNode(null, "a", KeyNode.Kind.ARRAY, new Position(1, 1), null);
        List<KeyNode> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            KeyNode item = new KeyNode(array, null, KeyNode.Kind.VALUE, new Position(1, 2 + i), null);
            array.addItem(item);
            items.add(item);
        }
        for (int i = 0; i < 20; i++) {
            assertSame(items.get(i), array.item(i));
            assertEquals(i, items.get(i).index());
        }
        assertNull(array.item(20));
        assertNull(array.child("a"));
    }
}
