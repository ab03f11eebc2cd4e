package io.github.runnerguard.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A table in the raw view: every key as written, in file order, with the gitlab-runner field each key binds to.
 *
 * <p>Immutable and thread-safe. Lookups by key and by field scan a small table and use an index, built on the
 * first lookup, in a larger one; either way the first entry in file order wins.
 */
public final class ConfigTable implements ConfigNode {

    /** Tables with at most this many entries are searched linearly, without an index. */
    private static final int LINEAR_LIMIT = 8;

    /** The path, or for an {@link #emptyChild} table its key under {@link #parent}. */
    private final String pathOrKey;
    /** The table an {@link #emptyChild} table stands under; null for every other table. */
    private final @Nullable ConfigTable parent;
    private final @Nullable Position position;
    private final List<ConfigEntry> entries;
    /** Built on the first lookup in a table of more than {@link #LINEAR_LIMIT} entries; immutable once built. */
    private @Nullable Index index;

    /**
     * Creates a table.
     *
     * @param path     the dotted path, {@code ""} for the root
     * @param position the header position, or null for the root and for tables that only exist implicitly
     * @param entries  the entries in file order
     */
    public ConfigTable(String path, @Nullable Position position, List<ConfigEntry> entries) {
        this.pathOrKey = Objects.requireNonNull(path, "path");
        this.parent = null;
        this.position = position;
        this.entries = List.copyOf(entries);
    }

    private ConfigTable(ConfigTable parent, String key) {
        this.pathOrKey = key;
        this.parent = parent;
        this.position = null;
        this.entries = List.of();
    }

    /**
     * An empty table standing for the sub-table {@code key} of {@code parent} that the file does not have: no
     * position, no entries, and the path {@code parent.path() + "." + key} ({@code key} under the root). The path is
     * derived when asked for, so a model that stands in an empty table for every absent section stays small.
     *
     * @param parent the table the sub-table would be in
     * @param key    the sub-table's key, a bare TOML key
     * @return an empty table, equal to {@code new ConfigTable(path, null, List.of())}
     */
    public static ConfigTable emptyChild(ConfigTable parent, String key) {
        return new ConfigTable(Objects.requireNonNull(parent, "parent"), Objects.requireNonNull(key, "key"));
    }

    @Override
    public String path() {
        if (parent == null) {
            return pathOrKey;
        }
        String parentPath = parent.path();
        return parentPath.isEmpty() ? pathOrKey : parentPath + "." + pathOrKey;
    }

    @Override
    public @Nullable Position position() {
        return position;
    }

    /** Every entry, in file order, including unknown keys and the losing side of an ambiguity. */
    public List<ConfigEntry> entries() {
        return entries;
    }

    /** The entry whose key is written exactly {@code key}. */
    public Optional<ConfigEntry> entry(String key) {
        return Optional.ofNullable(find(key, false));
    }

    /**
     * The entry gitlab-runner binds to the field {@code fieldName} (its exact tag name, e.g. {@code privileged}),
     * whichever spelling the file uses.
     */
    public Optional<ConfigEntry> field(String fieldName) {
        return Optional.ofNullable(find(fieldName, true));
    }

    /** The value bound to the field {@code fieldName}, if any. */
    public Optional<ConfigNode> fieldValue(String fieldName) {
        ConfigEntry entry = find(fieldName, true);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    /** The first entry with this key (or bound to this field), or null. */
    private @Nullable ConfigEntry find(String name, boolean byField) {
        List<ConfigEntry> all = entries;
        int size = all.size();
        if (size <= LINEAR_LIMIT) {
            for (int i = 0; i < size; i++) {
                ConfigEntry entry = all.get(i);
                if (byField ? entry.bound() && name.equals(entry.field()) : name.equals(entry.key())) {
                    return entry;
                }
            }
            return null;
        }
        Index built = index;
        if (built == null) {
            // Racy single check: an Index is immutable with final fields, so a thread that sees another's is safe.
            built = new Index(all);
            index = built;
        }
        int at = built.find(all, name, byField);
        return at < 0 ? null : all.get(at);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfigTable that && path().equals(that.path())
                && Objects.equals(position, that.position) && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path(), position, entries);
    }

    @Override
    public String toString() {
        return "ConfigTable[" + path() + ", " + entries.size() + " entries]";
    }

    /**
     * Two open-addressing hash tables of entry indexes (plus one, 0 for a free slot): by key and by bound field.
     * Immutable after construction.
     */
    private static final class Index {
        private final int[] byKey;
        private final int[] byField;

        Index(List<ConfigEntry> entries) {
            int capacity = Integer.highestOneBit(entries.size() * 2 - 1) << 1;
            int[] keys = new int[capacity];
            int[] fields = new int[capacity];
            for (int i = 0; i < entries.size(); i++) {
                ConfigEntry entry = entries.get(i);
                insert(keys, entries, entry.key(), i, false);
                String field = entry.field();
                if (entry.bound() && field != null) {
                    insert(fields, entries, field, i, true);
                }
            }
            this.byKey = keys;
            this.byField = fields;
        }

        /** Adds entry {@code index} under {@code name} unless an earlier entry has that name. */
        private static void insert(int[] slots, List<ConfigEntry> entries, String name, int index, boolean byField) {
            int mask = slots.length - 1;
            for (int slot = mix(name.hashCode()) & mask; ; slot = slot + 1 & mask) {
                int held = slots[slot];
                if (held == 0) {
                    slots[slot] = index + 1;
                    return;
                }
                if (name.equals(nameOf(entries.get(held - 1), byField))) {
                    return;
                }
            }
        }

        int find(List<ConfigEntry> entries, String name, boolean byField) {
            int[] slots = byField ? this.byField : byKey;
            int mask = slots.length - 1;
            for (int slot = mix(name.hashCode()) & mask; ; slot = slot + 1 & mask) {
                int held = slots[slot];
                if (held == 0) {
                    return -1;
                }
                if (name.equals(nameOf(entries.get(held - 1), byField))) {
                    return held - 1;
                }
            }
        }

        private static @Nullable String nameOf(ConfigEntry entry, boolean byField) {
            return byField ? entry.field() : entry.key();
        }

        private static int mix(int hash) {
            return hash ^ hash >>> 16;
        }
    }
}
