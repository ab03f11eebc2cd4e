package io.github.runnerguard.internal.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Position;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.POJONode;
import tools.jackson.dataformat.toml.TomlMapper;
import tools.jackson.dataformat.toml.TomlReadFeature;

/**
 * A test stand-in for the binder: turns Jackson's TOML tree into a raw view where every key binds to the field of the
 * same exact name and every node sits at {@link #POSITION}, so the model builder can be tested on its own.
 */
final class NaiveTables {

    /** The position every node gets: there is no position index here. */
    static final Position POSITION = new Position(1, 1);

    private static final TomlMapper MAPPER = TomlMapper.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();

    private NaiveTables() {
    }

    /** The raw view of TOML text. */
    static ConfigTable parse(String toml) {
        return (ConfigTable) convert(MAPPER.readTree(toml), "");
    }

    private static ConfigNode convert(JsonNode node, String path) {
        if (node.isObject()) {
            List<ConfigEntry> entries = new ArrayList<>();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String key = property.getKey();
                String child = path.isEmpty() ? key : path + "." + key;
                entries.add(new ConfigEntry(key, key, true, POSITION, convert(property.getValue(), child)));
            }
            return new ConfigTable(path, path.isEmpty() ? null : POSITION, entries);
        }
        if (node.isArray()) {
            List<ConfigNode> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                elements.add(convert(node.get(i), path + "[" + i + "]"));
            }
            return new ConfigArray(path, POSITION, elements);
        }
        return new ConfigScalar(path, POSITION, scalar(node));
    }

    private static Object scalar(JsonNode node) {
        if (node instanceof POJONode pojo) {
            return pojo.getPojo();
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            return value.longValueExact();
        }
        if (node.isFloatingPointNumber()) {
            return node.doubleValue();
        }
        throw new IllegalArgumentException("unexpected node " + node.getNodeType());
    }
}
