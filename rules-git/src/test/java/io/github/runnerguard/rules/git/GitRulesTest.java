package io.github.runnerguard.rules.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import io.github.runnerguard.testkit.FixtureTests;
import io.github.runnerguard.testkit.RuleTestKit;
import io.github.runnerguard.testkit.ServiceRegistrationCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The git rules: fixtures, descriptors against the rules issue's table, registration, and key edge cases. */
class GitRulesTest {

    static final List<SecurityRule> RULES = List.of(new GitFetchOnPersistentHostRule(),
            new GitJobCleanupDisabledRule(), new GitCleanGitConfigDisabledRule(), new GitJobTokenPersistedRule(),
            new GitCustomBuildDirOnSharedHostRule(), new GitSecurityFlagJobOverridableRule());

    /** id -> dedicated / shared / multi-tenant, exactly as the rules issue's table gives them. */
    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("git.fetch-on-persistent-host", "— / high / critical");
        TABLE.put("git.job-cleanup-disabled", "— / low / medium");
        TABLE.put("git.clean-git-config-disabled", "— / low / medium");
        TABLE.put("git.job-token-persisted", "— / low / medium");
        TABLE.put("git.custom-build-dir-on-shared-host", "low / medium / high");
        TABLE.put("git.security-flag-job-overridable", "low / low / medium");
    }

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return RULES.stream().flatMap(rule -> FixtureTests.forDirectory(
                Path.of("src", "test", "resources", "fixtures", rule.descriptor().id()), rule));
    }

    @Test
    void descriptorsAreValidAndMatchTheTable() {
        assertEquals(TABLE.keySet(), RULES.stream().map(r -> r.descriptor().id())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
        for (SecurityRule rule : RULES) {
            RuleTestKit.assertDescriptorValid(rule);
            RuleDescriptor d = rule.descriptor();
            assertEquals(TABLE.get(d.id()), d.tenancy().toString(), d.id());
            assertEquals(d.tenancy().forTenancy(Tenancy.SHARED).orElseThrow(), d.defaultSeverity(), d.id());
            assertEquals("docs.gitlab.com", d.helpUri().getHost(), d.id());
            String first = d.references().get(0);
            assertTrue(first.contains("(https://docs.gitlab.com/runner/"), d.id() + ": " + first);
            assertTrue(d.references().stream().anyMatch(r -> r.startsWith("CWE-")), d.id());
            assertEquals("0.1.0", d.since());
            assertEquals(List.of(), d.aliases());
        }
    }

    @Test
    void securityPageAnchorsAreSeedHeadings() throws IOException {
        Set<String> anchors = Files.readAllLines(SharedFiles.reference("security-for-self-managed-runners.md"))
                .stream().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").replace("**(FREE)**", "").strip())
                .map(h -> h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .collect(Collectors.toCollection(HashSet::new));
        // On the current page, which the reference notes quote (lines 171-176), but newer than the seed copy.
        anchors.add("clean-up-the-git-folder-after-each-build");
        String page = "https://docs.gitlab.com/runner/security/#";
        for (SecurityRule rule : RULES) {
            List<String> cited = new ArrayList<>(rule.descriptor().references());
            cited.add(rule.descriptor().helpUri().toString());
            for (String reference : cited) {
                int at = reference.indexOf(page);
                if (at >= 0) {
                    String anchor = reference.substring(at + page.length()).replaceFirst("\\)$", "");
                    assertTrue(anchors.contains(anchor), rule.descriptor().id() + ": #" + anchor
                            + " is not a heading of the seed document " + anchors);
                }
            }
        }
    }

    @Test
    void moduleInfoAndServicesFileAgree() {
        ServiceRegistrationCheck.assertConsistent(Path.of("").toAbsolutePath());
        assertEquals(RULES.stream().map(r -> r.getClass().getName()).sorted().toList(),
                ServiceRegistrationCheck.read(Path.of("").toAbsolutePath()).services().stream().sorted().toList());
    }

    @Test
    void absenceFindingsPointAtTheRunnerHeaderWithTheMissingKeyPath() {
        RuleTestKit.rule(new GitJobCleanupDisabledRule()).config("""
                concurrent = 1

                [[runners]]
                  name = "host"
                  executor = "shell"
                """).check()
                .assertFindings(f -> f.count(1).line(3).column(1).severity(Severity.LOW).runner("host")
                        .keyPath("runners[0].feature_flags.FF_ENABLE_JOB_CLEANUP")
                        .messageContains("does not turn on FF_ENABLE_JOB_CLEANUP"));
        RuleTestKit.rule(new GitFetchOnPersistentHostRule()).config("""
                [[runners]]
                  name = "host"
                  executor = "ssh"
                """).tenancy(Tenancy.MULTI_TENANT).check()
                .assertFindings(f -> f.count(1).line(1).severity(Severity.HIGH).keyPath("runners[0].environment"));
    }

    @Test
    void explicitFetchPointsAtTheWinningEntry() {
        RuleTestKit.rule(new GitFetchOnPersistentHostRule()).config("""
                [[runners]]
                  name = "host"
                  executor = "shell"
                  environment = [
                    "GIT_STRATEGY=clone",
                    "GIT_STRATEGY=fetch",
                  ]
                """).check()
                .assertFindings(f -> f.count(1).line(6).severity(Severity.HIGH)
                        .keyPath("runners[0].environment[1]").messageContains("GIT_STRATEGY=fetch"));
    }

    @Test
    void aFlagLeftAtItsDefaultKeepsItsMessageWhole() {
        // every message passes the redactor: "<flag with TOKEN in its name>: word" must not read as an assignment
        var report = io.github.runnerguard.audit.Auditor.builder().rules(new GitJobTokenPersistedRule()).build()
                .audit("[[runners]]\n  name = \"host\"\n  executor = \"shell\"\n", "host.toml");
        assertEquals(1, report.findings().size(), () -> report.findings().toString());
        String message = report.findings().get(0).finding().message();
        assertTrue(message.contains("does not turn on FF_GIT_URLS_WITHOUT_TOKENS (off by default): git on the host gets "
                + "the job token in its URLs"), message);
    }

    @Test
    void tableFlagWinsOverEnvironment() {
        RuleTestKit.rule(new GitJobTokenPersistedRule()).config("""
                [[runners]]
                  executor = "shell"
                  environment = ["FF_GIT_URLS_WITHOUT_TOKENS=true"]
                  [runners.feature_flags]
                    FF_GIT_URLS_WITHOUT_TOKENS = false
                """).check()
                .assertFindings(f -> f.count(1).line(5).keyPath("runners[0].feature_flags.FF_GIT_URLS_WITHOUT_TOKENS")
                        .messageContains("in [runners.feature_flags]"));
    }

    @Test
    void parseGoBool() {
        for (String t : List.of("1", "t", "T", "TRUE", "true", "True")) {
            assertEquals(java.util.Optional.of(true), GitSupport.parseGoBool(t), t);
        }
        for (String f : List.of("0", "f", "F", "FALSE", "false", "False")) {
            assertEquals(java.util.Optional.of(false), GitSupport.parseGoBool(f), f);
        }
        for (String x : List.of("", "yes", "tRUE", "on", " 1")) {
            assertEquals(java.util.Optional.empty(), GitSupport.parseGoBool(x), x);
        }
    }
}
