package io.github.runnerguard.testkit;

import java.util.Objects;
import io.github.runnerguard.config.Position;
import org.jspecify.annotations.Nullable;

/**
 * A value the loaded model must have for a generated config: where to find it in the model, its effective value,
 * and where its key is written.
 *
 * <p>Immutable and thread-safe when the value is (values are {@code Boolean}, {@code Long}, {@code Double},
 * {@code String}, {@code List<String>}, {@code Map<String, Boolean>}, {@code java.time.Duration} or
 * {@code java.time.OffsetDateTime}).
 *
 * @param modelPath the accessor path from the runner (or from the global settings for global values), e.g.
 *                  {@code docker.privileged}, {@code docker.services[1].name}, {@code machine.maxBuilds}
 * @param keyPath   the raw key path with canonical key names, e.g. {@code runners[0].docker.privileged}
 *                  ({@code concurrent} for a global value), as findings name it
 * @param value     the effective value, as the model types it
 * @param set       true when the key is written in the file ({@code Value.isSet()}), false for a gitlab-runner
 *                  default
 * @param position  where the key starts (for a dotted key, its first segment; in an inline table, the inner key);
 *                  null for a default, and for a table-valued map whose position is not checked
 * @since 0.1.0
 */
public record ExpectedValue(String modelPath, String keyPath, Object value, boolean set, @Nullable Position position) {

    /** Checks the parts. */
    public ExpectedValue {
        Objects.requireNonNull(modelPath, "modelPath");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(value, "value");
        if (!set && position != null) {
            throw new IllegalArgumentException("a defaulted value has no position");
        }
    }

    /** The 1-based line of the key, or 0 when it has none. */
    public int line() {
        return position == null ? 0 : position.line();
    }

    @Override
    public String toString() {
        return modelPath + " = " + value + (set ? position == null ? " (set)" : " at " + position : " (default)");
    }
}
