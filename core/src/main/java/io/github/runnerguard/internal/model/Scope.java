package io.github.runnerguard.internal.model;

import io.github.runnerguard.config.ConfigTable;

/**
 * What the readers know about the {@code [[runners]]} entry they are reading, for defaults that depend on it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param executor the runner's executor name, trimmed and lower-cased; {@code ""} for global settings and for a runner
 *                 without an executor
 */
record Scope(String executor) {

    /** The scope of the global settings, outside every runner. */
    static final Scope GLOBAL = new Scope("");

    /** The scope of the runner whose bound table is {@code runner}. */
    static Scope forRunner(ConfigTable runner) {
        return new Scope(Fields.string(runner, "executor").orElse(""));
    }

    /** True when the runner's executor is one of {@code names}. */
    boolean executorIn(String... names) {
        for (String name : names) {
            if (name.equals(executor)) {
                return true;
            }
        }
        return false;
    }
}
