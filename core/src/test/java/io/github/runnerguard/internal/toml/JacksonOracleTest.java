package io.github.runnerguard.internal.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.load.LoadLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;
import tools.jackson.dataformat.toml.TomlFactory;
import tools.jackson.dataformat.toml.TomlMapper;
import tools.jackson.dataformat.toml.TomlReadFeature;

/**
 * The front end's tree against the tree Jackson's own TOML parser (3.3.0, with {@code PARSE_JAVA_TIME}, as the
 * loader used it before it parsed in one pass) builds from the same text: node for node the same classes, values,
 * scales, key order and {@code java.time} values, over every valid toml-test case, every corpus file, boundary
 * tokens of every scalar kind and random ones. Where Jackson is wrong (a surrogate pair across its buffer refill;
 * fractional seconds beyond nanoseconds, which it rejects) the oracle is Jackson on the equal text that avoids the
 * defect: the character as a {@code \U} escape, the fraction cut to nine digits.
 */
class JacksonOracleTest {

    private static final TomlMapper JACKSON = new TomlMapper(TomlFactory.builder()
            .enable(TomlReadFeature.PARSE_JAVA_TIME).enable(TomlReadFeature.VALIDATE_DATE_TIME).build());

    /**
     * Null when the two trees are node for node the same, else the first difference: the same node classes, equal
     * values (decimals with their scale, doubles bit for bit but NaN, date-times of the same class), keys in the same
     * order.
     */
    static String difference(JsonNode expected, JsonNode actual, String path) {
        if (expected.getClass() != actual.getClass()) {
            return path + ": " + expected.getClass().getSimpleName() + " " + expected + " but "
                    + actual.getClass().getSimpleName() + " " + actual;
        }
        if (expected instanceof ObjectNode) {
            List<String> expectedKeys = new ArrayList<>(expected.propertyNames());
            List<String> actualKeys = new ArrayList<>(actual.propertyNames());
            if (!expectedKeys.equals(actualKeys)) {
                return path + ": keys " + expectedKeys + " but " + actualKeys;
            }
            for (String key : expectedKeys) {
                String problem = difference(expected.get(key), actual.get(key), path + "." + key);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (expected instanceof ArrayNode) {
            if (expected.size() != actual.size()) {
                return path + ": " + expected.size() + " elements but " + actual.size();
            }
            for (int i = 0; i < expected.size(); i++) {
                String problem = difference(expected.get(i), actual.get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        boolean same;
        if (expected instanceof DecimalNode) {
            same = expected.decimalValue().equals(actual.decimalValue());
        } else if (expected instanceof DoubleNode) {
            same = Double.compare(expected.doubleValue(), actual.doubleValue()) == 0;
        } else if (expected instanceof POJONode pojo) {
            Object want = pojo.getPojo();
            Object got = ((POJONode) actual).getPojo();
            same = want != null && got != null && want.getClass() == got.getClass() && want.equals(got);
        } else {
            same = expected.equals(actual);
        }
        return same ? null : path + ": " + describe(expected) + " but " + describe(actual);
    }

    private static String describe(JsonNode node) {
        if (node instanceof POJONode pojo) {
            Object value = pojo.getPojo();
            return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
        }
        if (node instanceof DecimalNode) {
            return node.decimalValue() + " (scale " + node.decimalValue().scale() + ")";
        }
        return node.toString();
    }

    /** Null when the front end parses {@code text} to the tree Jackson builds from {@code oracleText}. */
    private static String compare(String text, String oracleText) {
        ParseOutcome outcome = TomlFrontEnd.parse(text, LoadLimits.DEFAULTS);
        if (outcome instanceof ParseOutcome.Failed failed) {
            return "rejected: " + failed.diagnostic();
        }
        JsonNode expected = JACKSON.readTree(oracleText);
        return difference(expected, ((ParseOutcome.Parsed) outcome).root(), "");
    }

    private static String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    @Test
    void everyValidTomlTestCaseParsesToJacksonsTree() throws IOException {
        Path root = SharedFiles.shared("toml-test");
        List<String> failures = new ArrayList<>();
        int files = 0;
        for (String name : Files.readAllLines(root.resolve("files-toml-1.1.0"), StandardCharsets.UTF_8)) {
            if (name.startsWith("valid/") && name.endsWith(".toml")) {
                files++;
                String text = read(root.resolve(name));
                String problem;
                try {
                    problem = compare(text, text);
                } catch (JacksonException e) {
                    problem = "Jackson rejects it: " + e.getOriginalMessage();
                }
                if (problem != null) {
                    failures.add(name + ": " + problem);
                }
            }
        }
        System.out.printf(Locale.ROOT, "Jackson oracle: %d valid toml-test cases compared node for node%n", files);
        assertTrue(files > 200, "the case list looks truncated: " + files);
        assertEquals(List.of(), failures);
    }

    @Test
    void everyCorpusFileParsesToJacksonsTreeOrIsRejectedByBoth() throws IOException {
        Path dir = SharedFiles.shared("corpus/gitlab-runner");
        List<String> failures = new ArrayList<>();
        int compared = 0;
        int rejected = 0;
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.toString().endsWith(".toml")).sorted().toList();
        }
        for (Path file : files) {
            String text = read(file);
            JsonNode expected;
            try {
                expected = JACKSON.readTree(text);
            } catch (JacksonException e) {
                rejected++;
                if (TomlFrontEnd.parse(text, LoadLimits.DEFAULTS) instanceof ParseOutcome.Parsed) {
                    failures.add(file.getFileName() + ": Jackson rejects it, the front end parses it");
                }
                continue;
            }
            compared++;
            String problem = compare(text, text);
            if (problem != null) {
                failures.add(file.getFileName() + ": " + problem);
            }
        }
        System.out.printf(Locale.ROOT, "Jackson oracle: %d corpus files compared node for node, %d rejected by both%n",
                compared, rejected);
        assertTrue(compared > 200, "too few corpus files: " + compared);
        assertEquals(List.of(), failures);
    }

    @Test
    void scalarsAtEveryTypeBoundaryMatchJackson() {
        List<String> tokens = new ArrayList<>(List.of("0", "-0", "+0", "7", "+17", "-17", "2147483647", "2147483648",
                "-2147483648", "-2147483649", "1234567890", "1_2_3_4_5_6_7_8_9_0", "999999999999999999",
                "9223372036854775807", "-9223372036854775808", "9_223_372_036_854_775_807", "0x1_000000",
                "0x1_0000000", "0x7f_ff_ff_ff", "0xDEADbeef", "0x7FFFFFFFFFFFFFFF", "0o1_1_1_1_1_1_1_1_1_1_1",
                "0o777777777777777777777", "0b1" + "_1".repeat(31), "1.5", "1.50", "100.0", "-0.0", "+0.0", "0.0",
                "1e3", "1E3", "1e+3", "1e-3", "1e1_0", "1_0.0_1", "0e0", "-0e0", "6.02e+23", "1.0E-07",
                "3.141_592_653_589_793_238_462_643", "1.7976931348623157e308", "4.9e-324", "inf", "+inf", "-inf",
                "nan", "+nan", "-nan", "true", "false", "1979-05-27", "0001-01-01", "9999-12-31", "2024-02-29",
                "07:32", "07:32:00", "23:59:59.999999999", "00:00:00.1", "00:00:00.100", "1979-05-27T07:32",
                "1979-05-27t07:32:00", "1979-05-27 07:32:00.5", "1979-05-27T07:32:00Z", "1979-05-27T07:32:00z",
                "1979-05-27T07:32Z", "1979-05-27T07:32:00-00:00", "1979-05-27T07:32:00+18:00",
                "1979-05-27T07:32:00-18:00", "1979-05-27T07:32:00.123456789-07:30", "1979-05-27 07:32+05:45"));
        for (int digits = 1; digits <= 17; digits++) {
            tokens.add("0x" + "0".repeat(digits - 1) + "1");
            tokens.add("0x" + "7".repeat(Math.min(digits, 16)));
        }
        for (int digits = 1; digits <= 23; digits++) {
            tokens.add("0o" + "0".repeat(digits - 1) + "1");
        }
        for (int digits : new int[] {1, 30, 31, 32, 33, 62, 63, 64, 65}) {
            tokens.add("0b" + "0".repeat(digits - 1) + "1");
            tokens.add("0b" + "1".repeat(Math.min(digits, 63)));
        }
        List<String> failures = new ArrayList<>();
        for (String token : tokens) {
            String text = "v = " + token + "\na = [" + token + ", " + token + "]\nt = { v = " + token + " }\n";
            String problem = compare(text, text);
            if (problem != null) {
                failures.add(token + ": " + problem);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void randomScalarsMatchJackson() {
        qt().withExamples(2000).forAll(scalars()).checkAssert(token -> {
            String text = "v = " + token + "\n";
            assertNull(compare(text, text), token);
        });
    }

    /** Random valid TOML integers, floats and date-times, in every spelling TOML allows. */
    private static Gen<String> scalars() {
        Gen<String> decimal = longs().all().zip(booleans().all(), integers().between(0, 3),
                (value, plus, underscores) -> (plus && value >= 0 ? "+" : "") + underscored(Long.toString(value),
                        underscores));
        Gen<String> radix = longs().between(0, Long.MAX_VALUE).zip(integers().between(0, 2),
                integers().between(0, 4), integers().between(0, 2), (value, base, zeros, underscores) -> {
                    String digits = Long.toString(value, base == 0 ? 16 : base == 1 ? 8 : 2);
                    String prefix = base == 0 ? "0x" : base == 1 ? "0o" : "0b";
                    return prefix + underscored("0".repeat(zeros) + (value % 3 == 0
                            ? digits.toUpperCase(Locale.ROOT) : digits), underscores);
                });
        Gen<String> floats = longs().all().zip(integers().between(-30, 30), integers().between(0, 2),
                (unscaled, scale, form) -> {
                    BigDecimal value = BigDecimal.valueOf(unscaled, scale);
                    String plain = value.toPlainString();
                    String text = form == 0 ? (plain.contains(".") ? plain : plain + ".0")
                            : form == 1 ? value.toString().replace("E", "e") : Double.toString(value.doubleValue());
                    return text.contains(".") || text.contains("e") || text.contains("E") ? text : text + ".0";
                });
        Gen<String> dateTimes = longs().between(-62_135_596_800L, 253_402_300_799L).zip(
                integers().between(0, 999_999_999), integers().between(-18 * 60, 18 * 60), integers().between(0, 11),
                (seconds, nanos, offset, form) -> dateTime(seconds, nanos, offset, form));
        return decimal.mix(radix, 25).mix(floats, 35).mix(dateTimes, 40);
    }

    /** Puts up to {@code count} single underscores between digits (never first or last). */
    private static String underscored(String number, int count) {
        StringBuilder out = new StringBuilder(number);
        int placed = 0;
        for (int at = out.length() - 2; at > 0 && placed < count; at -= 3) {
            if (Character.isLetterOrDigit(out.charAt(at)) && Character.isLetterOrDigit(out.charAt(at - 1))
                    && out.charAt(at - 1) != 'x' && out.charAt(at - 1) != 'o' && out.charAt(at - 1) != 'b') {
                out.insert(at, '_');
                placed++;
            }
        }
        return out.toString();
    }

    private static String dateTime(long seconds, int nanos, int offsetMinutes, int form) {
        LocalDateTime at = LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
        String date = String.format(Locale.ROOT, "%04d-%02d-%02d", at.getYear(), at.getMonthValue(),
                at.getDayOfMonth());
        String fraction = form % 3 == 0 ? "" : "." + String.format(Locale.ROOT, "%09d", nanos)
                .substring(0, 1 + nanos % 9);
        String time = String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute())
                + (form == 11 ? "" : String.format(Locale.ROOT, ":%02d", at.getSecond()) + fraction);
        String offset = offsetMinutes % 5 == 0 ? (offsetMinutes % 2 == 0 ? "Z" : "z")
                : String.format(Locale.ROOT, "%s%02d:%02d", offsetMinutes < 0 ? "-" : "+",
                        Math.abs(offsetMinutes) / 60, Math.abs(offsetMinutes) % 60);
        switch (form % 6) {
            case 0:
                return date;
            case 1:
                return time;
            case 2:
                return date + "T" + time;
            case 3:
                return date + " " + time + offset;
            case 4:
                return date + "t" + time;
            default:
                return date + "T" + time + offset;
        }
    }

    @Test
    void whereJacksonLosesASurrogatePairTheTreeIsJacksonsTreeOfTheEscapedText() {
        String grin = "\uD83D\uDE00";
        for (int pad = 3990; pad <= 4010; pad++) {
            String padding = "y".repeat(pad);
            String text = "v = \"" + padding + grin + "\"\n'" + padding + grin + "' = ['" + grin + "']\n";
            String escaped = text.replace(grin, "\\U0001F600").replace("'", "\"");
            assertNull(compare(text, escaped), "padding " + pad);
        }
    }

    @Test
    void fractionalSecondsBeyondNanosecondsAreJacksonsTreeOfTheTruncatedText() {
        String text = "a = 1979-05-27T07:32:00.1234567899Z\nb = 07:32:00.99999999999999\n"
                + "c = 1979-05-27 00:00:00.0000000001\n";
        assertNull(compare(text, "a = 1979-05-27T07:32:00.123456789Z\nb = 07:32:00.999999999\n"
                + "c = 1979-05-27 00:00:00.000000000\n"));
    }

    @Test
    void offsetsJavaTimeCannotHoldAreRejectedByBoth() {
        for (String offset : List.of("+18:01", "-19:00", "+23:59")) {
            String text = "t = 1979-05-27T07:32:00" + offset + "\n";
            Diagnostic d = assertInstanceOf(ParseOutcome.Failed.class, TomlFrontEnd.parse(text, LoadLimits.DEFAULTS))
                    .diagnostic();
            assertEquals("invalid date-time `1979-05-27T07:32:00" + offset + "`: an offset must be between -18:00 "
                    + "and +18:00", d.message());
            assertEquals(Diagnostic.Kind.SYNTAX, d.kind());
            boolean jacksonRejects;
            try {
                JACKSON.readTree(text);
                jacksonRejects = false;
            } catch (JacksonException e) {
                jacksonRejects = true;
            }
            assertTrue(jacksonRejects, offset);
        }
    }

    @Test
    void theComparisonSeesEveryKindOfDifference() {
        JsonNode base = JACKSON.readTree("a = 1\nb = 1.50\nc = 1979-05-27\nd = [1]\ne = 'x'\nf = nan\n");
        assertNull(difference(base, JACKSON.readTree("a = 1\nb = 1.50\nc = 1979-05-27\nd = [1]\ne = 'x'\nf = nan\n"),
                ""));
        for (String changed : List.of("a = 0x00000001\nb = 1.50\nc = 1979-05-27\nd = [1]\ne = 'x'\nf = nan\n",
                "a = 1\nb = 1.5\nc = 1979-05-27\nd = [1]\ne = 'x'\nf = nan\n",
                "a = 1\nb = 1.50\nc = 1979-05-27T00:00:00\nd = [1]\ne = 'x'\nf = nan\n",
                "a = 1\nb = 1.50\nc = 1979-05-27\nd = [1, 2]\ne = 'x'\nf = nan\n",
                "a = 1\nb = 1.50\nc = 1979-05-27\nd = [1]\ne = 'y'\nf = nan\n",
                "a = 1\nb = 1.50\nc = 1979-05-27\nd = [1]\ne = 'x'\nf = inf\n",
                "b = 1.50\na = 1\nc = 1979-05-27\nd = [1]\ne = 'x'\nf = nan\n")) {
            assertNotNull(difference(base, JACKSON.readTree(changed), ""), changed);
        }
        assertNotNull(difference(JACKSON.readTree("v = 1.0e1\n"), JACKSON.readTree("v = 10.0\n"), ""));
        assertEquals(BigInteger.ONE, JACKSON.readTree("v = 0x0000000000000001\n").get("v").bigIntegerValue());
    }
}
