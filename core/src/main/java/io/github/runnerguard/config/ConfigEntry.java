package io.github.runnerguard.config;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One key of a {@link ConfigTable} as written in the file.
 *
 * @param key      the key exactly as written (after TOML unquoting)
 * @param field    the gitlab-runner field the key binds to ({@code privileged} for {@code Privileged}), or null when
 *                 gitlab-runner does not know the key and ignores it
 * @param bound    true when gitlab-runner's effective value comes from this entry; false for an unknown key, and
 *                 for the losing entry when two keys of one table land on the same field
 * @param position the position of the key
 * @param value    the value
 */
public record ConfigEntry(String key, @Nullable String field, boolean bound, @Nullable Position position,
                          ConfigNode value) {

    /** Checks the required parts. */
    public ConfigEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
