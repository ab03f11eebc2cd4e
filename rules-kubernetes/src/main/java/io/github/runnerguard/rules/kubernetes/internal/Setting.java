package io.github.runnerguard.rules.kubernetes.internal;

import java.util.Objects;
import io.github.runnerguard.config.Position;
import org.jspecify.annotations.Nullable;

/**
 * One setting as gitlab-runner sees it: its value (null when absent), the dotted key path of the key (or of where the
 * key would be), and the position of the key (null when absent).
 *
 * <p>Immutable and thread-safe when {@code T} is.
 *
 * @param value    the value, or null when the key is absent or has the wrong type
 * @param keyPath  the dotted key path, e.g. {@code runners[0].kubernetes.privileged}
 * @param position the position of the key, or null when absent
 * @param <T>      the value type
 */
public record Setting<T>(@Nullable T value, String keyPath, @Nullable Position position) {

    /** Checks the key path. */
    public Setting {
        Objects.requireNonNull(keyPath, "keyPath");
    }

    /** An absent setting at {@code keyPath}. */
    public static <T> Setting<T> absent(String keyPath) {
        return new Setting<>(null, keyPath, null);
    }

    /** True when the value is present. */
    public boolean isSet() {
        return value != null;
    }

    /** The value or {@code fallback}. */
    public T orElse(T fallback) {
        return value != null ? value : fallback;
    }

    /** True when the value equals {@code expected}. */
    public boolean is(Object expected) {
        return expected.equals(value);
    }
}
