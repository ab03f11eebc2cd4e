package io.github.runnerguard.internal.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.runnerguard.config.Comment;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.load.LoadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The position index against the front end's tree (which {@link JacksonOracleTest} holds to Jackson's): over every
 * valid toml-test case and every corpus file that parses, each path of the tree has a position on a line that holds
 * its key (or its header, or its array element), and each path the scanner found is a path of the tree. Then the
 * contract's cases one by one.
 */
class PositionIndexTest {

    @Test
    void everyTomlTestPathHasItsPositionAndNoOther() throws IOException {
        Path root = SharedFiles.shared("toml-test");
        List<String> failures = new ArrayList<>();
        int files = 0;
        int paths = 0;
        for (String name : Files.readAllLines(root.resolve("files-toml-1.1.0"), StandardCharsets.UTF_8)) {
            if (name.startsWith("valid/") && name.endsWith(".toml")) {
                ParseOutcome outcome = TomlFrontEnd.parse(Files.readAllBytes(root.resolve(name)), LoadLimits.DEFAULTS);
                assertTrue(outcome instanceof ParseOutcome.Parsed, name + " does not parse: " + outcome);
                paths += check((ParseOutcome.Parsed) outcome, name, failures);
                files++;
            }
        }
        System.out.printf(Locale.ROOT, "position index: %d toml-test files, %d paths checked%n", files, paths);
        assertEquals(List.of(), failures);
    }

    @Test
    void everyCorpusPathHasItsPositionAndNoOther() throws IOException {
        Path dir = SharedFiles.shared("corpus/gitlab-runner");
        List<String> failures = new ArrayList<>();
        int files = 0;
        int paths = 0;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(f -> f.toString().endsWith(".toml")).sorted().toList()) {
                ParseOutcome outcome = TomlFrontEnd.parse(Files.readAllBytes(file), LoadLimits.DEFAULTS);
                if (outcome instanceof ParseOutcome.Parsed parsed) {
                    paths += check(parsed, file.getFileName().toString(), failures);
                    files++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "position index: %d corpus files, %d paths checked%n", files, paths);
        assertTrue(files > 200, "too few corpus files parsed: " + files);
        assertEquals(List.of(), failures);
    }

