package io.github.runnerguard.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Diagnostic.Kind;
import io.github.runnerguard.internal.toml.PositionIndex;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds every file of {@code ../shared/corpus/gitlab-runner} that its INDEX.md marks valid TOML, and checks the
 * binder's diagnostics against what INDEX.md says gitlab-runner ignores or rejects.
 */
class CorpusBindTest {

    /** One row of INDEX.md's file table. */
    record Row(String file, String kind, boolean valid, Set<String> unknownKeys) {
        boolean fragment() {
            return kind.equals("fragment");
        }
    }

    private static Path corpus;
    private static Map<String, Row> rows;

    @BeforeAll
    static void readIndex() throws IOException {
        Path shared = TestToml.shared();
        Assumptions.assumeTrue(shared != null, "../shared is absent: no corpus to bind");
        corpus = shared.resolve("corpus/gitlab-runner");
        Assumptions.assumeTrue(Files.exists(corpus.resolve("INDEX.md")), "corpus INDEX.md is absent");
        rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("INDEX.md"))) {
            if (!line.startsWith("| ") || !line.contains(".toml")) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() < 7 || !cells.get(0).endsWith(".toml")) {
                continue;
            }
            Set<String> unknown = new TreeSet<>();
            for (String part : cells.get(5).split(";")) {
                String trimmed = part.trim();
                if (trimmed.startsWith("unknown key .")) {
                    unknown.add(trimmed.substring("unknown key .".length()));
                }
            }
            rows.put(cells.get(0), new Row(cells.get(0), cells.get(2), cells.get(3).equals("valid"), unknown));
        }
    }

    /** Splits a Markdown table row on unescaped pipes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    private static BindResult bind(String file) throws IOException {
        return Binder.bind(parse(file), PositionIndex.EMPTY);
    }

    private static ObjectNode parse(String file) throws IOException {
        return TestToml.parse(Files.readString(corpus.resolve(file)));
    }

    private static Set<String> paths(BindResult result, Kind kind) {
        return result.diagnostics().stream().filter(d -> d.kind() == kind).map(Diagnostic::path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Diagnostic> all(BindResult result, Kind kind) {
        return result.diagnostics().stream().filter(d -> d.kind() == kind).collect(Collectors.toList());
    }

    /** Files INDEX.md names as type-mismatch cases gitlab-runner rejects ({@code name = 5}, {@code alias = 5}, ...). */
    private static final Map<String, Set<String>> MISMATCHES = Map.of(
            "test-config-04.toml", Set.of("runners[0].docker.services[0].name"),
            "test-config-05.toml", Set.of("runners[0].docker.services[0].alias"),
            "test-config-10.toml", Set.of("runners[0].docker.container_labels.5"),
            "test-config-11.toml", Set.of("runners[0].docker.container_labels.\"my.docker.TestContainerlabel1\""));

    /** Go test literals that gitlab-runner's own tests load expecting an error. */
    private static final Map<String, Set<String>> INVALID = Map.of(
            "test-config-37.toml", Set.of("runners[0].kubernetes.cleanup_resources_timeout"),
            "test-config-38.toml", Set.of("labels.\"invalid/key\""));

    @Test
    void everyValidFileBindsWithTheDiagnosticsTheIndexDescribes() throws IOException {
        int bound = 0;
        int fragmentsAsTable = 0;
        List<String> failures = new ArrayList<>();
        for (Row row : rows.values()) {
            if (!row.valid()) {
                continue;
            }
            bound++;
            ObjectNode tree = parse(row.file());
            BindResult result = Binder.bind(tree, PositionIndex.EMPTY);
            boolean runnersTable = tree.get("runners") != null && tree.get("runners").isObject();
            if (runnersTable) {
                fragmentsAsTable++;
            }
            Set<String> expectedMismatches = MISMATCHES.getOrDefault(row.file(),
                    runnersTable ? Set.of("runners") : Set.of());
            check(failures, row, "TYPE_MISMATCH", expectedMismatches, paths(result, Kind.TYPE_MISMATCH));
            check(failures, row, "INVALID_VALUE", INVALID.getOrDefault(row.file(), Set.of()),
                    paths(result, Kind.INVALID_VALUE));
            check(failures, row, "AMBIGUOUS_KEY", Set.of(), paths(result, Kind.AMBIGUOUS_KEY));
            Set<String> unknown = paths(result, Kind.UNKNOWN_KEY);
            if (!row.fragment()) {
                check(failures, row, "UNKNOWN_KEY", row.unknownKeys(), unknown);
            } else {
                // A fragment's loose keys are meant to be pasted into a section: each must be recognised as a key
                // of another section.
                if (!unknown.containsAll(row.unknownKeys())) {
                    failures.add(row.file() + ": UNKNOWN_KEY " + unknown + " lacks " + row.unknownKeys());
                }
                for (Diagnostic diagnostic : all(result, Kind.UNKNOWN_KEY)) {
                    if (!row.unknownKeys().contains(diagnostic.path()) && !(diagnostic.path().matches("[A-Za-z_-]+")
                            && diagnostic.message().contains("is a key of"))) {
                        failures.add(row.file() + ": unexpected " + diagnostic.message());
                    }
                }
                if (runnersTable) {
                    // Pasted into a [[runners]] entry, the fragment binds without a type error.
                    ObjectNode wrapped = tree.deepCopy();
                    ArrayNode array = wrapped.arrayNode();
                    array.add(tree.get("runners"));
                    wrapped.set("runners", array);
                    Set<String> mismatches = paths(Binder.bind(wrapped, PositionIndex.EMPTY), Kind.TYPE_MISMATCH);
                    check(failures, row, "TYPE_MISMATCH in a [[runners]] entry", Set.of(), mismatches);
                }
            }
        }
        System.out.printf("corpus: %d valid files bound, %d fragments with a [runners.x] header and no [[runners]]%n",
                bound, fragmentsAsTable);
        assertTrue(bound >= 240, "INDEX.md lists 249 valid files, read " + bound);
        assertTrue(fragmentsAsTable > 0);
        assertEquals(List.of(), failures);
    }

    private static void check(List<String> failures, Row row, String what, Set<String> expected, Set<String> actual) {
        if (!new TreeSet<>(expected).equals(actual)) {
            failures.add(row.file() + ": " + what + " expected " + new TreeSet<>(expected) + " but was " + actual);
        }
    }

    private static Diagnostic unknown(String file, String path) throws IOException {
        assertTrue(rows.get(file).valid(), file + " is valid TOML");
        return all(bind(file), Kind.UNKNOWN_KEY).stream().filter(d -> d.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(file + ": no UNKNOWN_KEY at " + path));
    }

    @Test
    void camelCaseHardeningIsUnknown() throws IOException {
        Diagnostic d = unknown("docs-kubernetes-28.toml", "runners[0].kubernetes.allowPrivilegeEscalation");
        assertEquals("allow_privilege_escalation", d.suggestion());
    }

    @Test
    void keysInTheWrongSectionSayWhereTheyBelong() throws IOException {
        Diagnostic executor = unknown("docs-oracle-cloud-02.toml", "runners[0].kubernetes.executor");
        assertEquals("executor", executor.suggestion());
        assertTrue(executor.message().contains("[[runners]]"), executor.message());
        Diagnostic environment = unknown("docs-helm-env-01.toml", "runners[0].kubernetes.environment");
        assertTrue(environment.message().contains("[[runners]]"), environment.message());
        Diagnostic volumes = unknown("docs-custom-fargate-01.toml", "runners[0].custom.volumes");
        assertEquals("volumes", volumes.suggestion());
        for (String key : List.of("name", "url", "token", "executor")) {
            Diagnostic d = unknown("docs-custom-fargate-03.toml", "session_server." + key);
            assertEquals(key, d.suggestion());
            assertTrue(d.message().contains("[[runners]]"), d.message());
        }
        Diagnostic runner = unknown("testdata-lint-wrong-section.toml", "runner");
        assertEquals("runners", runner.suggestion());
        assertEquals(1, all(bind("testdata-lint-wrong-section.toml"), Kind.UNKNOWN_KEY).size(),
                "the unknown table is reported once, not its children");
    }

    @Test
    void typosGetTheRealKey() throws IOException {
        assertEquals("builds_dir", unknown("testdata-lint-misspelled-key.toml", "runners[0].buids_dir").suggestion());
        assertEquals("queries",
                unknown("docs-advanced-43.toml", "runners[0].referees.metrics.metric_queries").suggestion());
        assertEquals("graceful_kill_timeout",
                unknown("test-config-17.toml", "runners[0].GracefulKillTimeout").suggestion());
        assertEquals("force_kill_timeout", unknown("test-config-17.toml", "runners[0].ForceKillTimeout").suggestion());
    }

    @Test
    void typeMismatchesAreRejected() throws IOException {
        for (Map.Entry<String, Set<String>> entry : MISMATCHES.entrySet()) {
            BindResult result = bind(entry.getKey());
            assertEquals(entry.getValue(), paths(result, Kind.TYPE_MISMATCH), entry.getKey());
            assertTrue(result.refusedByGitlabRunner());
            assertTrue(all(result, Kind.TYPE_MISMATCH).get(0).message().contains("must be a string, found an integer"));
        }
        BindResult fragment = bind("docs-advanced-17.toml");
        assertEquals(Set.of("runners"), paths(fragment, Kind.TYPE_MISMATCH));
    }

    @Test
    void theLintFixturesThatAreNotDecoderErrorsBindCleanly() throws IOException {
        assertEquals(List.of(), bind("testdata-lint-valid.toml").diagnostics());
        // shell = "fish" is refused only by the JSON schema of `gitlab-runner lint`, not by the decoder.
        assertEquals(List.of(), bind("testdata-lint-bad-shell.toml").diagnostics());
        Row row = rows.get("testdata-lint-misspelled-key.toml");
        assertNotNull(row);
        assertEquals(Set.of("runners[0].buids_dir"), row.unknownKeys());
    }

    @Test
    void indexRowsAreRead() {
        assertTrue(rows.size() >= 290, "INDEX.md lists 296 files, read " + rows.size());
        assertTrue(rows.get("docs-oracle-cloud-02.toml").valid(), "escaped pipes in the source column");
        assertEquals(Set.of("runners[0].kubernetes.executor"), rows.get("docs-oracle-cloud-02.toml").unknownKeys());
    }
}
