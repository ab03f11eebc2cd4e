package io.github.runnerguard.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A setting's effective value together with where it came from: the position of its key in the file, or no position
 * when the key is absent and the value is gitlab-runner's default (which may itself be "none", a null value).
 *
 * <p>Immutable and thread-safe when {@code T} is; a {@link List} or {@link Map} value is copied into an unmodifiable
 * one (a map keeps its order).
 *
 * @param value    the effective value, or null when the key is absent and gitlab-runner has no default for it
 * @param position the position of the key in the file, or null when the value is a default
 * @param <T>      the value's type
 */
public record Value<T>(@Nullable T value, @Nullable Position position) {

    private static final Value<?> ABSENT = new Value<>(null, null);
    private static final Value<Boolean> DEFAULT_TRUE = new Value<>(true, null);
    private static final Value<Boolean> DEFAULT_FALSE = new Value<>(false, null);

    /** Makes a list or map value an unmodifiable copy (maps keep their order), so a value never changes. */
    @SuppressWarnings("unchecked")
    public Value {
        if (value != null && !scalar(value)) {
            if (value instanceof List<?> list) {
                value = (T) List.copyOf(list);
            } else if (value instanceof Map<?, ?> map) {
                value = (T) Collections.unmodifiableMap(new LinkedHashMap<>(map));
            }
        }
    }

    /** True for the common scalar values, which are neither lists nor maps: checked without interface tests. */
    private static boolean scalar(Object value) {
        return value instanceof String || value instanceof Long || value instanceof Boolean;
    }

    /** A value written in the file at {@code position}. */
    public static <T> Value<T> of(T value, Position position) {
        return new Value<>(value, position);
    }

    /** A value that is not in the file: gitlab-runner's default {@code value}. */
    @SuppressWarnings("unchecked")
    public static <T> Value<T> defaulted(@Nullable T value) {
        if (value == null) {
            return absent();
        }
        if (value instanceof Boolean b) {
            return (Value<T>) (b ? DEFAULT_TRUE : DEFAULT_FALSE);
        }
        return new Value<>(value, null);
    }

    /** A value that is neither in the file nor defaulted by gitlab-runner. */
    @SuppressWarnings("unchecked")
    public static <T> Value<T> absent() {
        return (Value<T>) ABSENT;
    }

    /** True when the key is written in the file. */
    public boolean isSet() {
        return position != null;
    }

    /** True when the value comes from gitlab-runner's defaults rather than the file. */
    public boolean isDefault() {
        return position == null;
    }

    /** The effective value, if there is one. */
    public Optional<T> get() {
        return Optional.ofNullable(value);
    }

    /** The effective value, or {@code fallback} when there is none. */
    public T orElse(T fallback) {
        return value != null ? value : fallback;
    }

    /** The same origin with a transformed value. */
    public <R> Value<R> map(Function<? super T, ? extends R> mapper) {
        return value == null ? new Value<>(null, position) : new Value<>(mapper.apply(value), position);
    }
}
