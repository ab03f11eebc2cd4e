package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/rules.md} equal to the catalogue generated from the descriptors of every shipped rule.
 *
 * <p>Run with {@code -Drunnerguard.updateDocs=true} to rewrite the file after changing a descriptor.
 */
class RuleCatalogueTest {

    private static final Path CATALOGUE = projectRoot().resolve("docs/rules.md");

    @Test
    void catalogueMatchesTheDescriptors() throws IOException {
        String expected = render(shippedRules());
        if (Boolean.getBoolean("runnerguard.updateDocs")) {
            Files.createDirectories(CATALOGUE.getParent());
            Files.writeString(CATALOGUE, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(CATALOGUE) ? Files.readString(CATALOGUE, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual, "docs/rules.md is stale: run mvn -pl cli test -Dtest=RuleCatalogueTest "
                + "-Drunnerguard.updateDocs=true -Dsurefire.failIfNoSpecifiedTests=false and commit the result");
    }

    @Test
    void everyShippedRuleIsInTheCatalogue() {
        assertFalse(shippedRules().isEmpty(), "no rule was discovered on the class path");
    }

    static List<RuleDescriptor> shippedRules() {
        List<RuleDescriptor> descriptors = new ArrayList<>();
        for (SecurityRule rule : ServiceLoader.load(SecurityRule.class)) {
            descriptors.add(rule.descriptor());
        }
        descriptors.sort(Comparator.comparing(RuleDescriptor::id));
        return descriptors;
    }

    static String render(List<RuleDescriptor> descriptors) {
        StringBuilder out = new StringBuilder();
        out.append("# Rule catalogue\n\n")
                .append("Generated from the rule descriptors by `RuleCatalogueTest`; do not edit by hand.\n")
                .append("Severity is given as `dedicated / shared / multi-tenant`; `—` means no finding for that ")
                .append("tenancy. `runnerguard explain <id>` prints a rule's description and remediation.\n\n")
                .append("| id | severity | title | basis |\n")
                .append("|---|---|---|---|\n");
        for (RuleDescriptor d : descriptors) {
            out.append("| `").append(d.id()).append("` | ")
                    .append(d.tenancy()).append(" | ")
                    .append(cell(d.title())).append(" | ")
                    .append(cell(String.join("; ", d.references()))).append(" |\n");
        }
        out.append("\n").append(descriptors.size()).append(" rules.\n");
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bom/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("project root (with bom/pom.xml) not found above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
