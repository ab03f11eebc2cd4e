package io.github.runnerguard.internal.model;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Typed reads of one key of a bound raw table: of the entry bound to it ({@link Keys#entries} finds the entries of a
 * record's keys in one pass over the table), or by the canonical name of its gitlab-runner field.
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

    /**
     * The TOML keys a record reads, in component order, with a lookup from key to slot.
     *
     * <p>Immutable and thread-safe.
     */
    static final class Keys {
        private final String[] keys;
        /** Open addressing: slot index plus one, by the key's hash; 0 is free. */
        private final int[] table;
        /** What {@link #entries} gives for a table without entries: every slot empty. Never written. */
        private final ConfigEntry[] none;

        private Keys(String... keys) {
            this.keys = keys.clone();
            this.table = new int[Integer.highestOneBit(Math.max(1, keys.length) * 2 - 1) << 1];
            this.none = new ConfigEntry[keys.length];
            for (int i = 0; i < keys.length; i++) {
                if (indexOf(keys[i]) >= 0) {
                    throw new IllegalArgumentException("key " + keys[i] + " twice");
                }
                int mask = table.length - 1;
                int slot = mix(keys[i].hashCode()) & mask;
                while (table[slot] != 0) {
                    slot = slot + 1 & mask;
                }
                table[slot] = i + 1;
            }
        }

        /** The slot of {@code key}, or -1. */
        int indexOf(String key) {
            int mask = table.length - 1;
            for (int slot = mix(key.hashCode()) & mask; ; slot = slot + 1 & mask) {
                int held = table[slot];
                if (held == 0) {
                    return -1;
                }
                if (keys[held - 1].equals(key)) {
                    return held - 1;
                }
            }
        }

        /**
         * The entry bound to each key in {@code table}, by slot: the first in file order, as
         * {@link ConfigTable#field(String)} finds it; null where the key is not bound. The array must not be written:
         * for a table without entries it is shared.
         */
        ConfigEntry[] entries(ConfigTable table) {
            List<ConfigEntry> all = table.entries();
            if (all.isEmpty()) {
                return none;
            }
            ConfigEntry[] slots = new ConfigEntry[keys.length];
            for (int i = 0; i < all.size(); i++) {
                ConfigEntry entry = all.get(i);
                String field = entry.field();
                if (entry.bound() && field != null) {
                    int at = indexOf(field);
                    if (at >= 0 && slots[at] == null) {
                        slots[at] = entry;
                    }
                }
            }
            return slots;
        }

        private static int mix(int hash) {
            return hash ^ hash >>> 16;
        }
    }

    private static final double MAX_EXACT_DOUBLE = 0x1p53;

    private Fields() {
    }

    /** The keys of a record, in component order. */
    static Keys keys(String... keys) {
        return new Keys(keys);
    }

    // ---------------------------------------------------------------------------------------------------- tables

    /**
     * The sub-table {@code key} of {@code parent}, whose bound entry is {@code entry}, read by {@code reader}; a
     * missing or mistyped one is read as an empty table ({@link ConfigTable#emptyChild}), absent.
     */
    static <R> R table(ConfigTable parent, @Nullable ConfigEntry entry, String key, Scope scope,
                       TableReader<R> reader) {
        ConfigTable table = boundTable(parent, entry, key);
        if (table != null) {
            return reader.read(table, true, scope);
        }
        return reader.read(ConfigTable.emptyChild(parent, key), false, scope);
    }

    /** The array of tables in {@code entry}, each element read by {@code reader}; elements not tables are left out. */
    static <R> List<R> tables(@Nullable ConfigEntry entry, Scope scope, TableReader<R> reader) {
        if (entry == null || !(entry.value() instanceof ConfigArray array)) {
            return List.of();
        }
        List<ConfigNode> elements = array.elements();
        Object[] records = new Object[elements.size()];
        int count = 0;
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof ConfigTable table) {
                records[count++] = reader.read(table, true, scope);
            }
        }
        return listOf(records, count);
    }

    /** The first {@code count} elements of {@code values}, none null, as an immutable list. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> listOf(Object[] values, int count) {
        return (List<T>) List.of(count == values.length ? values : Arrays.copyOf(values, count));
    }

    /** The tables of the array of tables {@code key} of {@code parent}; empty when it is absent or not an array. */
    static List<ConfigTable> tableList(ConfigTable parent, String key) {
        return tableList(entry(parent, key));
    }

    private static List<ConfigTable> tableList(@Nullable ConfigEntry entry) {
        if (entry == null || !(entry.value() instanceof ConfigArray array)) {
            return List.of();
        }
        List<ConfigNode> elements = array.elements();
        List<ConfigTable> tables = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof ConfigTable table) {
                tables.add(table);
            }
        }
        return tables;
    }

    // ---------------------------------------------------------------------------------------------------- scalars

    /** A TOML string, by the field's canonical name. */
    static Value<String> string(ConfigTable table, String key) {
        return string(entry(table, key));
    }

    /** A TOML string. */
    static Value<String> string(@Nullable ConfigEntry entry) {
        if (entry != null && entry.value() instanceof ConfigScalar scalar && scalar.value() instanceof String s) {
            return new Value<>(s, entry.position());
        }
        return Value.absent();
    }

    /** A TOML integer (Go {@code int}, {@code int32}, {@code int64}). */
    static Value<Long> integer(@Nullable ConfigEntry entry) {
        return scalar(entry, Fields::asLong);
    }

    /** A TOML float, or an integer a float holds exactly (Go {@code float64} accepts both). */
    static Value<Double> floatingPoint(@Nullable ConfigEntry entry) {
        return scalar(entry, Fields::asDouble);
    }

    /** A TOML boolean. */
    static Value<Boolean> bool(@Nullable ConfigEntry entry) {
        if (entry != null && entry.value() instanceof ConfigScalar scalar && scalar.value() instanceof Boolean b) {
            return new Value<>(b, entry.position());
        }
        return Value.absent();
    }

    /** A Go {@code time.Duration}: a duration string ({@code "1h30m"}) or an integer number of nanoseconds. */
    static Value<Duration> duration(@Nullable ConfigEntry entry) {
        return scalar(entry, Fields::asDuration);
    }

    /**
     * A Go {@code time.Time}: an offset date-time, or an RFC 3339 string. A local date-time or date (which Go reads in
     * the runner host's time zone) is read as UTC, since that zone is not in the file.
     */
    static Value<OffsetDateTime> dateTime(@Nullable ConfigEntry entry) {
        return scalar(entry, Fields::asDateTime);
    }

    // ---------------------------------------------------------------------------------------------------- arrays

    /** An array of strings. */
    static Value<List<String>> strings(@Nullable ConfigEntry entry) {
        return array(entry, Fields::asString);
    }

    /** A string or an array of strings ({@code StringOrArray}, for example {@code pull_policy}). */
    static Value<List<String>> stringOrStrings(@Nullable ConfigEntry entry) {
        if (entry != null && entry.value() instanceof ConfigScalar scalar && scalar.value() instanceof String s) {
            return new Value<>(List.of(s), entry.position());
        }
        return strings(entry);
    }

    /** An array of integers. */
    static Value<List<Long>> integers(@Nullable ConfigEntry entry) {
        return array(entry, Fields::asLong);
    }

    /** An array of floats (integers a float holds exactly included). */
    static Value<List<Double>> floats(@Nullable ConfigEntry entry) {
        return array(entry, Fields::asDouble);
    }

    // ---------------------------------------------------------------------------------------------------- maps

    /** A table of strings ({@code map[string]string}), keys as written, in file order. */
    static Value<Map<String, String>> stringMap(ConfigTable parent, @Nullable ConfigEntry entry, String key) {
        return map(parent, entry, key, node -> node instanceof ConfigScalar s ? asString(s.value()) : null);
    }

    /** A table of booleans ({@code map[string]bool}, for example {@code feature_flags}). */
    static Value<Map<String, Boolean>> boolMap(ConfigTable parent, @Nullable ConfigEntry entry, String key) {
        return map(parent, entry, key,
                node -> node instanceof ConfigScalar s && s.value() instanceof Boolean b ? b : null);
    }

    /** A table of integers ({@code map[string]int}). */
    static Value<Map<String, Long>> integerMap(ConfigTable parent, @Nullable ConfigEntry entry, String key) {
        return map(parent, entry, key, node -> node instanceof ConfigScalar s ? asLong(s.value()) : null);
    }

    /** A table of string arrays ({@code map[string][]string}). */
    static Value<Map<String, List<String>>> stringsMap(ConfigTable parent, @Nullable ConfigEntry entry, String key) {
        return map(parent, entry, key,
                node -> node instanceof ConfigArray array ? elements(array, Fields::asString) : null);
    }

    /** A free-form table ({@code map[string]any}), kept as its raw table. */
    static Value<ConfigTable> freeTable(ConfigTable parent, @Nullable ConfigEntry entry, String key) {
        ConfigTable value = boundTable(parent, entry, key);
        return value == null || entry == null ? Value.absent() : new Value<>(value, entry.position());
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /**
     * The entry bound to {@code key}, as {@link ConfigTable#field(String)} finds it, by a scan: cheaper for one read
     * than the index a large table builds for many.
     */
    private static @Nullable ConfigEntry entry(ConfigTable table, String key) {
        List<ConfigEntry> entries = table.entries();
        for (int i = 0; i < entries.size(); i++) {
            ConfigEntry entry = entries.get(i);
            if (entry.bound() && key.equals(entry.field())) {
                return entry;
            }
        }
        return null;
    }

    /**
     * The table bound to {@code key}, whose first bound entry is {@code first}. A file may write a table under two
     * spellings ({@code [runners.docker]} and {@code [runners.Docker]}): gitlab-runner's decoder fills one struct or
     * map from both, and the binder binds both entries, so their keys are merged here, in file order, under the first
     * one's path and position. Scanning the parent's entries costs a pass per table the file has, so reading stays
     * linear.
     */
    private static @Nullable ConfigTable boundTable(ConfigTable parent, @Nullable ConfigEntry first, String key) {
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

    private static <T> Value<T> scalar(@Nullable ConfigEntry entry, Function<Object, @Nullable T> convert) {
        if (entry != null && entry.value() instanceof ConfigScalar scalar) {
            T value = convert.apply(scalar.value());
            if (value != null) {
                return new Value<>(value, entry.position());
            }
        }
        return Value.absent();
    }

    private static <T> Value<List<T>> array(@Nullable ConfigEntry entry, Function<Object, @Nullable T> convert) {
        if (entry != null && entry.value() instanceof ConfigArray array) {
            return new Value<>(elements(array, convert), entry.position());
        }
        return Value.absent();
    }

    private static <T> List<T> elements(ConfigArray array, Function<Object, @Nullable T> convert) {
        List<ConfigNode> elements = array.elements();
        Object[] values = new Object[elements.size()];
        int count = 0;
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof ConfigScalar scalar) {
                T value = convert.apply(scalar.value());
                if (value != null) {
                    values[count++] = value;
                }
            }
        }
        return listOf(values, count);
    }

    private static <T> Value<Map<String, T>> map(ConfigTable parent, @Nullable ConfigEntry entry, String key,
                                                 Function<ConfigNode, @Nullable T> convert) {
        ConfigTable map = boundTable(parent, entry, key);
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
