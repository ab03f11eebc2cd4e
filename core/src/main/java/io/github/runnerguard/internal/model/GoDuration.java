package io.github.runnerguard.internal.model;

import java.math.BigInteger;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code time.ParseDuration}, which gitlab-runner applies to duration strings in config.toml.
 *
 * <p>Accepts {@code [-+]?([0-9]*(\.[0-9]*)?unit)+} with the units {@code ns}, {@code us}, {@code µs}, {@code μs},
 * {@code ms}, {@code s}, {@code m}, {@code h}, and a bare {@code 0}; fractions are truncated to the nanosecond the
 * way Go does; anything beyond Go's range (about 292 years) is invalid. Stateless and thread-safe.
 */
public final class GoDuration {

    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(63);
    private static final long MAX_BEFORE_TIMES_TEN = (Long.MAX_VALUE) / 10;

    private GoDuration() {
    }

    /** The duration {@code text} denotes, or null when Go would refuse it. */
    public static @Nullable Duration parse(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            return null;
        }
        BigInteger total = BigInteger.ZERO;
        int i = 0;
        while (i < s.length()) {
            char first = s.charAt(i);
            if (!(first == '.' || isDigit(first))) {
                return null;
            }
            // Integer part.
            int start = i;
            BigInteger whole = BigInteger.ZERO;
            while (i < s.length() && isDigit(s.charAt(i))) {
                whole = whole.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
                if (whole.compareTo(LIMIT) > 0) {
                    return null;
                }
                i++;
            }
            boolean digitsBefore = i > start;
            // Fraction, kept to what fits in 63 bits as Go does.
            long fraction = 0;
            double scale = 1;
            boolean digitsAfter = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                boolean overflow = false;
                int fractionStart = i;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    if (!overflow) {
                        if (fraction > MAX_BEFORE_TIMES_TEN) {
                            overflow = true;
                        } else {
                            long next = fraction * 10 + (s.charAt(i) - '0');
                            if (next < 0) {
                                overflow = true;
                            } else {
                                fraction = next;
                                scale *= 10;
                            }
                        }
                    }
                    i++;
                }
                digitsAfter = i > fractionStart;
            }
            if (!digitsBefore && !digitsAfter) {
                return null;
            }
            // Unit: everything up to the next digit or dot.
            int unitStart = i;
            while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
                i++;
            }
            if (i == unitStart) {
                return null;
            }
            long unit = unitNanos(s.substring(unitStart, i));
            if (unit == 0) {
                return null;
            }
            BigInteger value = whole.multiply(BigInteger.valueOf(unit));
            if (value.compareTo(LIMIT) > 0) {
                return null;
            }
            if (fraction > 0) {
                value = value.add(BigInteger.valueOf((long) (fraction * ((double) unit / scale))));
                if (value.compareTo(LIMIT) > 0) {
                    return null;
                }
            }
            total = total.add(value);
            if (total.compareTo(LIMIT) > 0) {
                return null;
            }
        }
        if (negative) {
            return Duration.ofNanos(total.negate().longValueExact());
        }
        if (total.compareTo(LIMIT) >= 0) {
            return null;
        }
        return Duration.ofNanos(total.longValueExact());
    }

    /** Go's formatting of a duration ({@code Duration.String}): {@code 1h2m3.5s}, {@code 1.5ms}, {@code 0s}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        boolean negative = nanos < 0;
        BigInteger abs = BigInteger.valueOf(nanos).abs();
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        if (abs.compareTo(BigInteger.valueOf(1_000_000_000L)) < 0) {
            long n = abs.longValueExact();
            if (n < 1_000) {
                return out.append(n).append("ns").toString();
            } else if (n < 1_000_000) {
                return out.append(fraction(n, 1_000)).append("µs").toString();
            }
            return out.append(fraction(n, 1_000_000)).append("ms").toString();
        }
        BigInteger[] hoursRest = abs.divideAndRemainder(BigInteger.valueOf(3_600_000_000_000L));
        long rest = hoursRest[1].longValueExact();
        long minutes = rest / 60_000_000_000L;
        long secondNanos = rest % 60_000_000_000L;
        if (hoursRest[0].signum() > 0) {
            out.append(hoursRest[0]).append('h').append(minutes).append('m');
        } else if (minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(fraction(secondNanos, 1_000_000_000L)).append('s').toString();
    }

    private static String fraction(long value, long unit) {
        long whole = value / unit;
        long part = value % unit;
        if (part == 0) {
            return Long.toString(whole);
        }
        String digits = Long.toString(unit + part).substring(1);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + digits.substring(0, end);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static long unitNanos(String unit) {
        switch (unit) {
            case "ns":
                return 1L;
            case "us":
            case "\u00b5s":
            case "\u03bcs":
                return 1_000L;
            case "ms":
                return 1_000_000L;
            case "s":
                return 1_000_000_000L;
            case "m":
                return 60_000_000_000L;
            case "h":
                return 3_600_000_000_000L;
            default:
                return 0L;
        }
    }
}
