package io.github.runnerguard.report;

import java.io.IOException;
import java.util.List;
import io.github.runnerguard.internal.report.JsonReports;
import io.github.runnerguard.spi.RuleDescriptor;

/**
 * Writes rule descriptors: a table for people ({@code runnerguard rules}), the full text of one rule
 * ({@code runnerguard explain}), or JSON ({@code {"schemaVersion": 1, "rules": [...]}}).
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleCatalogWriter {

    private RuleCatalogWriter() {
    }

    /** One line per rule: id, severity per tenancy ({@code dedicated / shared / multi-tenant}), title. */
    public static void writeText(List<RuleDescriptor> descriptors, Appendable out) throws IOException {
        int width = descriptors.stream().mapToInt(d -> d.id().length()).max().orElse(0);
        int severityWidth = descriptors.stream().mapToInt(d -> d.tenancy().toString().length()).max().orElse(0);
        for (RuleDescriptor descriptor : descriptors) {
            out.append(pad(descriptor.id(), width)).append("  ")
                    .append(pad(descriptor.tenancy().toString(), severityWidth)).append("  ")
                    .append(descriptor.title()).append('\n');
        }
        out.append(String.valueOf(descriptors.size())).append(descriptors.size() == 1 ? " rule" : " rules")
                .append("; severity is dedicated / shared / multi-tenant, \u2014 = no finding\n");
    }

    /** Everything about one rule, for people. */
    public static void writeExplanation(RuleDescriptor descriptor, Appendable out) throws IOException {
        out.append(descriptor.id()).append(": ").append(descriptor.title()).append('\n');
        out.append('\n');
        out.append("Severity:    ").append(descriptor.defaultSeverity().id())
                .append(" (dedicated / shared / multi-tenant: ").append(descriptor.tenancy().toString()).append(")\n");
        out.append("Tenancy:     ").append(descriptor.tenancyNote()).append('\n');
        if (!descriptor.aliases().isEmpty()) {
            out.append("Former ids:  ").append(String.join(", ", descriptor.aliases())).append('\n');
        }
        if (!descriptor.tags().isEmpty()) {
            out.append("Tags:        ").append(String.join(", ", descriptor.tags())).append('\n');
        }
        out.append("Since:       ").append(descriptor.since()).append('\n');
        out.append('\n').append("Why it matters\n").append(indent(descriptor.description())).append('\n');
        out.append('\n').append("What to do\n").append(indent(descriptor.remediation())).append('\n');
        out.append('\n').append("More: ").append(descriptor.helpUri().toString()).append('\n');
        if (!descriptor.references().isEmpty()) {
            out.append("References:\n");
            for (String reference : descriptor.references()) {
                out.append("  - ").append(reference).append('\n');
            }
        }
    }

    /** The descriptors as JSON. */
    public static void writeJson(List<RuleDescriptor> descriptors, Appendable out) throws IOException {
        out.append(JsonReports.renderRules(descriptors, JsonReportWriter.SCHEMA_VERSION));
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    private static String pad(String text, int width) {
        StringBuilder padded = new StringBuilder(text);
        while (padded.length() < width) {
            padded.append(' ');
        }
        return padded.toString();
    }
}
