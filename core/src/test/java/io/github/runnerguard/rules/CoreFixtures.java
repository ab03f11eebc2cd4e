package io.github.runnerguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.junit.jupiter.api.DynamicTest;

/**
 * A small fixture runner for the core rules (core cannot use the testkit module, which depends on core). Same syntax
 * as the testkit: {@code # expect: <rule-id> [severity]} at the end of the line that must be flagged,
 * {@code # expect-none: <rule-id>} anywhere, and an optional {@code # tenancy: ...} before the first TOML line.
 */
final class CoreFixtures {

    private static final Pattern EXPECT = Pattern.compile("#\\s*expect\\s*:\\s*([a-z0-9.\\-]+)(?:\\s+([a-zA-Z]+))?");
    private static final Pattern EXPECT_NONE = Pattern.compile("#\\s*expect-none\\s*:\\s*([a-z0-9.\\-]+)");
    private static final Pattern TENANCY = Pattern.compile("^\\s*#\\s*tenancy\\s*:\\s*(\\S+)\\s*$");

    private CoreFixtures() {
    }

    /** The fixture directory of a core rule: {@code src/test/resources/fixtures/<rule-id>}. */
    static Path directory(SecurityRule rule) {
        return Path.of("src", "test", "resources", "fixtures", rule.descriptor().id());
    }

    /** One dynamic test per fixture file of {@code rule}. */
    static Stream<DynamicTest> forRule(SecurityRule rule) {
        Path dir = directory(rule);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no fixtures for " + rule.descriptor().id() + " in " + dir, e);
        }
        assertFalse(files.isEmpty(), "no fixtures in " + dir);
        return files.stream().map(file -> DynamicTest.dynamicTest(rule.descriptor().id() + "/" + file.getFileName(),
                file.toUri(), () -> assertFixture(file, rule)));
    }

    /** Loads a config file and fails when it does not load. */
    static RunnerConfig load(Path file) {
        LoadResult result = ConfigLoader.defaults().load(file);
        assertNotNull(result.config(), () -> file + " does not load: " + result.errors());
        return result.config();
    }

    /** Checks {@code rule} against the expectations written in {@code file}. */
    static void assertFixture(Path file, SecurityRule rule) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = rule.descriptor().id();
        Tenancy tenancy = Tenancy.SHARED;
        List<String> expected = new ArrayList<>();
        boolean expectNone = false;
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (header && !line.isBlank() && !line.strip().startsWith("#")) {
                header = false;
            }
            Matcher t = TENANCY.matcher(line);
            if (header && t.find()) {
                tenancy = Tenancy.parse(t.group(1));
            }
            Matcher e = EXPECT.matcher(line);
            while (e.find()) {
                assertEquals(id, e.group(1), file + ":" + (i + 1) + " expects another rule");
                expected.add(describe(i + 1, e.group(2) == null ? null : Severity.parse(e.group(2))));
            }
            Matcher n = EXPECT_NONE.matcher(line);
            if (n.find()) {
                assertEquals(id, n.group(1), file + ":" + (i + 1) + " names another rule");
                expectNone = true;
            }
        }
        if (expectNone == !expected.isEmpty()) {
            fail(file + " must have either expect comments or one expect-none comment");
        }
        RunnerConfig config = load(file);
        List<Finding> findings = rule.check(config, AuditContext.defaults().withDefaultTenancy(tenancy));
        for (Finding finding : findings) {
            assertEquals(id, finding.ruleId(), "rule id");
            assertEquals(config.source(), finding.file(), "file");
            assertFalse(finding.message().isBlank(), "message");
            assertFalse(finding.remediation().isBlank(), "remediation");
        }
        List<Finding> unmatched = new ArrayList<>(findings);
        List<String> missing = new ArrayList<>();
        for (String want : expected) {
            Finding match = unmatched.stream()
                    .filter(f -> want.equals(describe(line(f), f.severity())) || want.equals(describe(line(f), null)))
                    .findFirst().orElse(null);
            if (match == null) {
                missing.add(want);
            } else {
                unmatched.remove(match);
            }
        }
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            fail(file + " (tenancy " + tenancy.id() + "): missing " + missing + ", unexpected "
                    + unmatched.stream().map(f -> describe(line(f), f.severity()) + " " + f.keyPath() + ": "
                    + f.message()).toList());
        }
    }

    private static int line(Finding finding) {
        return finding.position() == null ? 0 : finding.position().line();
    }

    private static String describe(int line, Severity severity) {
        return String.format("line %03d %s", line, severity == null ? "any" : severity.id());
    }
}
