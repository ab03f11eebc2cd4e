package io.github.runnerguard.audit;

import java.time.LocalDate;
import java.util.Objects;
import io.github.runnerguard.config.Position;
import org.jspecify.annotations.Nullable;

/**
 * Why a finding is suppressed: an inline {@code # runnerguard:ignore} comment or a policy waiver.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind     where the suppression comes from
 * @param reason   the reason given for it
 * @param expires  the last day it applies, or null
 * @param source   the file it is written in (the config file for a comment, the policy file for a waiver), or null
 * @param position where it is written, or null
 */
public record Suppression(Kind kind, String reason, @Nullable LocalDate expires, @Nullable String source,
                          @Nullable Position position) {

    /** Checks the parts. */
    public Suppression {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** Where a suppression comes from. */
    public enum Kind {
        /** A {@code # runnerguard:ignore} comment in the config file. */
        INLINE,
        /** A {@code [[waivers]]} entry of the policy. */
        WAIVER
    }
}
