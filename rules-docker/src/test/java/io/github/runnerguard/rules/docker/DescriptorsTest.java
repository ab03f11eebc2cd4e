package io.github.runnerguard.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;
import io.github.runnerguard.testkit.RuleTestKit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The descriptors: ids and severities exactly as the issue's table, valid, and grounded in the seed document. */
class DescriptorsTest {

    private static final Severity C = Severity.CRITICAL;
    private static final Severity H = Severity.HIGH;
    private static final Severity M = Severity.MEDIUM;
    private static final Severity L = Severity.LOW;

    /** The issue's table: id, then dedicated / shared / multi-tenant (null for no finding). */
    private static final Map<String, TenancySeverity> TABLE = table();

    private static Map<String, TenancySeverity> table() {
        Map<String, TenancySeverity> table = new LinkedHashMap<>();
        table.put("docker.privileged", TenancySeverity.of(H, C, C));
        table.put("docker.services-privileged", TenancySeverity.of(M, H, C));
        table.put("docker.socket-mount", TenancySeverity.of(C, C, C));
        table.put("docker.sensitive-host-mount", TenancySeverity.of(M, H, C));
        table.put("docker.dangerous-capability", TenancySeverity.of(H, H, C));
        table.put("docker.setuid-setgid-kept", TenancySeverity.of(null, L, M));
        table.put("docker.runs-as-root", TenancySeverity.of(null, L, M));
        table.put("docker.unconfined-security-opt", TenancySeverity.of(H, H, C));
        table.put("docker.no-new-privileges-missing", TenancySeverity.of(null, L, L));
        table.put("docker.host-namespace", TenancySeverity.of(H, H, C));
        table.put("docker.host-devices", TenancySeverity.of(L, M, H));
        table.put("docker.pull-policy-if-not-present", TenancySeverity.of(null, M, H));
        table.put("docker.daemon-unencrypted", TenancySeverity.of(H, H, H));
        table.put("docker.autoscaled-vm-reused", TenancySeverity.of(null, M, H));
        table.put("docker.allowed-images-unrestricted", TenancySeverity.of(null, L, M));
        table.put("docker.allowed-images-negation", TenancySeverity.of(M, M, M));
        return table;
    }

    /** Rules that skip Windows containers must say so in their description. */
    private static final Set<String> LINUX_ONLY = Set.of("docker.privileged", "docker.services-privileged",
            "docker.dangerous-capability", "docker.setuid-setgid-kept", "docker.runs-as-root",
            "docker.unconfined-security-opt", "docker.no-new-privileges-missing");

    @Test
    void idsAndSeveritiesAreThoseOfTheIssue() {
        Map<String, TenancySeverity> actual = new LinkedHashMap<>();
        for (SecurityRule rule : AllDockerRules.all()) {
            actual.put(rule.descriptor().id(), rule.descriptor().tenancy());
        }
        assertEquals(TABLE, actual);
    }

    @Test
    void autoscaledReuseWithPrivilegeUsesTheTablesSecondRow() {
        assertEquals(TenancySeverity.of(H, H, C), AutoscaledVmReusedRule.WHEN_PRIVILEGED);
    }

    @TestFactory
    Stream<DynamicTest> descriptorsAreValid() {
        return AllDockerRules.all().stream().map(rule -> DynamicTest.dynamicTest(rule.descriptor().id(),
                () -> RuleTestKit.assertDescriptorValid(rule)));
    }

    @TestFactory
    Stream<DynamicTest> descriptorsFollowTheProjectConventions() {
        return AllDockerRules.all().stream().map(rule -> DynamicTest.dynamicTest(rule.descriptor().id(), () -> {
            RuleDescriptor d = rule.descriptor();
            assertEquals("docker", d.family());
            assertEquals("0.1.0", d.since());
            assertEquals(List.of(), d.aliases());
            assertTrue(d.helpUri().toString().startsWith("https://docs.gitlab.com/runner/"), d.helpUri()::toString);
            assertTrue(d.tags().contains("docker"), "tagged docker");
            assertTrue(d.remediation().contains("[runners."), "remediation has a TOML snippet");
            assertEquals(LINUX_ONLY.contains(d.id()), d.description().contains("docker-windows"),
                    "the description says whether docker-windows is skipped");
        }));
    }

    @Test
    void firstReferenceIsASeedSectionOrADocumentedPage() throws IOException {
        Map<String, String> seedHeadings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SharedFiles.require()
                .resolve("reference/security-for-self-managed-runners.md"))) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").replace(" **(FREE)**", "").trim();
                seedHeadings.put(heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'),
                        heading);
            }
        }
        String securityDocs = Files.readString(SharedFiles.require().resolve("reference/security-docs.md"));
        Pattern cited = Pattern.compile(
                "^(.+) \\(https://docs\\.gitlab\\.com/runner/([a-z0-9_/-]+)/(?:#([a-z0-9_-]+))?\\)$");
        for (SecurityRule rule : AllDockerRules.all()) {
            String first = rule.descriptor().references().get(0);
            Matcher m = cited.matcher(first);
            assertTrue(m.matches(), () -> rule.descriptor().id() + ": '" + first
                    + "' does not end with the URL of a GitLab Runner page");
            if (m.group(2).equals("security")) {
                String heading = m.group(3) == null ? null : seedHeadings.get(m.group(3));
                assertTrue(heading != null && m.group(1).contains(": " + heading), () -> rule.descriptor().id()
                        + ": '" + first + "' does not name a heading of the seed document " + seedHeadings.values());
            } else {
                String page = "docs/" + m.group(2);
                assertTrue(securityDocs.contains("`" + page + ".md`") || securityDocs.contains("`" + page
                        + "/_index.md`"), () -> rule.descriptor().id() + ": security-docs.md quotes nothing of "
                        + page);
            }
            for (String reference : rule.descriptor().references()) {
                if (reference.startsWith("CIS Docker")) {
                    assertTrue(reference.startsWith("CIS Docker Benchmark v1.6.0 5."), reference);
                }
            }
        }
    }
}
