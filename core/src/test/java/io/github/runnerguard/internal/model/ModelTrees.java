package io.github.runnerguard.internal.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.config.Value;

/**
 * Views a model as the keys a file writes: a tree of TOML keys to written values, sub-tables that are present, and
 * arrays of tables. Defaults (values without a position), positions and raw views are left out, so a generated model
 * and the model of its rendering compare equal when the file says the same.
 */
final class ModelTrees {

    private ModelTrees() {
    }

    /** The written keys of {@code record}. */
    static Map<String, Object> written(Record record) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (ModelSchema.Field field : ModelSchema.fields(record.getClass())) {
            Object value = component(record, field.component());
            switch (field.kind()) {
                case TABLE -> {
                    Record child = (Record) value;
                    if (present(child)) {
                        tree.put(field.key(), written(child));
                    }
                }
                case TABLES -> {
                    List<Object> elements = new ArrayList<>();
                    for (Object element : (List<?>) value) {
                        elements.add(written((Record) element));
                    }
                    if (!elements.isEmpty()) {
                        tree.put(field.key(), elements);
                    }
                }
                default -> {
                    Value<?> v = (Value<?>) value;
                    if (v.isSet()) {
                        tree.put(field.key(), v.value());
                    }
                }
            }
        }
        return tree;
    }

    /** True when {@code record} is a table the file has (the root and runners always are). */
    static boolean present(Record record) {
        try {
            Method present = record.getClass().getMethod("present");
            return (Boolean) present.invoke(record);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of the component {@code name} of {@code record}. */
    static Object component(Record record, String name) {
        try {
            return record.getClass().getMethod(name).invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record.getClass().getSimpleName() + "." + name, e);
        }
    }

    /** The first place where two trees differ, for failure messages; null when they are equal. */
    static String difference(Object expected, Object actual, String path) {
        if (expected instanceof Map<?, ?> a && actual instanceof Map<?, ?> b) {
            for (Object key : a.keySet()) {
                if (!b.containsKey(key)) {
                    return path + "." + key + ": missing, expected " + a.get(key);
                }
                String inner = difference(a.get(key), b.get(key), path + "." + key);
                if (inner != null) {
                    return inner;
                }
            }
            for (Object key : b.keySet()) {
                if (!a.containsKey(key)) {
                    return path + "." + key + ": unexpected " + b.get(key);
                }
            }
            return null;
        }
        if (expected instanceof List<?> a && actual instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                String inner = difference(a.get(i), b.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        return java.util.Objects.equals(expected, actual) ? null
                : path + ": expected <" + expected + "> but was <" + actual + ">";
    }
}
