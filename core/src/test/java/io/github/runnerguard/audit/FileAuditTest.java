package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.spi.FileFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auditing files: facts gathered for the rules, unreadable and broken files, the one-line facade. */
class FileAuditTest {

    @TempDir
    Path dir;

    @Test
    void rulesSeeThePermissionsAndOwnerOfTheFile() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions are not supported on this file system");
        Path file = dir.resolve("config.toml");
        Files.writeString(file, AuditorTest.TOML);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<FileFacts> seen = Collections.synchronizedList(new ArrayList<>());
        TestRules.Lambda probe = new TestRules.Lambda("a.facts", (c, x) -> {
            seen.add(x.file());
            return List.of();
        });
        Auditor auditor = Auditor.builder().rules(probe).build();
        auditor.audit(file);
        FileFacts facts = seen.get(0);
        assertEquals(file, facts.path());
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), facts.permissions());
        assertEquals(Files.getOwner(file).getName(), facts.owner());

        auditor.audit(AuditorTest.TOML, "<stdin>");
        assertEquals(FileFacts.UNKNOWN, seen.get(1), "text has no file");
    }

    @Test
    void unreadableAndBrokenFilesAreReportedNotThrown() throws Exception {
        Path good = dir.resolve("good.toml");
        Files.writeString(good, AuditorTest.TOML);
        Path broken = dir.resolve("broken.toml");
        Files.writeString(broken, "[[runners]]\n  token = \"glrt-brokenSecret123456\"\n  name = \n");
        Path missing = dir.resolve("missing.toml");
        AuditReport report = Auditor.builder().rules(new TestRules.Lambda("a.none", (c, x) -> List.of())).build()
                .audit(List.of(good, broken, missing));
        assertEquals(List.of(broken.toString(), good.toString(), missing.toString()),
                report.files().stream().map(FileReport::source).toList());
        FileReport brokenReport = report.files().get(0);
        assertFalse(brokenReport.audited());
        assertEquals(Diagnostic.Kind.SYNTAX, brokenReport.errors().get(0).kind());
        assertEquals(3, brokenReport.errors().get(0).position().line());
        assertNull(brokenReport.config());
        assertTrue(report.files().get(1).audited());
        FileReport missingReport = report.files().get(2);
        assertFalse(missingReport.audited());
        assertEquals(Diagnostic.Kind.IO, missingReport.errors().get(0).kind());
        assertFalse(report.allAudited());
        assertEquals(2, report.summary().errors());
    }

    @Test
    void theFacadeAppliesThePolicyNextToTheFile() throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, """
                [[runners]]
                  name = "typo"
                  executor = "docker"
                  buids_dir = "/builds"
                """);
        AuditReport without = Runnerguard.audit(file);
        AuditFinding finding = without.findings().stream()
                .filter(f -> f.finding().ruleId().equals("config.unknown-key")).findFirst().orElseThrow();
        assertFalse(finding.suppressed());
        Files.writeString(dir.resolve(Policy.FILE_NAME), """
                [[waivers]]
                rule = "config.unknown-key"
                runner = "typo"
                reason = "renamed in the next release"
                """);
        AuditReport with = Runnerguard.audit(file);
        assertEquals("renamed in the next release", with.findings().stream()
                .filter(f -> f.finding().ruleId().equals("config.unknown-key")).findFirst().orElseThrow()
                .suppressionReason().orElseThrow());
        assertFalse(Runnerguard.version().isBlank());
        assertFalse(Runnerguard.version().contains("${"), Runnerguard.version());
    }
}
