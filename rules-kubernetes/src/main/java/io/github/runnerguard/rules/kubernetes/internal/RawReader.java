package io.github.runnerguard.rules.kubernetes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;

/**
 * Reads settings from the raw view the way gitlab-runner decodes them: a key counts when the loader bound it to the
 * gitlab-runner field (exact tag or Go's case-insensitive fallback); unknown keys and values of the wrong type are
 * absent.
 *
 * <p>Stateless and thread-safe.
 */
public final class RawReader {

    private RawReader() {
    }

    /** The sub-table bound to {@code field}, if there is one. */
    public static Optional<ConfigTable> table(ConfigTable parent, String field) {
        return parent.fieldValue(field).filter(ConfigTable.class::isInstance).map(ConfigTable.class::cast);
    }

    /** The dotted path of {@code field} in {@code parent}, whether present or not. */
    public static String pathOf(ConfigTable parent, String field) {
        Optional<ConfigEntry> entry = parent.field(field);
        if (entry.isPresent()) {
            return entry.get().value().path();
        }
        return parent.path().isEmpty() ? field : parent.path() + "." + field;
    }

    /** A boolean setting. */
    public static Setting<Boolean> bool(ConfigTable t, String field) {
        return scalar(t, field, Boolean.class);
    }

    /** A string setting. */
    public static Setting<String> string(ConfigTable t, String field) {
        return scalar(t, field, String.class);
    }

    /** An integer setting. */
    public static Setting<Long> integer(ConfigTable t, String field) {
        return scalar(t, field, Long.class);
    }

    private static <T> Setting<T> scalar(ConfigTable t, String field, Class<T> type) {
        Optional<ConfigEntry> entry = t.field(field);
        if (entry.isEmpty()) {
            return Setting.absent(t.path().isEmpty() ? field : t.path() + "." + field);
        }
        if (entry.get().value() instanceof ConfigScalar scalar && type.isInstance(scalar.value())) {
            return new Setting<>(type.cast(scalar.value()), scalar.path(), entry.get().position());
        }
        return Setting.absent(entry.get().value().path());
    }

    /**
     * A {@code []string} setting (also a single string, as {@code StringOrArray} accepts): the whole list, or absent
     * when the key is absent or holds anything but strings.
     */
    public static Setting<List<String>> strings(ConfigTable t, String field) {
        List<Setting<String>> items = stringItems(t, field);
        Optional<ConfigEntry> entry = t.field(field);
        if (entry.isEmpty() || (items.isEmpty() && !(entry.get().value() instanceof ConfigArray))) {
            return Setting.absent(pathOf(t, field));
        }
        if (entry.get().value() instanceof ConfigArray array && array.elements().size() != items.size()) {
            return Setting.absent(pathOf(t, field));
        }
        List<String> values = new ArrayList<>();
        items.forEach(i -> values.add(i.value()));
        return new Setting<>(List.copyOf(values), entry.get().value().path(), entry.get().position());
    }

    /** The string elements of a {@code []string} setting, each with its own path and position. */
    public static List<Setting<String>> stringItems(ConfigTable t, String field) {
        Optional<ConfigEntry> entry = t.field(field);
        List<Setting<String>> items = new ArrayList<>();
        if (entry.isEmpty()) {
            return items;
        }
        ConfigNode value = entry.get().value();
        if (value instanceof ConfigScalar scalar && scalar.value() instanceof String s) {
            items.add(new Setting<>(s, scalar.path(), entry.get().position()));
        } else if (value instanceof ConfigArray array) {
            for (ConfigNode element : array.elements()) {
                if (element instanceof ConfigScalar scalar && scalar.value() instanceof String s) {
                    items.add(new Setting<>(s, scalar.path(),
                            scalar.position() != null ? scalar.position() : entry.get().position()));
                }
            }
        }
        return items;
    }

    /** The string entries of a {@code map[string]string} table, each with its key path and key position. */
    public static List<Setting<String>> mapEntries(ConfigTable t, String field, List<String> keysOut) {
        List<Setting<String>> entries = new ArrayList<>();
        table(t, field).ifPresent(map -> {
            for (ConfigEntry e : map.entries()) {
                if (e.value() instanceof ConfigScalar scalar && scalar.value() instanceof String s) {
                    keysOut.add(e.key());
                    entries.add(new Setting<>(s, scalar.path(), e.position()));
                }
            }
        });
        return entries;
    }

    /** The tables of an array of tables bound to {@code field} (also an inline array of inline tables). */
    public static List<ConfigTable> tables(ConfigTable t, String field) {
        List<ConfigTable> tables = new ArrayList<>();
        t.fieldValue(field).ifPresent(node -> {
            if (node instanceof ConfigArray array) {
                for (ConfigNode element : array.elements()) {
                    if (element instanceof ConfigTable table) {
                        tables.add(table);
                    }
                }
            }
        });
        return tables;
    }

    /**
     * Keys of {@code t} that gitlab-runner ignores but that look like {@code field} once case, {@code _} and
     * {@code -} are ignored (such as {@code allowPrivilegeEscalation} for {@code allow_privilege_escalation}).
     */
    public static List<ConfigEntry> ignoredLookAlikes(ConfigTable t, String field) {
        String wanted = squash(field);
        List<ConfigEntry> found = new ArrayList<>();
        for (ConfigEntry e : t.entries()) {
            if (!e.bound() && squash(e.key()).equals(wanted)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String squash(String key) {
        return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
