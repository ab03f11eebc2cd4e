package io.github.runnerguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.Auditor;
import io.github.runnerguard.spi.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines: written, read back, and only new findings reported; fingerprints survive moves and re-ordering. */
class BaselineTest {

    private static final Auditor AUDITOR = Auditor.builder().rules(ReportFixtures.PRIVILEGED, ReportFixtures.LISTEN,
            ReportFixtures.PULL_POLICY).build();

    private static final String CONFIG = """
            listen_address = "0.0.0.0:9252"

            [[runners]]
              name = "a"
              executor = "docker"
              [runners.docker]
                privileged = true
                image = "alpine"
            [[runners]]
              name = "b"
              executor = "docker"
              [runners.docker]
                image = "alpine"
            """;

    /** The same settings: lines moved, unrelated keys and the runners re-ordered, values of other keys changed. */
    private static final String SHUFFLED = """
            # the fleet's shared runner config
            concurrent = 10

            [[runners]]
              executor = "docker"
              name = "b"
              [runners.docker]
                image = "debian"

            [[runners]]
              executor = "docker"
              name = "a"
              [runners.docker]
                image = "alpine:3.20"
                volumes = ["/cache"]
                privileged = true

            """.replace("concurrent = 10\n", "concurrent = 10\nlisten_address = \"0.0.0.0:9252\"\n");

    @TempDir
    Path dir;

    @Test
    void roundTripsThroughItsFile() throws Exception {
        Baseline baseline = Baseline.of(AUDITOR.audit(CONFIG, "config.toml"));
        assertEquals(2, baseline.size());
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, baseline.toJson(), StandardCharsets.UTF_8);
        Baseline read = Baseline.read(file);
        assertEquals(baseline, read);
        assertEquals(baseline.toJson(), read.toJson());
        Baseline.Entry privileged = read.entries().stream().filter(e -> e.ruleId().equals("test.privileged"))
                .findFirst().orElseThrow();
        assertEquals("a", privileged.runner());
        assertEquals("docker.privileged", privileged.key());
        assertEquals(Severity.CRITICAL, privileged.severity());
        assertEquals("config.toml", privileged.file());
    }

    @Test
    void onlyTheNewFindingIsReportedAfterOneKeyChanges() {
        Baseline baseline = Baseline.of(AUDITOR.audit(CONFIG, "config.toml"));
        String changed = CONFIG.replace("""
                  name = "b"
                  executor = "docker"
                  [runners.docker]
                """, """
                  name = "b"
                  executor = "docker"
                  [runners.docker]
                    privileged = true
                """);
        AuditReport report = AUDITOR.audit(changed, "config.toml");
        assertEquals(3, report.findings().size());
        Baseline.Filtered filtered = baseline.filter(report);
        assertEquals(2, filtered.known());
        assertEquals(List.of(), filtered.gone());
        List<AuditFinding> left = filtered.report().findings();
        assertEquals(1, left.size(), left.toString());
        assertEquals("test.privileged", left.get(0).finding().ruleId());
        assertEquals("b", left.get(0).finding().runner().name());
    }

    @Test
    void fingerprintsSurviveLineMovesAndReordering() {
        Baseline baseline = Baseline.of(AUDITOR.audit(CONFIG, "config.toml"));
        AuditReport shuffled = AUDITOR.audit(SHUFFLED, "config.toml");
        assertEquals(2, shuffled.findings().size());
        Baseline.Filtered filtered = baseline.filter(shuffled);
        assertEquals(List.of(), filtered.report().findings(), "nothing is new");
        assertEquals(List.of(), filtered.gone());
        assertEquals(2, filtered.known());
    }

    @Test
    void entriesThatNoLongerOccurAreListed() {
        Baseline baseline = Baseline.of(AUDITOR.audit(CONFIG, "config.toml"));
        AuditReport fixed = AUDITOR.audit(CONFIG.replace("    privileged = true\n", ""), "config.toml");
        Baseline.Filtered filtered = baseline.filter(fixed);
        assertEquals(1, filtered.gone().size());
        assertEquals("test.privileged", filtered.gone().get(0).ruleId());
        assertEquals(List.of(), filtered.report().findings());
        // entries of files this audit did not look at are not judged
        Baseline.Filtered other = baseline.filter(AUDITOR.audit("concurrent = 1\n", "other.toml"));
        assertEquals(List.of(), other.gone());
    }

    @Test
    void aFileMovedElsewhereIsNewAndTheOldEntriesAreNotJudged() {
        Baseline baseline = Baseline.of(AUDITOR.audit(CONFIG, "config.toml"));
        Baseline.Filtered moved = baseline.filter(AUDITOR.audit(CONFIG, "etc/config.toml"));
        assertEquals(2, moved.report().findings().size());
        assertEquals(List.of(), moved.gone());
    }

    @Test
    void suppressedFindingsAreNeitherRecordedNorTakenOut() {
        AuditReport report = ReportFixtures.fleet();
        Baseline baseline = Baseline.of(report);
        long suppressed = report.findings().stream().filter(AuditFinding::suppressed).count();
        assertEquals(2, suppressed);
        assertEquals(report.findings().size() - suppressed, baseline.size());
        Baseline.Filtered filtered = baseline.filter(report);
        assertEquals(suppressed, filtered.report().findings().size());
        assertTrue(filtered.report().findings().stream().allMatch(AuditFinding::suppressed));
        assertFalse(filtered.report().fails(io.github.runnerguard.audit.FailOn.INFO));
        assertEquals(report.summary().errors(), filtered.report().summary().errors(), "errors stay");
    }

    @Test
    void aSecondFindingWithTheSameFingerprintIsNew() {
        String one = "[[runners]]\n  executor = \"docker\"\n  [runners.docker]\n    privileged = true\n";
        Baseline baseline = Baseline.of(AUDITOR.audit(one, "twins.toml"));
        AuditReport twins = AUDITOR.audit(one + one, "twins.toml");
        Baseline.Filtered filtered = baseline.filter(twins);
        assertEquals(1, filtered.known());
        assertEquals(1, filtered.report().findings().size());
        assertEquals(1, filtered.report().findings().get(0).finding().runner().index());
    }

    @Test
    void invalidFilesAreRejectedWithTheirName() {
        for (String text : List.of("", "[]", "{\"schemaVersion\": 2, \"findings\": []}", "{\"schemaVersion\": 1}",
                "{\"schemaVersion\": 1, \"findings\": [{}]}", "{\"schemaVersion\": 1, \"findings\": [1]}",
                "{\"schemaVersion\": 1, \"findings\": [{\"fingerprint\": \"x\", \"severity\": \"huge\"}]}",
                "{\"schemaVersion\": 1.5, \"findings\": []}", "{\"schemaVersion\": 1, \"findings\": [")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Baseline.parse(text, "b.json"), text);
            assertTrue(error.getMessage().startsWith("b.json is not a baseline: "), error.getMessage());
        }
        assertEquals(0, Baseline.parse("{\"schemaVersion\": 1, \"findings\": []}", "b.json").size());
    }

    @Test
    void aFileThatIsNotUtf8IsRejected() throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file, new byte[] {'{', (byte) 0xe9, '}'});
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Baseline.read(file));
        assertTrue(error.getMessage().contains("UTF-8"), error.getMessage());
    }
}
