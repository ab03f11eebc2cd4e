package io.github.runnerguard.internal.bind;

import java.time.Duration;

/**
 * Go's duration parser, {@code time.ParseDuration}, which gitlab-runner's decoder applies to a string written for a
 * {@code time.Duration} field: {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+} with the units {@code ns}, {@code us},
 * {@code µs} (U+00B5), {@code μs} (U+03BC), {@code ms}, {@code s}, {@code m}, {@code h}; {@code "0"} alone needs no
 * unit; the result must fit a signed 64-bit count of nanoseconds.
 *
 * <p>Stateless and thread-safe.
 */
public final class GoDuration {

    private static final long MIN_NANOS_MAGNITUDE = Long.MIN_VALUE; // 1<<63 as an unsigned value

    private GoDuration() {
    }

    /**
     * Parses a Go duration string.
     *
     * @return the duration
     * @throws IllegalArgumentException with Go's message ({@code time: invalid duration "x"}, {@code time: missing
     *                                  unit in duration "1"}, {@code time: unknown unit "x" in duration "1x"}) when
     *                                  Go would refuse it
     */
    public static Duration parse(String text) {
        return Duration.ofNanos(parseNanos(text));
    }

    /** True when {@link #parse} accepts the text. */
    public static boolean isValid(String text) {
        try {
            parseNanos(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Parses a Go duration string to nanoseconds, with the errors of {@link #parse}. */
    public static long parseNanos(String text) {
        String s = text;
        long d = 0; // unsigned
        boolean neg = false;
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c == '-' || c == '+') {
                neg = c == '-';
                s = s.substring(1);
            }
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        while (!s.isEmpty()) {
            long v;
            long f = 0;
            double scale = 1;
            char c = s.charAt(0);
            if (!(c == '.' || ('0' <= c && c <= '9'))) {
                throw invalid(text);
            }
            // Consume [0-9]*
            int pl = s.length();
            int i = 0;
            v = 0;
            for (; i < s.length(); i++) {
                char digit = s.charAt(i);
                if (digit < '0' || digit > '9') {
                    break;
                }
                if (Long.compareUnsigned(v, Long.divideUnsigned(MIN_NANOS_MAGNITUDE, 10)) > 0) {
                    throw invalid(text);
                }
                v = v * 10 + (digit - '0');
                if (Long.compareUnsigned(v, MIN_NANOS_MAGNITUDE) > 0) {
                    throw invalid(text);
                }
            }
            s = s.substring(i);
            boolean pre = pl != s.length();
            // Consume (\.[0-9]*)?
            boolean post = false;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                s = s.substring(1);
                int before = s.length();
                int k = 0;
                boolean overflow = false;
                for (; k < s.length(); k++) {
                    char digit = s.charAt(k);
                    if (digit < '0' || digit > '9') {
                        break;
                    }
                    if (overflow) {
                        continue;
                    }
                    if (Long.compareUnsigned(f, Long.MAX_VALUE / 10) > 0) {
                        overflow = true;
                        continue;
                    }
                    long y = f * 10 + (digit - '0');
                    if (Long.compareUnsigned(y, MIN_NANOS_MAGNITUDE) > 0) {
                        overflow = true;
                        continue;
                    }
                    f = y;
                    scale *= 10;
                }
                s = s.substring(k);
                post = before != s.length();
            }
            if (!pre && !post) {
                throw invalid(text);
            }
            // Consume unit.
            int u = 0;
            for (; u < s.length(); u++) {
                char ch = s.charAt(u);
                if (ch == '.' || ('0' <= ch && ch <= '9')) {
                    break;
                }
            }
            if (u == 0) {
                throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
            }
            String unitName = s.substring(0, u);
            s = s.substring(u);
            long unit = unit(unitName);
            if (unit == 0) {
                throw new IllegalArgumentException("time: unknown unit " + quote(unitName) + " in duration "
                        + quote(text));
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(MIN_NANOS_MAGNITUDE, unit)) > 0) {
                throw invalid(text);
            }
            v *= unit;
            if (f > 0) {
                double fraction = f >= 0 ? (double) f : 0x1p63; // f is at most 1<<63 (unsigned)
                v += (long) (fraction * ((double) unit / scale));
                if (Long.compareUnsigned(v, MIN_NANOS_MAGNITUDE) > 0) {
                    throw invalid(text);
                }
            }
            d += v;
            if (Long.compareUnsigned(d, MIN_NANOS_MAGNITUDE) > 0) {
                throw invalid(text);
            }
        }
        if (neg) {
            return -d;
        }
        if (Long.compareUnsigned(d, Long.MAX_VALUE) > 0) {
            throw invalid(text);
        }
        return d;
    }

    private static long unit(String name) {
        return switch (name) {
            case "ns" -> 1L;
            case "us", "\u00b5s", "\u03bcs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 0L;
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration " + quote(text));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
