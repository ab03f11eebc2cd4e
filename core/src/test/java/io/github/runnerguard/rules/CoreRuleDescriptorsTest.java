package io.github.runnerguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.junit.jupiter.api.Test;

/** The descriptors of the core rules against the rules issue's table, and their registration. */
class CoreRuleDescriptorsTest {

    /** id -> dedicated / shared / multi-tenant, exactly as the rules issue's table gives them. */
    private static final Map<String, String> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("runner.url-plaintext", "high / high / high");
        TABLE.put("runner.token-duplicated", "high / high / high");
        TABLE.put("runner.token-inline", "info / info / info");
        TABLE.put("runner.secret-in-environment", "low / medium / high");
        TABLE.put("runner.debug-trace-allowed", "— / low / medium");
        TABLE.put("runner.token-masking-disabled", "medium / medium / high");
        TABLE.put("runner.metrics-public", "medium / medium / medium");
        TABLE.put("runner.session-server-public", "low / low / medium");
        TABLE.put("runner.executor-unknown", "medium / medium / medium");
        TABLE.put("runner.executor-deprecated", "info / info / info");
        TABLE.put("host.config-file-readable", "high / high / high");
        TABLE.put("cache.insecure-transport", "medium / medium / medium");
        TABLE.put("cache.static-credentials", "low / low / low");
    }

    private static final List<SecurityRule> RULES = List.of(new UrlPlaintextRule(), new TokenDuplicatedRule(),
            new TokenInlineRule(), new SecretInEnvironmentRule(), new DebugTraceAllowedRule(),
            new TokenMaskingDisabledRule(), new MetricsPublicRule(), new SessionServerPublicRule(),
            new ExecutorUnknownRule(), new ExecutorDeprecatedRule(), new ConfigFileReadableRule(),
            new CacheInsecureTransportRule(), new CacheStaticCredentialsRule());

    @Test
    void everyRuleOfTheTableIsHereOnce() {
        assertEquals(TABLE.keySet(), RULES.stream().map(r -> r.descriptor().id())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
    }

    @Test
    void descriptorsMatchTheTableAndAreComplete() {
        for (SecurityRule rule : RULES) {
            RuleDescriptor d = rule.descriptor();
            String id = d.id();
            assertSame(d, rule.descriptor(), id + ": descriptor() returns one value");
            assertEquals(TABLE.get(id), d.tenancy().toString(), id + ": tenancy");
            Severity shared = d.tenancy().forTenancy(Tenancy.SHARED).orElse(null);
            Severity worst = List.of(Tenancy.values()).stream().map(t -> d.tenancy().forTenancy(t))
                    .flatMap(java.util.Optional::stream).min(Enum::compareTo).orElseThrow();
            assertEquals(shared != null ? shared : worst, d.defaultSeverity(), id + ": default severity");
            assertFalse(d.title().isBlank() || d.title().endsWith("."), id + ": title");
            assertTrue(d.description().split("(?<=[.!?\"])\\s+").length >= 2, id + ": description of 2-3 sentences");
            assertTrue(d.remediation().contains("\n  ") || d.remediation().contains("chmod"),
                    id + ": remediation with a snippet");
            assertEquals("https", d.helpUri().getScheme(), id);
            assertEquals("docs.gitlab.com", d.helpUri().getHost(), id);
            assertFalse(d.references().isEmpty(), id);
            String first = d.references().get(0);
            assertTrue(first.contains("(https://docs.gitlab.com/runner/"), id + ": first cites a GitLab Runner page: "
                    + first);
            assertTrue(d.references().stream().anyMatch(r -> r.startsWith("CWE-")), id + ": a CWE reference");
            assertFalse(d.tags().isEmpty(), id);
            assertEquals(List.of(), d.aliases(), id);
            assertEquals("0.1.0", d.since(), id);
            assertFalse(d.tenancyNote().isBlank(), id);
        }
    }

    @Test
    void securityPageReferencesNameRealSeedHeadings() throws IOException {
        Path seed = SharedFiles.reference("security-for-self-managed-runners.md");
        Map<String, String> headings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(seed)) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").replace("**(FREE)**", "").strip();
                headings.put(anchor(heading), heading);
            }
        }
        Pattern section = Pattern.compile("\\(https://docs\\.gitlab\\.com/runner/security/#([^)\\s]+)\\)$");
        for (SecurityRule rule : RULES) {
            for (String reference : rule.descriptor().references()) {
                Matcher m = section.matcher(reference);
                if (m.find()) {
                    String heading = headings.get(m.group(1));
                    assertTrue(heading != null && reference.contains(heading), rule.descriptor().id()
                            + ": '" + reference + "' does not name the seed heading of its anchor; headings: "
                            + headings.values());
                }
            }
        }
    }

    /** The anchor GitLab's documentation gives a heading: lower case, punctuation dropped, spaces as dashes. */
    private static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    @Test
    void rulesArePublicFinalWithANoArgumentConstructor() throws ReflectiveOperationException {
        for (SecurityRule rule : RULES) {
            Class<?> type = rule.getClass();
            assertTrue(Modifier.isPublic(type.getModifiers()) && Modifier.isFinal(type.getModifiers()), type + "");
            Object fresh = type.getConstructor().newInstance();
            assertEquals(rule.descriptor(), ((SecurityRule) fresh).descriptor());
        }
    }

    @Test
    void moduleInfoAndServicesFileRegisterTheSameRules() throws IOException {
        String moduleInfo = Files.readString(Path.of("src", "main", "java", "module-info.java"));
        Matcher provides = Pattern.compile("provides\\s+io\\.github\\.runnerguard\\.spi\\.SecurityRule\\s+with\\s+([^;]+);")
                .matcher(moduleInfo);
        assertTrue(provides.find(), "module-info provides SecurityRule");
        Set<String> fromModule = new TreeSet<>();
        for (String name : provides.group(1).split(",")) {
            fromModule.add(name.strip());
        }
        Set<String> fromServices = Files.readAllLines(Path.of("src", "main", "resources", "META-INF", "services",
                        "io.github.runnerguard.spi.SecurityRule")).stream()
                .map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fromModule, fromServices);
        for (SecurityRule rule : RULES) {
            assertTrue(fromModule.contains(rule.getClass().getName()), rule.getClass() + " is registered");
        }
    }
}
