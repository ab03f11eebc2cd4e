package io.github.runnerguard.internal.toml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.POJONode;

/**
 * Checks an unquoted TOML value (boolean, integer, float, date-time) against the TOML 1.1 grammar and the ranges
 * gitlab-runner's decoder enforces (64-bit integers, finite floats, real calendar dates), and turns a valid one into
 * the Jackson node the loader's tree holds.
 *
 * <p>Hand-written loops, no regular expressions, so any token length takes linear time. Stateless and thread-safe.
 */
final class ScalarSyntax {

    /** What is wrong with a value: the kind of value it looks like and why it is invalid. */
    record Problem(String what, String reason) {
    }

    /** The reason given for a bare word that is no TOML value: probably a string without quotes. */
    static final String UNQUOTED_TEXT = "text values must be quoted";

    private ScalarSyntax() {
    }

    /** Null when {@code token} is a valid unquoted TOML value, else what is wrong with it. */
    static @Nullable Problem check(String token) {
        if (token.equals("true") || token.equals("false") || isPlainInteger(token)) {
            return null;
        }
        String unsigned = token.startsWith("+") || token.startsWith("-") ? token.substring(1) : token;
        if (unsigned.equals("inf") || unsigned.equals("nan")) {
            return null;
        }
        int digits = 0;
        while (digits < token.length() && isDigit(token.charAt(digits))) {
            digits++;
        }
        if (digits != 4 && digits > 0 && digits < token.length() && token.charAt(digits) == '-'
                && token.indexOf('-', digits + 1) > digits) {
            return new Problem("date", "a date is written YYYY-MM-DD, with a four-digit year");
        }
        if (looksLikeDate(token) || looksLikeTime(token)) {
            return checkDateTime(token);
        }
        if (!unsigned.isEmpty() && isDigit(unsigned.charAt(0))) {
            return checkNumber(token);
        }
        if (token.equals("True") || token.equals("TRUE") || token.equals("False") || token.equals("FALSE")) {
            return new Problem("value", "booleans are written in lower case (true or false)");
        }
        if (unsigned.startsWith(".") || unsigned.equals("Inf") || unsigned.equals("NaN")
                || unsigned.equals("infinity")) {
            return checkNumber(token);
        }
        return new Problem("value", UNQUOTED_TEXT);
    }

    /** The common case, checked without allocating: {@code 0} or up to 18 digits without a leading zero. */
    private static boolean isPlainInteger(String t) {
        int n = t.length();
        if (n == 0 || n > 18 || t.charAt(0) == '0' && n > 1) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ---- numbers -------------------------------------------------------------------------------------------------

    private static @Nullable Problem checkNumber(String t) {
        int n = t.length();
        int i = 0;
        boolean signed = false;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            signed = true;
            i++;
        }
        if (i + 1 < n && t.charAt(i) == '0' && (t.charAt(i + 1) == 'x' || t.charAt(i + 1) == 'o'
                || t.charAt(i + 1) == 'b')) {
            char base = t.charAt(i + 1);
            String baseName = base == 'x' ? "hexadecimal" : base == 'o' ? "octal" : "binary";
            String article = base == 'o' ? "an " : "a ";
            if (signed) {
                return new Problem("number", article + baseName + " number cannot have a sign");
            }
            int radix = base == 'x' ? 16 : base == 'o' ? 8 : 2;
            int end = digits(t, i + 2, radix);
            if (end != n) {
                return new Problem("number", end == DIGITS_BAD_UNDERSCORE
                        ? "`_` must stand between two digits"
                        : "not a valid " + baseName + " number");
            }
            String digits = t.substring(i + 2).replace("_", "");
            try {
                Long.parseLong(digits, radix);
            } catch (NumberFormatException e) {
                return new Problem("integer", "it does not fit in a 64-bit signed integer");
            }
            return null;
        }
        int intStart = i;
        int intEnd = digits(t, i, 10);
        if (intEnd == DIGITS_BAD_UNDERSCORE) {
            return new Problem("number", "`_` must stand between two digits");
        }
        if (intEnd == DIGITS_NONE) {
            return new Problem("number", "a number needs digits before its decimal point or exponent");
        }
        if (t.charAt(intStart) == '0' && intEnd - intStart > 1) {
            return new Problem("number", "leading zeros are not allowed (write 0o17 for an octal number)");
        }
        i = intEnd;
        boolean isFloat = false;
        if (i < n && t.charAt(i) == '.') {
            isFloat = true;
            int fracEnd = digits(t, i + 1, 10);
            if (fracEnd == DIGITS_BAD_UNDERSCORE) {
                return new Problem("number", "`_` must stand between two digits");
            }
            if (fracEnd == DIGITS_NONE) {
                return new Problem("number", "a decimal point needs digits on both sides");
            }
            i = fracEnd;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            isFloat = true;
            int expStart = i + 1;
            if (expStart < n && (t.charAt(expStart) == '+' || t.charAt(expStart) == '-')) {
                expStart++;
            }
            int expEnd = digits(t, expStart, 10);
            if (expEnd == DIGITS_BAD_UNDERSCORE) {
                return new Problem("number", "`_` must stand between two digits");
            }
            if (expEnd == DIGITS_NONE) {
                return new Problem("number", "an exponent needs digits");
            }
            i = expEnd;
        }
        if (i != n) {
            return new Problem("number", "unexpected " + TomlText.describeChar(t.codePointAt(i)) + " in a number");
        }
        String clean = t.replace("_", "");
        if (isFloat) {
            if (clean.length() > 1000) {
                return new Problem("float", "it has more than 1,000 characters");
            }
            double value = Double.parseDouble(clean);
            if (Double.isInfinite(value)) {
                return new Problem("float", "it is too large for a 64-bit float");
            }
            return null;
        }
        try {
            Long.parseLong(clean);
        } catch (NumberFormatException e) {
            return new Problem("integer", "it does not fit in a 64-bit signed integer");
        }
        return null;
    }

