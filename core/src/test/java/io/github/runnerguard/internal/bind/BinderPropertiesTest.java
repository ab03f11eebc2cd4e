package io.github.runnerguard.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.internal.toml.PositionIndex;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Properties of the binder over random documents made of schema keys, their case variants and typos. */
class BinderPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = new ArrayList<>();

    static {
        for (Schema.Struct struct : Schema.get().structs()) {
            struct.fields().forEach(f -> KEYS.add(f.key()));
        }
    }

    private static String key(Random random) {
        String key = KEYS.get(random.nextInt(KEYS.size()));
        return switch (random.nextInt(6)) {
            case 0 -> key.toUpperCase(Locale.ROOT);
            case 1 -> key.replace('_', '-');
            case 2 -> key.length() > 2 ? key.substring(1) : key;
            case 3 -> "FF_" + random.nextInt(5);
            default -> key;
        };
    }

    private static ObjectNode table(Random random, int depth) {
        ObjectNode node = NODES.objectNode();
        int size = random.nextInt(depth == 0 ? 12 : 6);
        for (int i = 0; i < size; i++) {
            node.set(key(random), value(random, depth + 1));
        }
        return node;
    }

    private static tools.jackson.databind.JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 5 : 8);
        return switch (kind) {
            case 0 -> NODES.stringNode("s" + random.nextInt(3));
            case 1 -> NODES.numberNode(random.nextInt(2) == 0 ? random.nextLong() : random.nextInt(100));
            case 2 -> NODES.numberNode(random.nextDouble());
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.stringNode(random.nextBoolean() ? "30m" : "2024-01-01T00:00:00Z");
            case 5, 6 -> table(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                boolean tables = random.nextBoolean();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(tables ? table(random, depth) : value(random, depth + 3));
                }
                yield array;
            }
        };
    }

    private static ObjectNode document(long seed) {
        Random random = new Random(seed);
        ObjectNode root = table(random, 0);
        if (random.nextBoolean()) {
            ArrayNode runners = NODES.arrayNode();
            for (int i = random.nextInt(3); i >= 0; i--) {
                runners.add(table(random, 1));
            }
            root.set("runners", runners);
        }
        return root;
    }

    @Test
    void bindingNeverThrowsAndIsDeterministic() {
        qt().withExamples(300).forAll(longs().all()).check(seed -> {
            BindResult first = Binder.bind(document(seed), PositionIndex.EMPTY);
            BindResult second = Binder.bind(document(seed), PositionIndex.EMPTY);
            return first.equals(second);
        });
    }

    @Test
    void everyBoundEntryHasAFieldAndEveryNodeAPathUnderItsParent() {
        qt().withExamples(300).forAll(longs().all()).check(seed -> {
            BindResult result = Binder.bind(document(seed), PositionIndex.EMPTY);
            check(result.raw());
            for (Diagnostic diagnostic : result.diagnostics()) {
                assertNotNull(diagnostic.message());
                assertTrue(!diagnostic.message().isBlank());
            }
            return true;
        });
    }

    @Test
    void everyStringValueIsKeptAsWrittenWhateverStringsCameBefore() {
        // Many values whose hashes collide in a small cache, repeated and interleaved, enough for the cache to grow
        // several times (it starts at 128 slots): sharing must never swap one.
        qt().withExamples(100).forAll(longs().all()).check(seed -> {
            Random random = new Random(seed);
            ObjectNode root = NODES.objectNode();
            ArrayNode runners = NODES.arrayNode();
            List<String> written = new ArrayList<>();
            int count = 1 + random.nextInt(3000);
            for (int i = 0; i < count; i++) {
                String value = random.nextInt(4) == 0 && !written.isEmpty()
                        ? written.get(random.nextInt(written.size())) : "v" + random.nextInt(5000);
                written.add(value);
                ObjectNode runner = NODES.objectNode();
                runner.put("name", new String(value.toCharArray()));
                runners.add(runner);
            }
            root.set("runners", runners);
            ConfigArray bound = (ConfigArray) Binder.bind(root, PositionIndex.EMPTY).raw().entries().get(0).value();
            for (int i = 0; i < count; i++) {
                ConfigTable runner = (ConfigTable) bound.elements().get(i);
                assertEquals(written.get(i), ((ConfigScalar) runner.entries().get(0).value()).value());
            }
            return true;
        });
    }

    private static void check(ConfigNode node) {
        if (node instanceof ConfigTable table) {
            for (ConfigEntry entry : table.entries()) {
                if (entry.bound()) {
                    assertNotNull(entry.field(), () -> "bound entry without a field: " + entry);
                }
                String prefix = table.path().isEmpty() ? "" : table.path() + ".";
                assertTrue(entry.value().path().startsWith(prefix), () -> entry.value().path() + " under " + prefix);
                check(entry.value());
            }
        } else if (node instanceof ConfigArray array) {
            for (int i = 0; i < array.elements().size(); i++) {
                assertEquals(array.path() + "[" + i + "]", array.elements().get(i).path());
                check(array.elements().get(i));
            }
        }
    }
}
