package io.github.runnerguard.internal.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.load.LoadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The gitlab-runner corpus against its {@code INDEX.md}: every file marked valid TOML parses, and every file marked
 * invalid is rejected at the line and column the index gives (the index counts lines without the {@code # source:}
 * comment that heads each file, so its lines are one less).
 */
class CorpusParseTest {

    private static final Pattern INVALID = Pattern.compile("INVALID TOML \\(.* \\(at line (\\d+), column (\\d+)\\)\\)");

    @Test
    void parsesExactlyTheFilesTheIndexMarksValid() throws IOException {
        Path dir = SharedFiles.shared("corpus/gitlab-runner");
        List<String> failures = new ArrayList<>();
        int valid = 0;
        int invalid = 0;
        for (String row : Files.readAllLines(dir.resolve("INDEX.md"), StandardCharsets.UTF_8)) {
            String[] cells = row.split("(?<!\\\\)\\|");
            if (cells.length < 5 || !cells[1].trim().endsWith(".toml")) {
                continue;
            }
            String name = cells[1].trim();
            String toml = cells[4].trim();
            ParseOutcome outcome = TomlFrontEnd.parse(Files.readAllBytes(dir.resolve(name)), LoadLimits.DEFAULTS);
            if (toml.equals("valid")) {
                valid++;
                if (outcome instanceof ParseOutcome.Failed failed) {
                    failures.add(name + " is valid but was rejected: " + failed.diagnostic());
                }
                continue;
            }
            Matcher m = INVALID.matcher(toml);
            assertTrue(m.matches(), () -> "unexpected TOML column in INDEX.md: " + toml);
            invalid++;
            if (!(outcome instanceof ParseOutcome.Failed failed)) {
                failures.add(name + " is invalid but was parsed");
                continue;
            }
            Diagnostic d = failed.diagnostic();
            Position expected = new Position(Integer.parseInt(m.group(1)) + 1, Integer.parseInt(m.group(2)));
            if (d.kind() != Diagnostic.Kind.SYNTAX || !expected.equals(d.position())) {
                failures.add(name + ": expected a syntax error at " + expected + ", got " + d);
            }
        }
        System.out.printf(Locale.ROOT, "corpus: %d files marked valid, %d marked invalid, %d disagreements%n", valid,
                invalid, failures.size());
        assertTrue(valid > 200 && invalid > 20, "INDEX.md looks truncated: " + valid + " valid, " + invalid);
        assertEquals(List.of(), failures);
    }
}
