package io.github.runnerguard.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.github.runnerguard.config.GlobalSettings;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.internal.bind.Schema;
import io.github.runnerguard.internal.bind.ValueType;
import org.junit.jupiter.api.Test;

/**
 * The typed model reads exactly the keys the binder binds, with matching types: walking both schemas from the root,
 * every record component has a field of its struct with the same key and a compatible type, and every field but
 * {@code runners} (which is {@code RunnerConfig.runners()}) has a component.
 */
class ModelSchemaMatchesBinderTest {

    private final List<String> problems = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();

    @Test
    void everyComponentReadsABoundFieldOfTheSameType() {
        Schema schema = Schema.get();
        compare(GlobalSettings.class, schema.root(), schema, "");
        Schema.Field runners = schema.root().exact("runners");
        compare(Runner.class, schema.struct(runners.type().struct()), schema, "runners[]");
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        assertEquals(ModelSchema.records().size(), visitedRecords().size(), "every record was compared");
    }

    private Set<Class<?>> records = new HashSet<>();

    private Set<Class<?>> visitedRecords() {
        return records;
    }

    private void compare(Class<? extends Record> record, Schema.Struct struct, Schema schema, String path) {
        records.add(record);
        if (!visited.add(record.getSimpleName() + "/" + struct.name())) {
            return;
        }
        Set<String> keys = new HashSet<>();
        for (ModelSchema.Field field : ModelSchema.fields(record)) {
            keys.add(field.key());
            Schema.Field bound = struct.exact(field.key());
            String where = path + (path.isEmpty() ? "" : ".") + field.key();
            if (bound == null) {
                problems.add(where + ": " + record.getSimpleName() + "." + field.component()
                        + " reads a key the binder's " + struct.name() + " does not have");
                continue;
            }
            ValueType type = bound.type();
            if (!compatible(field.kind(), type)) {
                problems.add(where + ": model kind " + field.kind() + ", binder type " + type);
                continue;
            }
            if (field.kind() == ModelSchema.Kind.TABLE || field.kind() == ModelSchema.Kind.TABLES) {
                compare(field.record(), schema.struct(type.struct()), schema, where);
            }
        }
        for (Schema.Field bound : struct.fields()) {
            if (!keys.contains(bound.key()) && !(record == GlobalSettings.class && bound.key().equals("runners"))) {
                problems.add(path + ": the binder's " + struct.name() + "." + bound.key() + " has no component in "
                        + record.getSimpleName());
            }
        }
    }

    private static boolean compatible(ModelSchema.Kind kind, ValueType type) {
        ValueType.Kind k = type.kind();
        ValueType.Kind element = type.element() == null ? null : type.element().kind();
        return switch (kind) {
            case STRING -> k == ValueType.Kind.STRING;
            case INTEGER -> k == ValueType.Kind.INT || k == ValueType.Kind.INT32;
            case FLOAT -> k == ValueType.Kind.FLOAT;
            case BOOL -> k == ValueType.Kind.BOOL;
            case DURATION -> k == ValueType.Kind.DURATION;
            case DATETIME -> k == ValueType.Kind.TIME;
            case STRINGS -> k == ValueType.Kind.LIST && element == ValueType.Kind.STRING;
            case STRING_OR_STRINGS -> k == ValueType.Kind.STRING_OR_ARRAY;
            case INTEGERS -> k == ValueType.Kind.LIST
                    && (element == ValueType.Kind.INT || element == ValueType.Kind.INT32);
            case FLOATS -> k == ValueType.Kind.LIST && element == ValueType.Kind.FLOAT;
            case STRING_MAP -> k == ValueType.Kind.MAP && element == ValueType.Kind.STRING;
            case BOOL_MAP -> k == ValueType.Kind.MAP && element == ValueType.Kind.BOOL;
            case INTEGER_MAP -> k == ValueType.Kind.MAP
                    && (element == ValueType.Kind.INT || element == ValueType.Kind.INT32);
            case STRINGS_MAP -> k == ValueType.Kind.MAP && element == ValueType.Kind.LIST
                    && type.element().element().kind() == ValueType.Kind.STRING;
            case FREE_TABLE -> k == ValueType.Kind.MAP && element == ValueType.Kind.ANY;
            case TABLE -> k == ValueType.Kind.TABLE;
            case TABLES -> k == ValueType.Kind.ARRAY;
        };
    }
}
