package io.github.runnerguard.testkit;

import java.util.function.IntUnaryOperator;

/** The entry point of the generator's implementation. Stateless and thread-safe. */
final class Generation {

    private Generation() {
    }

    /** Drafts a config from {@code choices} within {@code options} and writes it. */
    public static GeneratedConfig generate(GenOptions options, IntUnaryOperator choices) {
        return Renderer.render(new Drafter(options, choices).draft());
    }
}