    private static final int DIGITS_NONE = -1;
    private static final int DIGITS_BAD_UNDERSCORE = -2;

    /**
     * Reads digits of the radix with single underscores between them, from {@code start}; returns the index after the
     * last digit, {@link #DIGITS_NONE} when there is no digit, {@link #DIGITS_BAD_UNDERSCORE} for a misplaced
     * {@code _}.
     */
    private static int digits(String t, int start, int radix) {
        int n = t.length();
        int i = start;
        boolean lastWasDigit = false;
        while (i < n) {
            char c = t.charAt(i);
            if (c == '_') {
                if (!lastWasDigit) {
                    return DIGITS_BAD_UNDERSCORE;
                }
                lastWasDigit = false;
            } else if (Character.digit(c, radix) >= 0 && c < 0x80) {
                lastWasDigit = true;
            } else {
                break;
            }
            i++;
        }
        if (i == start) {
            return DIGITS_NONE;
        }
        if (!lastWasDigit) {
            return DIGITS_BAD_UNDERSCORE;
        }
        return i;
    }

    // ---- dates and times -----------------------------------------------------------------------------------------

    /** True when the token starts like a date: four digits and a dash. */
    private static boolean looksLikeDate(String t) {
        return t.length() >= 5 && isDigit(t.charAt(0)) && isDigit(t.charAt(1)) && isDigit(t.charAt(2))
                && isDigit(t.charAt(3)) && t.charAt(4) == '-';
    }

    /** True when the token starts like a time: two digits and a colon. */
    private static boolean looksLikeTime(String t) {
        return t.length() >= 3 && isDigit(t.charAt(0)) && isDigit(t.charAt(1)) && t.charAt(2) == ':';
    }

    /** True when the token is exactly a full date, {@code YYYY-MM-DD}. */
    static boolean isFullDate(String t) {
        return t.length() == 10 && isFullDateAt(t);
    }

    /** True when the token starts with a full date, {@code YYYY-MM-DD}. */
    private static boolean isFullDateAt(String t) {
        return t.length() >= 10 && looksLikeDate(t) && isDigit(t.charAt(5)) && isDigit(t.charAt(6))
                && t.charAt(7) == '-' && isDigit(t.charAt(8)) && isDigit(t.charAt(9));
    }

    private static final String DATE_FORMS =
            "expected YYYY-MM-DD, HH:MM[:SS[.fraction]] or YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|+HH:MM]";