    /** Checks the index of one document both ways; returns the number of paths of the tree. */
    static int check(ParseOutcome.Parsed parsed, String name, List<String> failures) {
        SourcePositionIndex index = (SourcePositionIndex) parsed.positions();
        int count = 0;
        ArrayDeque<Map.Entry<List<Object>, JsonNode>> pending = new ArrayDeque<>();
        pending.push(Map.entry(List.of(), parsed.root()));
        while (!pending.isEmpty()) {
            Map.Entry<List<Object>, JsonNode> entry = pending.pop();
            List<Object> path = entry.getKey();
            JsonNode node = entry.getValue();
            if (!path.isEmpty()) {
                count++;
                String problem = checkPath(parsed, path);
                if (problem != null) {
                    failures.add(name + " " + path + ": " + problem);
                }
            }
            if (node.isObject()) {
                PositionIndex.Keys keys = index.keysOf(path);
                if (keys == null) {
                    failures.add(name + " " + path + ": a table without a view of its keys");
                }
                int rank = 0;
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    List<Object> keyPath = append(path, property.getKey());
                    if (keys != null) {
                        Position expected = index.of(keyPath);
                        for (int hint : new int[] {rank, rank + 1, rank - 1, 0}) {
                            Position found = keys.position(hint, property.getKey());
                            if (!Objects.equals(expected, found)) {
                                failures.add(name + " " + keyPath + ": the table's keys give " + found + " for rank "
                                        + hint + ", the index " + expected);
                            }
                        }
                    }
                    rank++;
                    pending.push(Map.entry(keyPath, property.getValue()));
                }
                if (keys != null && keys.position(rank, "\u0000 no such key") != null) {
                    failures.add(name + " " + path + ": the table's keys find a key it does not have");
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    pending.push(Map.entry(append(path, i), node.get(i)));
                }
            }
        }
        int[] indexed = {0};
        index.forEach((path, position) -> {
            indexed[0]++;
            if (nodeAt(parsed.root(), path) == null) {
                failures.add(name + " " + path + ": found by the scanner at " + position + " but not in the tree");
            }
        });
        if (indexed[0] != count) {
            failures.add(name + ": the tree has " + count + " paths, the index " + indexed[0]);
        }
        return count;
    }

    private static String checkPath(ParseOutcome.Parsed parsed, List<Object> path) {
        Position position = parsed.positions().of(path);
        if (position == null) {
            return "no position";
        }
        if (position.line() > parsed.lines().size()) {
            return "position " + position + " is after the last line";
        }
        String line = parsed.lines().get(position.line() - 1);
        if (position.column() > line.codePointCount(0, line.length())) {
            return "position " + position + " is after the end of its line: " + line;
        }
        int at = line.offsetByCodePoints(0, position.column() - 1);
        Object last = path.get(path.size() - 1);
        if (last instanceof String key) {
            List<String> keys = keysAt(line, at);
            return keys.contains(key) ? null : "line " + position.line() + " has keys " + keys + " at column "
                    + position.column() + ", not `" + key + "`: " + line;
        }
        Position parent = parsed.positions().of(path.subList(0, path.size() - 1));
        if (parent != null && isArrayOfTablesHeader(parsed.lines().get(parent.line() - 1), parent.column())) {
            return line.startsWith("[[", at) ? null : "element of an array of tables not at its [[header]]: " + line;
        }
        char c = line.charAt(at);
        return " \t,]#=".indexOf(c) < 0 ? null : "element position " + position + " is not a value: " + line;
    }

    /** True when a line is a {@code [[header]]} that starts at the column: the only thing on its line. */
    private static boolean isArrayOfTablesHeader(String line, int column) {
        int at = line.offsetByCodePoints(0, column - 1);
        return line.substring(0, at).isBlank() && line.startsWith("[[", at)
                && line.replaceFirst("\\s*#[^\"']*$", "").strip().endsWith("]]");
    }

    private static JsonNode nodeAt(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object segment : path) {
            node = segment instanceof String key ? node.get(key) : node.get((Integer) segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return longer;
    }

    /**
     * The parts of the key (or header key) that starts at char {@code at}, unquoted: an oracle for the tests,
     * written apart from the scanner.
     */
    static List<String> keysAt(String line, int at) {
        int i = at;
        if (line.startsWith("[[", i)) {
            i += 2;
        } else if (line.startsWith("[", i)) {
            i++;
        }
        List<String> keys = new ArrayList<>();
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= line.length()) {
                return keys;
            }
            StringBuilder key = new StringBuilder();
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                key.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\') {
                        char e = line.charAt(i + 1);
                        int width = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
                        if (width > 0) {
                            key.appendCodePoint(Integer.parseInt(line.substring(i + 2, i + 2 + width), 16));
                        } else {
                            key.append(Map.of('b', '\b', 't', '\t', 'n', '\n', 'f', '\f', 'r', '\r', 'e', '\u001b',
                                    '"', '"', '\\', '\\').get(e));
                        }
                        i += 2 + width;
                    } else {
                        key.append(line.charAt(i++));
                    }
                }
                i++;
            } else {
                while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) && line.charAt(i) < 0x80
                        || line.charAt(i) == '_' || line.charAt(i) == '-')) {
                    key.append(line.charAt(i++));
                }
                if (key.length() == 0) {
                    return keys;
                }
            }
            keys.add(key.toString());
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '.') {
                i++;
            } else {
                return keys;
            }
        }
    }

    // ---- the contract, case by case -------------------------------------------------------------------------------

    private static ParseOutcome.Parsed parse(String text) {
        ParseOutcome outcome = TomlFrontEnd.parse(text, LoadLimits.DEFAULTS);
        assertTrue(outcome instanceof ParseOutcome.Parsed, () -> "does not parse: " + outcome);
        return (ParseOutcome.Parsed) outcome;
    }

    private static Position at(ParseOutcome.Parsed parsed, Object... path) {
        return parsed.positions().of(List.of(path));
    }

    @Test
    void subTablesOfArraysOfTablesAttachToTheLastElement() {
        ParseOutcome.Parsed parsed = parse(String.join("\n",
                "concurrent = 4",
                "[[runners]]",
                "  name = \"a\"",
                "  [runners.docker]",
                "    privileged = false",
                "[[runners]]",
                "  name = \"b\"",
                "  [runners.docker]",
                "    privileged = true",
                "  [[runners.docker.services]]",
                "    name = \"db\"",
                "  [[runners.docker.services]]",
                "    name = \"cache\"",
                ""));
        assertEquals(new Position(1, 1), at(parsed, "concurrent"));
        assertEquals(new Position(2, 1), at(parsed, "runners"));
        assertEquals(new Position(2, 1), at(parsed, "runners", 0));
        assertEquals(new Position(4, 3), at(parsed, "runners", 0, "docker"));
        assertEquals(new Position(5, 5), at(parsed, "runners", 0, "docker", "privileged"));
        assertEquals(new Position(6, 1), at(parsed, "runners", 1));
        assertEquals(new Position(9, 5), at(parsed, "runners", 1, "docker", "privileged"));
        assertEquals(new Position(10, 3), at(parsed, "runners", 1, "docker", "services"));
        assertEquals(new Position(10, 3), at(parsed, "runners", 1, "docker", "services", 0));
        assertEquals(new Position(13, 5), at(parsed, "runners", 1, "docker", "services", 1, "name"));
        assertNull(at(parsed, "runners", 0, "docker", "services"));
        assertNull(at(parsed, "runners", 2));
        assertNull(at(parsed, "nope"));
        assertNull(parsed.positions().of(List.of()));
        assertNull(parsed.positions().of(List.of("runners", "0")));
        assertNull(parsed.positions().of(List.of("runners", 0L)));
    }

    @Test
    void dottedQuotedAndInlineKeys() {
        ParseOutcome.Parsed parsed = parse(String.join("\n",
                "[runners.\"feature flags\"]",
                "a.b.c = 1",
                "'lit.key' = 2",
                "t = { x.y = 1, z = [10, { w = 2 }] }",
                "m = [",
                "  1, # one",
                "  \"two\",",
                "]",
                "n = {",
                "  k = 1,",
                "}",
                ""));
        assertEquals(new Position(1, 1), at(parsed, "runners"));
        assertEquals(new Position(1, 1), at(parsed, "runners", "feature flags"));
        assertEquals(new Position(2, 1), at(parsed, "runners", "feature flags", "a"));
        assertEquals(new Position(2, 1), at(parsed, "runners", "feature flags", "a", "b", "c"));
        assertEquals(new Position(3, 1), at(parsed, "runners", "feature flags", "lit.key"));
        assertEquals(new Position(4, 7), at(parsed, "runners", "feature flags", "t", "x", "y"));
        assertEquals(new Position(4, 16), at(parsed, "runners", "feature flags", "t", "z"));
        assertEquals(new Position(4, 21), at(parsed, "runners", "feature flags", "t", "z", 0));
        assertEquals(new Position(4, 25), at(parsed, "runners", "feature flags", "t", "z", 1));
        assertEquals(new Position(4, 27), at(parsed, "runners", "feature flags", "t", "z", 1, "w"));
        assertEquals(new Position(6, 3), at(parsed, "runners", "feature flags", "m", 0));
        assertEquals(new Position(7, 3), at(parsed, "runners", "feature flags", "m", 1));
        assertEquals(new Position(10, 3), at(parsed, "runners", "feature flags", "n", "k"));
    }

    @Test
    void anExplicitHeaderMovesAnImplicitTable() {
        ParseOutcome.Parsed parsed = parse("[a.b.c]\nx = 1\n[a]\ny = 2\n");
        assertEquals(new Position(3, 1), at(parsed, "a"));
        assertEquals(new Position(1, 1), at(parsed, "a", "b"));
        assertEquals(new Position(1, 1), at(parsed, "a", "b", "c"));
    }

    @Test
    void columnsCountCodePointsAndLinesEndAtLfOrCrLf() {
        ParseOutcome.Parsed parsed = parse("\"\uD83D\uDE00\" = 1 # \uD83D\uDE00 smile\r\n\"é\" = { k = 2 }\r\n");
        assertEquals(new Position(1, 1), at(parsed, "\uD83D\uDE00"));
        assertEquals(new Position(2, 9), at(parsed, "é", "k"));
        assertEquals(List.of("\"\uD83D\uDE00\" = 1 # \uD83D\uDE00 smile", "\"é\" = { k = 2 }"), parsed.lines());
        assertEquals(List.of(new Comment(new Position(1, 9), " \uD83D\uDE00 smile", true)), parsed.comments());
    }

    @Test
    void lookupsInAnyOrderOnAnyThreadAgree() throws Exception {
        ParseOutcome.Parsed parsed = parse(String.join("\n",
                "[[runners]]", "name = 'a'", "[runners.docker]", "volumes = ['/a', '/b']", "[[runners]]", "name = 'b'",
                "[runners.docker]", "privileged = true", "t = { x.y = 1, z = [1, { w = 2 }] }", ""));
        List<List<Object>> paths = new ArrayList<>();
        List<Position> expected = new ArrayList<>();
        ((SourcePositionIndex) parsed.positions()).forEach((path, position) -> {
            paths.add(path);
            expected.add(position);
        });
        paths.add(List.of("runners", 2));
        paths.add(List.of("runners", 0, "docker", "nope"));
        paths.add(List.of("runners", 0L));
        paths.add(List.of("runners", 0, "docker", "privileged"));
        paths.add(List.of("runners", 1, "docker", "volumes", 0));
        for (int k = 0; k < 5; k++) {
            expected.add(null);
        }
        for (int a = 0; a < paths.size(); a++) {
            for (int b = 0; b < paths.size(); b++) {
                assertEquals(expected.get(a), parsed.positions().of(paths.get(a)), paths.get(a)::toString);
                assertEquals(expected.get(b), parsed.positions().of(paths.get(b)), paths.get(b)::toString);
                assertEquals(expected.get(b), parsed.positions().of(paths.get(b)), paths.get(b)::toString);
            }
        }
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 50; round++) {
            for (int k = 0; k < paths.size() * 3; k++) {
                int pick = random.nextInt(paths.size());
                List<Object> path = paths.get(pick);
                List<Object> copy = random.nextBoolean() ? new ArrayList<>(path) : java.util.Arrays.asList(path.toArray());
                assertEquals(expected.get(pick), parsed.positions().of(copy), path::toString);
                if (random.nextInt(4) == 0) {
                    assertEquals(expected.get(pick), parsed.positions().of(new java.util.LinkedList<>(path)));
                }
            }
        }
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            List<Position> elsewhere = other.submit(() -> {
                List<Position> found = new ArrayList<>();
                for (List<Object> path : paths) {
                    found.add(parsed.positions().of(path));
                }
                return found;
            }).get();
            assertEquals(expected, elsewhere);
        } finally {
            other.shutdown();
        }
    }

    @Test
    void bytesAndTextGiveTheSamePositionsWithAndWithoutNonAsciiCharacters() {
        for (String text : List.of("a = 1\nb = { c = 2 }\n", "a = '\u00e9' # \uD83D\uDE00\nb = { c = '\uD83D\uDE00', d = 2 }\n")) {
            ParseOutcome.Parsed fromText = parse(text);
            ParseOutcome.Parsed fromBytes = (ParseOutcome.Parsed) TomlFrontEnd.parse(
                    text.getBytes(StandardCharsets.UTF_8), LoadLimits.DEFAULTS);
            for (List<Object> path : List.<List<Object>>of(List.of("a"), List.of("b"), List.of("b", "c"),
                    List.of("b", "d"))) {
                assertEquals(fromText.positions().of(path), fromBytes.positions().of(path), path::toString);
            }
            assertEquals(fromText.comments(), fromBytes.comments());
        }
        ParseOutcome.Parsed astral = parse("a = '\u00e9' # \uD83D\uDE00\nb = { c = '\uD83D\uDE00', d = 2 }\n");
        assertEquals(new Position(2, 16), at(astral, "b", "d"));
    }

    @Test
    void commentsAreCollectedStandaloneAndTrailing() {
        ParseOutcome.Parsed parsed = parse(String.join("\n",
                "# runnerguard:ignore docker.privileged",
                "[[runners]] # the first",
                "  name = \"x#y\"  #trailing",
                "    # indented",
                "  s = '''# not a comment'''",
                "  a = [ # in an array",
                "  ]",
                ""));
        assertEquals(List.of(
                new Comment(new Position(1, 1), " runnerguard:ignore docker.privileged", false),
                new Comment(new Position(2, 13), " the first", true),
                new Comment(new Position(3, 17), "trailing", true),
                new Comment(new Position(4, 5), " indented", false),
                new Comment(new Position(6, 9), " in an array", true)), parsed.comments());
        assertEquals(7, parsed.lines().size());
    }

    @Test
    void keysAfterMultiLineStringsAreOnTheRightLine() {
        ParseOutcome.Parsed parsed = parse("a = \"\"\"\none\ntwo\"\"\"\nb = '''\n\n'''\nc = 1\n");
        assertEquals(new Position(4, 1), at(parsed, "b"));
        assertEquals(new Position(7, 1), at(parsed, "c"));
    }

    @Test
    void theKeyOracleReadsHeadersDottedAndQuotedKeys() {
        assertEquals(List.of("a", "b c", "d.e", "A"), keysAt("[[ a . \"b c\".'d.e'.\"\\u0041\" ]]", 0));
        assertEquals(List.of("x"), keysAt("  x = 1", 2));
        assertEquals(List.of(), keysAt("  = 1", 2));
    }
}
