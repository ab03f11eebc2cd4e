package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.runnerguard.spi.RuleDescriptor;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks that every shipped rule cites what it rests on in a form a user can open and check: no reference names one
 * of the project's internal reference notes, at least one links the GitLab documentation, and every GitLab
 * documentation address, in a reference or as the help URI, is a well-formed https URL of a docs.gitlab.com page.
 *
 * <p>A reference that cites an address ends with it in parentheses, as in {@code Security for self-managed runners:
 * Cloning a runner (https://docs.gitlab.com/runner/security/#cloning-a-runner)}.
 */
class RuleReferencesTest {

    /** What names one of the internal reference notes, which users do not have. */
    private static final List<String> INTERNAL_NOTES = List.of("security-docs.md", "config-schema.md", "Seed:", "§");

    private static final String DOCS_HOST = "docs.gitlab.com";

    /** A text, a space, and the address in parentheses, at the end. */
    private static final Pattern TRAILING_ADDRESS = Pattern.compile("^(.*\\S) \\(([^\\s()]+)\\)$");

    /** The path of a docs.gitlab.com page: lower case, no file name, ending with a slash. */
    private static final Pattern DOCS_PATH = Pattern.compile("/(?:[a-z0-9_-]+/)+");

    /** A GitLab heading anchor: the lower-cased heading, spaces as dashes, punctuation dropped. */
    private static final Pattern ANCHOR = Pattern.compile("[a-z0-9_-]+");

    private static final String SECURITY_PAGE = "https://docs.gitlab.com/runner/security/";

    /**
     * Sections of the security page that are newer than the seed copy in the reference notes; security-docs.md
     * quotes them from the current page.
     */
    private static final Map<String, String> LATER_SECURITY_SECTIONS = Map.of(
            "clean-up-the-git-folder-after-each-build", "Clean up the `.git` folder after each build");

    @TestFactory
    Stream<DynamicTest> referencesNameNoInternalNoteAndCiteWellFormedAddresses() {
        List<RuleDescriptor> rules = RuleCatalogueTest.shippedRules();
        assertFalse(rules.isEmpty(), "no rule was discovered on the class path");
        return rules.stream().map(d -> DynamicTest.dynamicTest(d.id(), () -> {
            List<String> problems = new ArrayList<>();
            for (String reference : d.references()) {
                problems.addAll(problems(reference));
            }
            problems.addAll(helpProblems(d.helpUri()));
            if (d.references().stream().noneMatch(r -> r.contains("(https://" + DOCS_HOST + "/"))) {
                problems.add("no reference links the GitLab documentation it rests on");
            }
            assertEquals(List.of(), problems, d.id() + ": " + d.references());
        }));
    }

    @Test
    void theCheckRejectsInternalNotesAndMalformedAddresses() {
        List<String> bad = List.of(
                "security-docs.md §2: advanced-configuration.md, S3 Insecure",
                "config-schema.md: secret-bearing keys",
                "Seed: Cloning a runner",
                "Usage of Docker executor, docs.gitlab.com/runner/security/",
                "Usage of Docker executor https://docs.gitlab.com/runner/security/#usage-of-docker-executor",
                "Usage of Docker executor (http://docs.gitlab.com/runner/security/#usage-of-docker-executor)",
                "Usage of Docker executor (https://docs.gitlab.com/runner/security/_index.md#usage-of-docker-executor)",
                "Usage of Docker executor (https://docs.gitlab.com/runner/security#usage-of-docker-executor)",
                "Usage of Docker executor (https://docs.gitlab.com/runner/security/#Usage-of-Docker-executor)",
                "Usage of Docker executor (https://docs.gitlab.com/runner/security/#usage-of-docker-executor",
                "Usage of Docker executor (https://docs.gitlab.com/runner/security/?lang=en)",
                "Usage of Docker executor (https://docs.gitlab.com:8443/runner/security/)",
                "Usage of Docker executor (https://docs.gitlab.com/runner/security/#a#b)",
                "See https://docs.gitlab.com/runner/security/ (https://docs.gitlab.com/runner/executors/)",
                "Mirror of docs.gitlab.com (https://example.com/runner/security/)",
                "gitlab-runner main.go: executor names (gitlab.com/gitlab-org/gitlab-runner/-/blob/main/main.go)");
        for (String reference : bad) {
            assertFalse(problems(reference).isEmpty(), () -> "accepted: " + reference);
        }
        List<String> good = List.of(
                "CWE-250: Execution with Unnecessary Privileges",
                "CIS Docker Benchmark v1.6.0 5.5",
                "Security for self-managed runners: Cloning a runner (https://docs.gitlab.com/runner/security/"
                        + "#cloning-a-runner)",
                "SSH executor: introduction (https://docs.gitlab.com/runner/executors/ssh/)",
                "gitlab-runner 19.4.0 main.go: executor names (https://gitlab.com/gitlab-org/gitlab-runner/-/blob/"
                        + "main/main.go)");
        for (String reference : good) {
            assertEquals(List.of(), problems(reference), reference);
        }
        assertFalse(helpProblems(URI.create("https://example.com/runner/security/")).isEmpty());
        assertFalse(helpProblems(URI.create("https://docs.gitlab.com/runner/security/_index.md")).isEmpty());
        assertEquals(List.of(), helpProblems(URI.create(SECURITY_PAGE + "#cloning-a-runner")));
    }

    @Test
    void securityPageSectionsAreHeadingsOfTheSeedAndPagesAreOnesTheNotesQuote() throws IOException {
        Path reference = sharedReference();
        Map<String, String> headings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(reference.resolve("security-for-self-managed-runners.md"))) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").replace("**(FREE)**", "").strip();
                headings.put(anchor(heading), heading);
            }
        }
        headings.putAll(LATER_SECURITY_SECTIONS);
        String securityDocs = Files.readString(reference.resolve("security-docs.md"));
        for (RuleDescriptor d : RuleCatalogueTest.shippedRules()) {
            Map<String, URI> cited = new LinkedHashMap<>();
            for (String text : d.references()) {
                Matcher m = TRAILING_ADDRESS.matcher(text);
                if (m.matches() && m.group(2).startsWith("https://" + DOCS_HOST + "/")) {
                    cited.put(text, URI.create(m.group(2)));
                }
            }
            cited.put("help " + d.helpUri(), d.helpUri());
            cited.forEach((text, uri) -> {
                String page = uri.getPath().replaceFirst("^/runner/", "").replaceFirst("/$", "");
                String folder = page.contains("/") ? page.substring(0, page.lastIndexOf('/')) : page;
                assertTrue(securityDocs.contains("`docs/" + page + ".md`")
                                || securityDocs.contains("`docs/" + page + "/_index.md`")
                                || securityDocs.contains("`docs/" + folder + "/*`"),
                        () -> d.id() + ": the reference notes quote no page docs/" + page + " (" + text + ")");
                if (uri.toString().startsWith(SECURITY_PAGE) && uri.getFragment() != null) {
                    String heading = headings.get(uri.getFragment());
                    assertTrue(heading != null, () -> d.id() + ": #" + uri.getFragment()
                            + " is no heading of the security page " + headings.values());
                    assertTrue(text.startsWith("help ") || text.contains(heading),
                            () -> d.id() + ": '" + text + "' does not name the section it links, " + heading);
                }
            });
        }
    }

    /** What is wrong with one reference; empty when it is fine. */
    static List<String> problems(String reference) {
        List<String> problems = new ArrayList<>();
        for (String note : INTERNAL_NOTES) {
            if (reference.contains(note)) {
                problems.add("names the internal note marker '" + note + "': " + reference);
            }
        }
        boolean cites = reference.contains(DOCS_HOST) || reference.contains("://")
                || reference.matches(".*\\(\\S*/\\S*\\)$");
        if (!cites) {
            return problems;
        }
        Matcher m = TRAILING_ADDRESS.matcher(reference);
        if (!m.matches()) {
            problems.add("an address must end the reference, in parentheses after a space: " + reference);
            return problems;
        }
        if (m.group(1).contains(DOCS_HOST) || m.group(1).contains("://")) {
            problems.add("an address outside the final parentheses: " + reference);
        }
        URI uri;
        try {
            uri = new URI(m.group(2));
        } catch (URISyntaxException e) {
            problems.add("not a URL (" + e.getMessage() + "): " + reference);
            return problems;
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            problems.add("not an https URL: " + m.group(2));
            return problems;
        }
        if (reference.contains(DOCS_HOST) && !DOCS_HOST.equals(uri.getHost())) {
            problems.add("names " + DOCS_HOST + " but links " + uri.getHost() + ": " + reference);
        }
        if (DOCS_HOST.equals(uri.getHost())) {
            problems.addAll(docsPageProblems(uri));
        }
        return problems;
    }

    /** What is wrong with a help URI; empty when it is a well-formed docs.gitlab.com page URL. */
    static List<String> helpProblems(URI help) {
        if (!"https".equals(help.getScheme()) || !DOCS_HOST.equals(help.getHost())) {
            return List.of("help is not an https URL on " + DOCS_HOST + ": " + help);
        }
        return docsPageProblems(help);
    }

    private static List<String> docsPageProblems(URI uri) {
        List<String> problems = new ArrayList<>();
        if (uri.getRawUserInfo() != null || uri.getPort() != -1 || uri.getRawQuery() != null) {
            problems.add("a docs.gitlab.com URL has no user, port or query: " + uri);
        }
        String path = uri.getRawPath();
        if (path == null || !DOCS_PATH.matcher(path).matches()) {
            problems.add("a docs.gitlab.com page path is lower case and ends with '/', without _index.md or .md: "
                    + uri);
        }
        String fragment = uri.getRawFragment();
        if (fragment != null && !ANCHOR.matcher(fragment).matches()) {
            problems.add("a GitLab anchor is lower case, with dashes for spaces and no punctuation: " + uri);
        }
        return problems;
    }

    /** The anchor GitLab's documentation gives a heading: lower case, punctuation dropped, spaces as dashes. */
    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /** {@code <root>/../shared/reference}; the test is skipped when it is absent. */
    private static Path sharedReference() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bom/pom.xml"))) {
            dir = dir.getParent();
        }
        assumeTrue(dir != null, "no project root above " + Path.of("").toAbsolutePath());
        Path reference = dir.resolveSibling("shared").resolve("reference");
        assumeTrue(Files.isDirectory(reference), "no shared/reference next to the project root " + dir
                + ": skipping the check of sections against the reference notes");
        return reference;
    }
}