    private static @Nullable Problem checkDateTime(String t) {
        int n = t.length();
        int i = 0;
        String what;
        if (looksLikeDate(t)) {
            if (n < 10 || !isFullDateAt(t)) {
                return new Problem("date", DATE_FORMS);
            }
            int year = num(t, 0, 4);
            int month = num(t, 5, 2);
            int day = num(t, 8, 2);
            if (month < 1 || month > 12) {
                return new Problem("date", "there is no month " + month);
            }
            int days = Month.of(month).length(Year.isLeap(year));
            if (day < 1) {
                return new Problem("date", "there is no day 0");
            }
            if (day > days) {
                return new Problem("date", Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year
                        + " has " + days + " days");
            }
            if (n == 10) {
                return null;
            }
            char delimiter = t.charAt(10);
            if (delimiter != 'T' && delimiter != 't' && delimiter != ' ') {
                return new Problem("date-time", DATE_FORMS);
            }
            i = 11;
            what = "date-time";
        } else {
            what = "time";
        }
        int timeEnd = timeEnd(t, i);
        if (timeEnd < 0) {
            return new Problem(what, timeProblem(t, i));
        }
        i = timeEnd;
        if (i == n) {
            return null;
        }
        if (what.equals("time")) {
            return new Problem("time", "a time without a date cannot have an offset; " + DATE_FORMS);
        }
        char z = t.charAt(i);
        if ((z == 'Z' || z == 'z') && i + 1 == n) {
            return null;
        }
        if ((z == '+' || z == '-') && n - i == 6 && isDigit(t.charAt(i + 1)) && isDigit(t.charAt(i + 2))
                && t.charAt(i + 3) == ':' && isDigit(t.charAt(i + 4)) && isDigit(t.charAt(i + 5))) {
            int hours = num(t, i + 1, 2);
            int minutes = num(t, i + 4, 2);
            if (hours > 23) {
                return new Problem(what, "an offset cannot be " + hours + " hours");
            }
            if (minutes > 59) {
                return new Problem(what, "an offset cannot have " + minutes + " minutes");
            }
            if (hours * 60 + minutes > MAX_OFFSET_MINUTES) {
                return new Problem(what, "an offset must be between -18:00 and +18:00");
            }
            return null;
        }
        return new Problem(what, DATE_FORMS);
    }

    /** The largest offset java.time represents: 18 hours. */
    private static final int MAX_OFFSET_MINUTES = 18 * 60;

    /** The index after a valid {@code HH:MM[:SS[.frac]]} at {@code i}, or -1 ({@link #timeProblem} says why). */
    private static int timeEnd(String t, int i) {
        int n = t.length();
        if (n - i < 5 || !isDigit(t.charAt(i)) || !isDigit(t.charAt(i + 1)) || t.charAt(i + 2) != ':'
                || !isDigit(t.charAt(i + 3)) || !isDigit(t.charAt(i + 4))) {
            return -1;
        }
        if (num(t, i, 2) > 23 || num(t, i + 3, 2) > 59) {
            return -1;
        }
        int end = i + 5;
        if (end < n && t.charAt(end) == ':') {
            if (n - end < 3 || !isDigit(t.charAt(end + 1)) || !isDigit(t.charAt(end + 2))
                    || num(t, end + 1, 2) > 59) {
                return -1;
            }
            end += 3;
            if (end < n && t.charAt(end) == '.') {
                int fracStart = end + 1;
                end = fracStart;
                while (end < n && isDigit(t.charAt(end))) {
                    end++;
                }
                if (end == fracStart) {
                    return -1;
                }
            }
        }
        return end;
    }

    /** Why {@link #timeEnd} refused the time at {@code i}. */
    private static String timeProblem(String t, int i) {
        int n = t.length();
        if (n - i < 5 || !isDigit(t.charAt(i)) || !isDigit(t.charAt(i + 1)) || t.charAt(i + 2) != ':'
                || !isDigit(t.charAt(i + 3)) || !isDigit(t.charAt(i + 4))) {
            return DATE_FORMS;
        }
        int hour = num(t, i, 2);
        int minute = num(t, i + 3, 2);
        if (hour > 23) {
            return "there is no hour " + hour + " (00 to 23)";
        }
        if (minute > 59) {
            return "there is no minute " + minute + " (00 to 59)";
        }
        int end = i + 5;
        if (n - end < 3 || !isDigit(t.charAt(end + 1)) || !isDigit(t.charAt(end + 2))) {
            return DATE_FORMS;
        }
        int second = num(t, end + 1, 2);
        if (second > 59) {
            return "there is no second " + second + " (00 to 59)";
        }
        return "a decimal point in seconds needs digits after it";
    }

