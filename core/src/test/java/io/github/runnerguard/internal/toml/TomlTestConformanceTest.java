package io.github.runnerguard.internal.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.load.LoadLimits;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.POJONode;

/**
 * Runs the official toml-test suite, TOML 1.1.0 case list, through {@link TomlFrontEnd}: every valid case must parse
 * to the values of its JSON file (toml-test's tagged form, date-times compared by value), every invalid case must be
 * rejected with a plain-words diagnostic.
 */
class TomlTestConformanceTest {

    /**
     * Cases the front end is known to get wrong, with the reason. Kept honest by
     * {@link #knownFailuresStillFail()}: an entry that starts passing must be removed.
     */
    static final Map<String, String> KNOWN_FAILURES = Map.of();

    /** Words of Jackson's messages and token names that must never reach a diagnostic. */
    private static final List<String> JACKSON_WORDING = List.of("Unknown token", "Got ", "KEY_VAL_SEP",
            "STD_TABLE", "ARRAY_TABLE", "UNQUOTED_KEY", "tools.jackson", "TomlStreamReadException", "[Source:");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void validCasesParseToTheExpectedValues() throws IOException {
        List<String> cases = cases("valid/");
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (String name : cases) {
            String problem = checkValid(name);
            if (problem == null) {
                passed++;
            } else if (!KNOWN_FAILURES.containsKey(name)) {
                failures.add(name + ": " + problem);
            }
        }
        System.out.printf(Locale.ROOT, "toml-test 1.1.0 valid: %d/%d parse to the expected values%n", passed,
                cases.size());
        assertTrue(cases.size() > 200, "the case list looks truncated: " + cases.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void invalidCasesAreRejected() throws IOException {
        List<String> cases = cases("invalid/");
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (String name : cases) {
            String problem = checkInvalid(name);
            if (problem == null) {
                passed++;
            } else if (!KNOWN_FAILURES.containsKey(name)) {
                failures.add(name + ": " + problem);
            }
        }
        System.out.printf(Locale.ROOT, "toml-test 1.1.0 invalid: %d/%d rejected with a plain-words diagnostic%n",
                passed, cases.size());
        assertTrue(cases.size() > 400, "the case list looks truncated: " + cases.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void knownFailuresStillFail() throws IOException {
        Set<String> all = new HashSet<>(cases(""));
        for (String name : KNOWN_FAILURES.keySet()) {
            assertTrue(all.contains(name), name + " is not in the case list");
            String problem = name.startsWith("valid/") ? checkValid(name) : checkInvalid(name);
            if (problem == null) {
                fail(name + " passes now: remove it from KNOWN_FAILURES");
            }
        }
    }

    @Test
    void comparisonSeesEveryKindOfDifference() {
        ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) TomlFrontEnd.parse(
                "i = 42\nf = 1.5\ns = \"x\"\nb = true\nd = 1979-05-27T07:32:00-07:00\nl = 07:32\na = [1]\n",
                LoadLimits.DEFAULTS);
        String same = "{\"i\":{\"type\":\"integer\",\"value\":\"42\"},\"f\":{\"type\":\"float\",\"value\":\"1.5\"},"
                + "\"s\":{\"type\":\"string\",\"value\":\"x\"},\"b\":{\"type\":\"bool\",\"value\":\"true\"},"
                + "\"d\":{\"type\":\"datetime\",\"value\":\"1979-05-27T07:32:00-07:00\"},"
                + "\"l\":{\"type\":\"time-local\",\"value\":\"07:32:00\"},"
                + "\"a\":[{\"type\":\"integer\",\"value\":\"1\"}]}";
        assertEquals(null, compare(JSON.readTree(same), parsed.root(), ""));
        List<String[]> changes = List.of(new String[] {"\"42\"", "\"43\""}, new String[] {"\"1.5\"", "\"1.25\""},
                new String[] {"\"x\"", "\"y\""}, new String[] {"\"true\"", "\"false\""},
                new String[] {"-07:00", "-06:00"}, new String[] {"\"07:32:00\"", "\"07:33:00\""},
                new String[] {"\"integer\",\"value\":\"1\"", "\"float\",\"value\":\"1\""},
                new String[] {"\"s\":{", "\"t\":{"});
        for (String[] change : changes) {
            String changed = same.replace(change[0], change[1]);
            assertTrue(compare(JSON.readTree(changed), parsed.root(), "") != null, "not seen: " + change[1]);
        }
    }

    /** The .toml cases of the 1.1.0 list whose path starts with {@code prefix}. */
    private static List<String> cases(String prefix) throws IOException {
        Path list = SharedFiles.shared("toml-test/files-toml-1.1.0");
        List<String> cases = new ArrayList<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String name = line.trim();
            if (name.endsWith(".toml") && name.startsWith(prefix)) {
                cases.add(name);
            }
        }
        return cases;
    }

    private static byte[] read(String name) throws IOException {
        return Files.readAllBytes(SharedFiles.shared("toml-test").resolve(name));
    }

    /** Null when the valid case parses to its expected values, else what is wrong. */
    private static String checkValid(String name) throws IOException {
        ParseOutcome outcome = TomlFrontEnd.parse(read(name), LoadLimits.DEFAULTS);
        if (outcome instanceof ParseOutcome.Failed failed) {
            return "rejected: " + failed.diagnostic();
        }
        ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) outcome;
        String jsonName = name.substring(0, name.length() - ".toml".length()) + ".json";
        JsonNode expected = JSON.readTree(read(jsonName));
        return compare(expected, parsed.root(), "");
    }

    /** Null when the invalid case is rejected with a good diagnostic, else what is wrong. */
    private static String checkInvalid(String name) throws IOException {
        ParseOutcome outcome = TomlFrontEnd.parse(read(name), LoadLimits.DEFAULTS);
        if (!(outcome instanceof ParseOutcome.Failed failed)) {
            return "accepted";
        }
        Diagnostic diagnostic = failed.diagnostic();
        if (diagnostic.kind() != Diagnostic.Kind.SYNTAX && diagnostic.kind() != Diagnostic.Kind.ENCODING) {
            return "rejected as " + diagnostic.kind();
        }
        if (diagnostic.position() == null || diagnostic.lineText() == null) {
            return "no position or line text: " + diagnostic;
        }
        for (String word : JACKSON_WORDING) {
            if (diagnostic.message().contains(word)) {
                return "Jackson wording in \"" + diagnostic.message() + "\"";
            }
        }
        if (diagnostic.message().contains("\n")) {
            return "message has more than one line";
        }
        return null;
    }

    /** Compares toml-test's tagged JSON with the parsed tree; null when equal, else the first difference. */
    static String compare(JsonNode expected, JsonNode actual, String path) {
        if (isTaggedScalar(expected)) {
            return compareScalar(expected.get("type").asString(), expected.get("value").asString(), actual, path);
        }
        if (expected.isArray()) {
            if (!actual.isArray()) {
                return path + ": expected an array, got " + actual.getNodeType();
            }
            if (expected.size() != actual.size()) {
                return path + ": expected " + expected.size() + " elements, got " + actual.size();
            }
            for (int i = 0; i < expected.size(); i++) {
                String problem = compare(expected.get(i), actual.get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (!actual.isObject()) {
            return path + ": expected a table, got " + actual.getNodeType();
        }
        Set<String> expectedKeys = new HashSet<>(expected.propertyNames());
        Set<String> actualKeys = new HashSet<>(actual.propertyNames());
        if (!expectedKeys.equals(actualKeys)) {
            return path + ": expected keys " + expectedKeys + ", got " + actualKeys;
        }
        for (String key : expectedKeys) {
            String problem = compare(expected.get(key), actual.get(key), path + "." + key);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static boolean isTaggedScalar(JsonNode node) {
        return node.isObject() && node.size() == 2 && node.has("type") && node.get("type").isString()
                && node.has("value") && node.get("value").isString();
    }

    private static String compareScalar(String type, String value, JsonNode actual, String path) {
        boolean equal;
        switch (type) {
            case "string":
                equal = actual.isString() && actual.asString().equals(value);
                break;
            case "integer":
                equal = actual.isIntegralNumber() && actual.bigIntegerValue().equals(new BigInteger(value));
                break;
            case "float":
                equal = actual.isFloatingPointNumber() && sameDouble(parseFloat(value), actual.doubleValue());
                break;
            case "bool":
                equal = actual.isBoolean() && actual.booleanValue() == Boolean.parseBoolean(value);
                break;
            case "datetime":
                equal = pojo(actual) instanceof OffsetDateTime time && time.equals(OffsetDateTime.parse(iso(value)));
                break;
            case "datetime-local":
                equal = pojo(actual) instanceof LocalDateTime time && time.equals(LocalDateTime.parse(iso(value)));
                break;
            case "date-local":
                equal = pojo(actual) instanceof LocalDate date && date.equals(LocalDate.parse(value));
                break;
            case "time-local":
                equal = pojo(actual) instanceof LocalTime time && time.equals(LocalTime.parse(value));
                break;
            default:
                return path + ": unknown type " + type;
        }
        return equal ? null : path + ": expected " + type + " " + value + ", got " + describe(actual);
    }

    private static Object pojo(JsonNode node) {
        return node instanceof POJONode pojo ? pojo.getPojo() : null;
    }

    private static String describe(JsonNode node) {
        Object pojo = pojo(node);
        return pojo != null ? pojo.getClass().getSimpleName() + " " + pojo : node.getNodeType() + " " + node;
    }

    /** toml-test writes date-times as TOML does; java.time wants an upper-case {@code T} and {@code Z}. */
    private static String iso(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        return upper.length() > 10 && upper.charAt(10) == ' ' ? upper.substring(0, 10) + "T" + upper.substring(11)
                : upper;
    }

    private static double parseFloat(String value) {
        switch (value) {
            case "inf":
            case "+inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
            case "+nan":
            case "-nan":
                return Double.NaN;
            default:
                return Double.parseDouble(value);
        }
    }

    private static boolean sameDouble(double expected, double actual) {
        return Double.isNaN(expected) ? Double.isNaN(actual) : expected == actual;
    }
}
