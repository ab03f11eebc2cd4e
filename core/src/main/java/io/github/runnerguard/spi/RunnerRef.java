package io.github.runnerguard.spi;

import java.util.Objects;

/**
 * The runner a finding belongs to.
 *
 * @param index the 0-based index of its {@code [[runners]]} entry in the file
 * @param name  its {@code name}, or {@code ""} when it has none
 */
public record RunnerRef(int index, String name) {

    /** Checks the parts. */
    public RunnerRef {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        Objects.requireNonNull(name, "name");
    }
}
