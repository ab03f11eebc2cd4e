package io.github.runnerguard.internal.model;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Value;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of one key of a bound raw table, by the canonical name of its gitlab-runner field.
 *
 * <p>Each read returns the value with the position of its key, or {@link Value#absent()} when the key is not bound or
 * its value has a type gitlab-runner's decoder refuses (the binder reports those). In arrays and tables of a typed
 * element, elements of another type are left out, so a rule still sees the rest of a list gitlab-runner would refuse.
 * Stateless and thread-safe.
 */
final class Fields {

    /** Reads a sub-table into a record: a table of the file, or an empty one standing for an absent table. */
    @FunctionalInterface
    interface TableReader<R> {
        R read(ConfigTable table, boolean present, Scope scope);
    }

    private static final double MAX_EXACT_DOUBLE = 0x1p53;

    private Fields() {
    }

    // ---------------------------------------------------------------------------------------------------- tables

    /**
     * The sub-table {@code key} of {@code parent} read by {@code reader}; a missing or mistyped one is read as an
     * empty table ({@link ConfigTable#emptyChild}), absent.
     */
    static <R> R table(ConfigTable parent, String key, Scope scope, TableReader<R> reader) {
        ConfigTable table = boundTable(parent, key);
        if (table != null) {
            return reader.read(table, true, scope);
        }
        return reader.read(ConfigTable.emptyChild(parent, key), false, scope);
    }

    /**
     * The array of tables {@code key} of {@code parent}, each element read by {@code reader}; elements that are not
     * tables are left out.
     */
    static <R> List<R> tables(ConfigTable parent, String key, Scope scope, TableReader<R> reader) {
        List<ConfigTable> tables = tableList(parent, key);
        if (tables.isEmpty()) {
            return List.of();
        }
        List<R> records = new ArrayList<>(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            records.add(reader.read(tables.get(i), true, scope));
        }
        return List.copyOf(records);
    }

    /** The tables of the array of tables {@code key}; empty when it is absent or not an array. */
    static List<ConfigTable> tableList(ConfigTable parent, String key) {
        if (!(node(parent, key) instanceof ConfigArray array)) {
            return List.of();
        }
        List<ConfigTable> tables = new ArrayList<>(array.elements().size());
        List<ConfigNode> elements = array.elements();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof ConfigTable table) {
                tables.add(table);
            }
        }
        return tables;
    }

    // ---------------------------------------------------------------------------------------------------- scalars

    /** A TOML string. */
    static Value<String> string(ConfigTable table, String key) {
        return scalar(table, key, Fields::asString);
    }

    /** A TOML integer (Go {@code int}, {@code int32}, {@code int64}). */
    static Value<Long> integer(ConfigTable table, String key) {
        return scalar(table, key, Fields::asLong);
    }

    /** A TOML float, or an integer a float holds exactly (Go {@code float64} accepts both). */
    static Value<Double> floatingPoint(ConfigTable table, String key) {
        return scalar(table, key, Fields::asDouble);
    }

    /** A TOML boolean. */
    static Value<Boolean> bool(ConfigTable table, String key) {
        return scalar(table, key, value -> value instanceof Boolean b ? b : null);
    }

    /** A Go {@code time.Duration}: a duration string ({@code "1h30m"}) or an integer number of nanoseconds. */
    static Value<Duration> duration(ConfigTable table, String key) {
        return scalar(table, key, Fields::asDuration);
    }

    /**
     * A Go {@code time.Time}: an offset date-time, or an RFC 3339 string. A local date-time or date (which Go reads in
     * the runner host's time zone) is read as UTC, since that zone is not in the file.
     */
    static Value<OffsetDateTime> dateTime(ConfigTable table, String key) {
        return scalar(table, key, Fields::asDateTime);
    }

    // ---------------------------------------------------------------------------------------------------- arrays

    /** An array of strings. */
    static Value<List<String>> strings(ConfigTable table, String key) {
        return array(table, key, Fields::asString);
    }

    /** A string or an array of strings ({@code StringOrArray}, for example {@code pull_policy}). */
    static Value<List<String>> stringOrStrings(ConfigTable table, String key) {
        ConfigEntry entry = entry(table, key);
        if (entry != null && entry.value() instanceof ConfigScalar scalar && scalar.value() instanceof String s) {
            return new Value<>(List.of(s), entry.position());
        }
        return strings(table, key);
    }

    /** An array of integers. */
    static Value<List<Long>> integers(ConfigTable table, String key) {
        return array(table, key, Fields::asLong);
    }

    /** An array of floats (integers a float holds exactly included). */
    static Value<List<Double>> floats(ConfigTable table, String key) {
        return array(table, key, Fields::asDouble);
    }

    // ---------------------------------------------------------------------------------------------------- maps

    /** A table of strings ({@code map[string]string}), keys as written, in file order. */
    static Value<Map<String, String>> stringMap(ConfigTable table, String key) {
        return map(table, key, node -> node instanceof ConfigScalar s ? asString(s.value()) : null);
    }

    /** A table of booleans ({@code map[string]bool}, for example {@code feature_flags}). */
    static Value<Map<String, Boolean>> boolMap(ConfigTable table, String key) {
        return map(table, key, node -> node instanceof ConfigScalar s && s.value() instanceof Boolean b ? b : null);
    }

    /** A table of integers ({@code map[string]int}). */
    static Value<Map<String, Long>> integerMap(ConfigTable table, String key) {
        return map(table, key, node -> node instanceof ConfigScalar s ? asLong(s.value()) : null);
    }

    /** A table of string arrays ({@code map[string][]string}). */
    static Value<Map<String, List<String>>> stringsMap(ConfigTable table, String key) {
        return map(table, key, node -> node instanceof ConfigArray array ? elements(array, Fields::asString) : null);
    }

    /** A free-form table ({@code map[string]any}), kept as its raw table. */
    static Value<ConfigTable> freeTable(ConfigTable table, String key) {
        ConfigTable value = boundTable(table, key);
        ConfigEntry entry = entry(table, key);
        return value == null || entry == null ? Value.absent() : new Value<>(value, entry.position());
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static @Nullable ConfigEntry entry(ConfigTable table, String key) {
        return table.field(key).orElse(null);
    }

    /**
     * The table bound to {@code key}. A file may write a table under two spellings ({@code [runners.docker]} and
     * {@code [runners.Docker]}): gitlab-runner's decoder fills one struct or map from both, and the binder binds both
     * entries, so their keys are merged here, in file order, under the first one's path and position. Scanning the
     * parent's entries costs a pass per table-valued key of the schema, a constant, so reading stays linear.
     */
    private static @Nullable ConfigTable boundTable(ConfigTable parent, String key) {
        ConfigEntry first = entry(parent, key);
        if (first == null || !(first.value() instanceof ConfigTable table)) {
            return null;
        }
        List<ConfigEntry> merged = null;
        List<ConfigEntry> entries = parent.entries();
        for (int i = 0; i < entries.size(); i++) {
            ConfigEntry other = entries.get(i);
            if (other != first && other.bound() && key.equals(other.field())
                    && other.value() instanceof ConfigTable more) {
                if (merged == null) {
                    merged = new ArrayList<>(table.entries());
                }
                merged.addAll(more.entries());
            }
        }
        return merged == null ? table : new ConfigTable(table.path(), table.position(), merged);
    }

    private static @Nullable ConfigNode node(ConfigTable table, String key) {
        ConfigEntry entry = entry(table, key);
        return entry == null ? null : entry.value();
    }

    private static <T> Value<T> scalar(ConfigTable table, String key, Function<Object, @Nullable T> convert) {
        ConfigEntry entry = entry(table, key);
        if (entry != null && entry.value() instanceof ConfigScalar scalar) {
            T value = convert.apply(scalar.value());
            if (value != null) {
                return new Value<>(value, entry.position());
            }
        }
        return Value.absent();
    }

    private static <T> Value<List<T>> array(ConfigTable table, String key, Function<Object, @Nullable T> convert) {
        ConfigEntry entry = entry(table, key);
        if (entry != null && entry.value() instanceof ConfigArray array) {
            return new Value<>(elements(array, convert), entry.position());
        }
        return Value.absent();
    }

    private static <T> List<T> elements(ConfigArray array, Function<Object, @Nullable T> convert) {
        List<T> values = new ArrayList<>(array.elements().size());
        List<ConfigNode> elements = array.elements();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof ConfigScalar scalar) {
                T value = convert.apply(scalar.value());
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return List.copyOf(values);
    }

    private static <T> Value<Map<String, T>> map(ConfigTable table, String key,
                                                 Function<ConfigNode, @Nullable T> convert) {
        ConfigEntry entry = entry(table, key);
        ConfigTable map = boundTable(table, key);
        if (entry == null || map == null) {
            return Value.absent();
        }
        Map<String, T> values = new LinkedHashMap<>();
        List<ConfigEntry> entries = map.entries();
        for (int i = 0; i < entries.size(); i++) {
            ConfigEntry element = entries.get(i);
            T value = convert.apply(element.value());
            if (value != null) {
                values.putIfAbsent(element.key(), value);
            }
        }
        return new Value<>(Collections.unmodifiableMap(values), entry.position());
    }

    private static @Nullable String asString(Object value) {
        return value instanceof String s ? s : null;
    }

    private static @Nullable Long asLong(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        return value instanceof Integer i ? Long.valueOf(i) : null;
    }

    private static @Nullable Double asDouble(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        Long integer = asLong(value);
        if (integer != null && Math.abs((double) integer) <= MAX_EXACT_DOUBLE) {
            return integer.doubleValue();
        }
        return null;
    }

    private static @Nullable Duration asDuration(Object value) {
        if (value instanceof String s) {
            return GoDuration.parse(s);
        }
        Long nanos = asLong(value);
        return nanos == null ? null : Duration.ofNanos(nanos);
    }

    private static @Nullable OffsetDateTime asDateTime(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof LocalDateTime time) {
            return time.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof String s) {
            try {
                return OffsetDateTime.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
