package io.github.runnerguard.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A table in the raw view: every key as written, in file order, with the gitlab-runner field each key binds to.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfigTable implements ConfigNode {

    private final String path;
    private final @Nullable Position position;
    private final List<ConfigEntry> entries;
    private final Map<String, ConfigEntry> byKey;
    private final Map<String, ConfigEntry> byField;

    /**
     * Creates a table.
     *
     * @param path     the dotted path, {@code ""} for the root
     * @param position the header position, or null for the root and for tables that only exist implicitly
     * @param entries  the entries in file order
     */
    public ConfigTable(String path, @Nullable Position position, List<ConfigEntry> entries) {
        this.path = Objects.requireNonNull(path, "path");
        this.position = position;
        this.entries = List.copyOf(entries);
        Map<String, ConfigEntry> keys = new LinkedHashMap<>();
        Map<String, ConfigEntry> fields = new LinkedHashMap<>();
        for (ConfigEntry entry : this.entries) {
            keys.putIfAbsent(entry.key(), entry);
            if (entry.bound() && entry.field() != null) {
                fields.putIfAbsent(entry.field(), entry);
            }
        }
        this.byKey = Map.copyOf(keys);
        this.byField = Map.copyOf(fields);
    }

    @Override
    public String path() {
        return path;
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
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * The entry gitlab-runner binds to the field {@code fieldName} (its exact tag name, e.g. {@code privileged}),
     * whichever spelling the file uses.
     */
    public Optional<ConfigEntry> field(String fieldName) {
        return Optional.ofNullable(byField.get(fieldName));
    }

    /** The value bound to the field {@code fieldName}, if any. */
    public Optional<ConfigNode> fieldValue(String fieldName) {
        ConfigEntry entry = byField.get(fieldName);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfigTable that && path.equals(that.path)
                && Objects.equals(position, that.position) && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, position, entries);
    }

    @Override
    public String toString() {
        return "ConfigTable[" + path + ", " + entries.size() + " entries]";
    }
}
