package io.github.runnerguard.audit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rule provider that could not be loaded during discovery: the provider is skipped and the other rules still run.
 *
 * <p>Immutable and thread-safe.
 *
 * @param message       what went wrong, in one line, naming the provider and where it came from when known
 * @param providerClass the provider's class name, or null when the error did not name it
 * @param location      the jar or directory the provider came from, or null when unknown
 * @param cause         the error ServiceLoader or the provider raised, or null
 */
public record DiscoveryProblem(String message, @Nullable String providerClass, @Nullable String location,
                               @Nullable Throwable cause) {

    /** Checks the message. */
    public DiscoveryProblem {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}