    private static int num(String t, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            value = value * 10 + (t.charAt(i) - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---- values --------------------------------------------------------------------------------------------------

    /**
     * The tree node of a token that {@link #check} accepted, the node Jackson's TOML parser (3.3.0, with
     * {@code PARSE_JAVA_TIME}) made of it, so that the binder sees the same tree:
     * <ul>
     *   <li>a decimal integer is an {@link IntNode} when it fits in 32 bits, else a {@link LongNode};</li>
     *   <li>a hexadecimal, octal or binary integer is chosen by its number of digits (leading zeros count,
     *       underscores do not): up to 7, 10 and 31 digits an {@link IntNode}, up to 15, 21 and 63 digits a
     *       {@link LongNode}, beyond that a {@link BigIntegerNode};</li>
     *   <li>a float is a {@link DecimalNode} of the digits as written ({@code 1.50} keeps its scale, {@code -0.0} is
     *       zero), {@code inf} and {@code nan} (with any sign) {@link DoubleNode}s;</li>
     *   <li>a date-time is a {@link POJONode} of a {@link OffsetDateTime}, {@link LocalDateTime}, {@link LocalDate}
     *       or {@link LocalTime}; fractional seconds beyond nanoseconds are truncated, as TOML allows.</li>
     * </ul>
     */
    static JsonNode value(String t) {
        if (t.equals("true")) {
            return BooleanNode.TRUE;
        }
        if (t.equals("false")) {
            return BooleanNode.FALSE;
        }
        char first = t.charAt(0);
        int signed = first == '+' || first == '-' ? 1 : 0;
        if (t.length() == signed + 3) {
            if (t.startsWith("inf", signed)) {
                return DoubleNode.valueOf(first == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            if (t.startsWith("nan", signed)) {
                return DoubleNode.valueOf(Double.NaN);
            }
        }
        if (looksLikeDate(t) || looksLikeTime(t)) {
            return new POJONode(temporal(t));
        }
        String clean = t.indexOf('_') < 0 ? t : t.replace("_", "");
        if (clean.length() > 2 && clean.charAt(0) == '0') {
            char base = clean.charAt(1);
            if (base == 'x') {
                return radixInteger(clean.substring(2), 16, 7, 15);
            }
            if (base == 'o') {
                return radixInteger(clean.substring(2), 8, 10, 21);
            }
            if (base == 'b') {
                return radixInteger(clean.substring(2), 2, 31, 63);
            }
        }
        if (clean.indexOf('.') >= 0 || clean.indexOf('e') >= 0 || clean.indexOf('E') >= 0) {
            return DecimalNode.valueOf(new BigDecimal(clean));
        }
        return integer(Long.parseLong(clean));
    }

    /** A decimal integer's node: 32 bits when it fits. */
    static JsonNode integer(long value) {
        int narrow = (int) value;
        return narrow == value ? IntNode.valueOf(narrow) : LongNode.valueOf(value);
    }

    private static JsonNode radixInteger(String digits, int radix, int maxIntDigits, int maxLongDigits) {
        int length = digits.length();
        if (length <= maxIntDigits) {
            return IntNode.valueOf(Integer.parseInt(digits, radix));
        }
        if (length <= maxLongDigits) {
            return LongNode.valueOf(Long.parseLong(digits, radix));
        }
        return BigIntegerNode.valueOf(new BigInteger(digits, radix));
    }

    /** The java.time value of a valid date, time or date-time token. */
    private static Object temporal(String t) {
        int n = t.length();
        if (!looksLikeDate(t)) {
            return time(t, 0, n);
        }
        int year = num(t, 0, 4);
        int month = num(t, 5, 2);
        int day = num(t, 8, 2);
        if (n == 10) {
            return LocalDate.of(year, month, day);
        }
        int timeEnd = timeEnd(t, 11);
        LocalTime time = time(t, 11, timeEnd);
        LocalDate date = LocalDate.of(year, month, day);
        if (timeEnd == n) {
            return LocalDateTime.of(date, time);
        }
        ZoneOffset offset;
        char z = t.charAt(timeEnd);
        if (z == 'Z' || z == 'z') {
            offset = ZoneOffset.UTC;
        } else {
            int sign = z == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * num(t, timeEnd + 1, 2), sign * num(t, timeEnd + 4, 2));
        }
        return OffsetDateTime.of(date, time, offset);
    }

    /** The local time {@code HH:MM[:SS[.frac]]} in {@code t[start, end)}; fraction digits beyond 9 are dropped. */
    private static LocalTime time(String t, int start, int end) {
        int hour = num(t, start, 2);
        int minute = num(t, start + 3, 2);
        int second = 0;
        int nano = 0;
        int at = start + 5;
        if (at < end && t.charAt(at) == ':') {
            second = num(t, at + 1, 2);
            at += 3;
            if (at < end && t.charAt(at) == '.') {
                int digits = 0;
                for (int k = at + 1; k < end && digits < 9; k++, digits++) {
                    nano = nano * 10 + (t.charAt(k) - '0');
                }
                for (; digits < 9; digits++) {
                    nano *= 10;
                }
            }
        }
        return LocalTime.of(hour, minute, second, nano);
    }
}
