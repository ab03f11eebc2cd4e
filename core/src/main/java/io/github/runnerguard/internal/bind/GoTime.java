package io.github.runnerguard.internal.bind;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Go's RFC 3339 time parser as {@code time.Time.UnmarshalText} applies it to a string written for a {@code time.Time}
 * field ({@code token_obtained_at}, {@code token_expires_at}): {@code 2006-01-02T15:04:05Z07:00} with optional
 * fractional seconds and an upper-case {@code T}.
 *
 * <p>Stateless and thread-safe.
 */
public final class GoTime {

    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private GoTime() {
    }

    /**
     * Parses an RFC 3339 date-time.
     *
     * @throws IllegalArgumentException when gitlab-runner would refuse it
     */
    public static OffsetDateTime parse(String text) {
        if (!RFC3339.matcher(text).matches()) {
            throw new IllegalArgumentException("not an RFC 3339 date-time: " + text);
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 date-time: " + text, e);
        }
    }

    /** True when {@link #parse} accepts the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
