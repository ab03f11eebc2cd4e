package io.github.runnerguard.rules.shellssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import io.github.runnerguard.testkit.FixtureTests;
import io.github.runnerguard.testkit.RuleTestKit;
import io.github.runnerguard.testkit.ServiceRegistrationCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shell, SSH and VM rules: fixtures, descriptors against the rules issue's table, and registration. */
class ShellSshRulesTest {

    static final List<SecurityRule> RULES = List.of(new ShellExecutorRule(), new SshExecutorRule(),
            new SshHostKeyCheckingDisabledRule(), new SshPasswordAuthRule(), new SshRootLoginRule(),
            new VmAllowedImagesUnrestrictedRule(), new VmInstanceReusedRule());

    /** id -> dedicated / shared / multi-tenant, exactly as the rules issue's table gives them. */
    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("shell.executor", "low / high / critical");
        TABLE.put("ssh.executor", "low / medium / high");
        TABLE.put("ssh.host-key-checking-disabled", "high / high / high");
        TABLE.put("ssh.password-auth", "medium / medium / medium");
        TABLE.put("ssh.root-login", "low / medium / high");
        TABLE.put("vm.allowed-images-unrestricted", "low / medium / medium");
        TABLE.put("vm.instance-reused", "— / high / critical");
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
            var d = rule.descriptor();
            assertEquals(TABLE.get(d.id()), d.tenancy().toString(), d.id());
            Severity shared = d.tenancy().forTenancy(Tenancy.SHARED).orElseThrow();
            assertEquals(shared, d.defaultSeverity(), d.id());
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
                .collect(Collectors.toSet());
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
        List<String> registered = ServiceRegistrationCheck.read(Path.of("").toAbsolutePath()).services();
        assertEquals(RULES.stream().map(r -> r.getClass().getName()).sorted().toList(),
                registered.stream().sorted().toList());
    }

    @Test
    void findingsPointAtTheKeyAndNameTheRunner() {
        RuleTestKit.rule(new SshRootLoginRule()).config("""
                [[runners]]
                  name = "prod"
                  executor = "ssh"
                  [runners.ssh]
                    host = "prod-1"
                    user = "root"
                    password = "Qz7-not-printed"
                """).tenancy(Tenancy.MULTI_TENANT).check()
                .assertFindings(f -> f.count(1).ruleId("ssh.root-login").line(6).severity(Severity.HIGH)
                        .runner("prod").keyPath("runners[0].ssh.user").messageContains("root"));
        var result = RuleTestKit.rule(new SshPasswordAuthRule()).config("""
                [[runners]]
                  name = "prod"
                  executor = "ssh"
                  [runners.ssh]
                    password = "Qz7-not-printed"
                """).check();
        result.assertFindings(f -> f.count(1).line(5).keyPath("runners[0].ssh.password"));
        assertFalse(result.findings().get(0).message().contains("Qz7"), result.findings().get(0).message());
    }

    @Test
    void instanceReuseExplainsBothCauses() {
        RuleTestKit.rule(new VmInstanceReusedRule()).config("""
                [[runners]]
                  name = "fleet"
                  executor = "instance"
                  [runners.autoscaler]
                    capacity_per_instance = 4
                    max_use_count = 0
                """).check()
                .assertFindings(f -> f.count(1).line(6).keyPath("runners[0].autoscaler.max_use_count")
                        .messageContains("max_use_count = 0"))
                .assertFindings(f -> f.count(1).messageContains("capacity_per_instance = 4"));
    }

    @Test
    void matchesAnythingFollowsUnanchoredRegexSemantics() {
        for (String pattern : List.of(".*", ".+", ".", "", "^", "$", "(?i).*", "x?", "(foo)?",
                ".*|foo", "\\w*", "[\\s\\S]")) {
            assertTrue(VmAllowedImagesUnrestrictedRule.matchesAnything(pattern), pattern);
        }
        for (String pattern : List.of("^$", "macos", "^ubuntu.*$", "(.*", "[a-z]+", "\\d", "^x?$",
                "^.$")) {
            assertFalse(VmAllowedImagesUnrestrictedRule.matchesAnything(pattern), pattern);
        }
    }
}
