package io.github.runnerguard.config;

import org.jspecify.annotations.Nullable;

/**
 * One {@code [[runners]]} entry. Placeholder: the full record is generated from the schema.
 *
 * @param index    the 0-based index in the file
 * @param position the position of its {@code [[runners]]} header
 * @param raw      the raw view of the entry
 * @param name     {@code name}
 * @param executor {@code executor}
 * @param token    {@code token} (a secret)
 * @param url      {@code url}
 */
public record Runner(int index, @Nullable Position position, ConfigTable raw, Value<String> name,
                     Value<String> executor, Value<String> token, Value<String> url) {
}
