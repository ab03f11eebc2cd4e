package io.github.runnerguard.config;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A scalar TOML value in the raw view.
 *
 * <p>The value is a {@link String}, a {@link Long} (TOML integer), a {@link Double} (TOML float), a {@link Boolean},
 * or a {@code java.time} {@code OffsetDateTime}, {@code LocalDateTime}, {@code LocalDate} or {@code LocalTime}.
 *
 * @param path     the dotted path of the value
 * @param position the position of its key, or of the array element
 * @param value    the value
 */
public record ConfigScalar(String path, @Nullable Position position, Object value) implements ConfigNode {

    /** Checks that the value is present. */
    public ConfigScalar {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
    }

    /** The TOML type name of the value: string, integer, float, boolean, datetime, date-local, ... */
    public String tomlType() {
        return TomlTypes.nameOf(value);
    }
}
