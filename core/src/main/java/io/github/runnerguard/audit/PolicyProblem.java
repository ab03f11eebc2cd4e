package io.github.runnerguard.audit;

import java.util.Objects;
import io.github.runnerguard.config.Position;
import org.jspecify.annotations.Nullable;

/**
 * One error in a policy file.
 *
 * @param message  what is wrong, in one line
 * @param position where, or null when the problem has no place in the file
 */
public record PolicyProblem(String message, @Nullable Position position) {

    /** Checks the message. */
    public PolicyProblem {
        Objects.requireNonNull(message, "message");
    }
}
