package io.github.runnerguard.config;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An array in the raw view: an inline array ({@code [1, 2]}) or an array of tables ({@code [[runners]]}).
 *
 * @param path     the dotted path of the array
 * @param position the position of its key, or of the first {@code [[header]]}
 * @param elements the elements, in file order; each element's path is this path with {@code [i]} appended
 */
public record ConfigArray(String path, @Nullable Position position, List<ConfigNode> elements) implements ConfigNode {

    /** Copies the element list. */
    public ConfigArray {
        Objects.requireNonNull(path, "path");
        elements = List.copyOf(elements);
    }
}
