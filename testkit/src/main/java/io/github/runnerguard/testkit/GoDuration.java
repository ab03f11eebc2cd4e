package io.github.runnerguard.testkit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go {@code time.Duration} strings in the subset the generator writes: hours, minutes, seconds. */
final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+)([hms])");

    private GoDuration() {
    }

    /** Parses {@code "1h30m"}, {@code "20m0s"}, {@code "45s"}. */
    public static Duration parse(String text) {
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw new IllegalArgumentException("not a duration: " + text);
            }
            long amount = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
            end = m.end();
        }
        if (end != text.length() || end == 0) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return total;
    }

    /** Formats a whole number of seconds as Go does: {@code 1h30m0s}, {@code 45s}, {@code 0s}. */
    public static String format(Duration duration) {
        if (duration.isNegative() || duration.getNano() != 0) {
            throw new IllegalArgumentException("only whole, non-negative seconds are supported: " + duration);
        }
        long seconds = duration.getSeconds();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h" + minutes + "m" + rest + "s";
        }
        if (minutes > 0) {
            return minutes + "m" + rest + "s";
        }
        return rest + "s";
    }
}
