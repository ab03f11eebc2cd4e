package io.github.runnerguard.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.audit.Redactor;
import io.github.runnerguard.audit.Runnerguard;
import io.github.runnerguard.audit.Suppression;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.internal.report.JsonReports;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.TenancySeverity;
import org.jspecify.annotations.Nullable;

/**
 * Writes a SARIF 2.1.0 log with one run, as GitLab, GitHub code scanning and SARIF viewers read it.
 *
 * <ul>
 *   <li>{@code tool.driver} has the name, version, {@code informationUri} and a descriptor per rule: id, name,
 *       short and full description, {@code helpUri}, {@code help} (text and markdown with the remediation),
 *       {@code defaultConfiguration.level}, former ids as {@code deprecatedIds}, and {@code properties.tags} and
 *       {@code properties.security-severity} (a 0–10 score as a decimal string, which GitHub requires).</li>
 *   <li>Every result has {@code ruleId}, {@code ruleIndex}, {@code level}, {@code message}, one physical location
 *       with an {@code artifactLocation.uri} relative to {@code %SRCROOT%} and a {@code region} (start line and
 *       column; line 1 when the finding has no place in the file), the key path as a logical location,
 *       {@code partialFingerprints} ({@code runnerguard/v1}, unique within the log and independent of the line), and
 *       {@code suppressions}: empty when the finding is not suppressed, else one of kind {@code external} (a policy
 *       waiver) or {@code inSource} (a {@code # runnerguard:ignore} comment) with the reason as justification.</li>
 *   <li>Files that could not be audited appear as error notifications of the invocation, whose
 *       {@code executionSuccessful} is then false.</li>
 * </ul>
 * Secrets are masked. Immutable and thread-safe.
 */
public final class SarifReportWriter implements ReportWriter {

    /** The {@code $schema} written into every log. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    /** The key of the fingerprint in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "runnerguard/v1";

    private static final String SRCROOT = "%SRCROOT%";

    private static final SarifReportWriter DEFAULT = new SarifReportWriter(List.of(), null);

    private final List<RuleDescriptor> rules;
    private final @Nullable Path sourceRoot;

    private SarifReportWriter(List<RuleDescriptor> rules, @Nullable Path sourceRoot) {
        this.rules = List.copyOf(rules);
        this.sourceRoot = sourceRoot == null ? null : sourceRoot.toAbsolutePath().normalize();
    }

    /** A writer that describes the rules of the findings only and keeps paths as the audit named them. */
    public static SarifReportWriter create() {
        return DEFAULT;
    }

    /** A writer configured from {@code options} (rules and source root). */
    public static SarifReportWriter create(ReportOptions options) {
        return new SarifReportWriter(options.rules(), options.sourceRoot());
    }

    /** The same writer describing these rules in {@code tool.driver.rules} (rules of findings are always added). */
    public SarifReportWriter withRules(List<RuleDescriptor> descriptors) {
        return new SarifReportWriter(Objects.requireNonNull(descriptors, "descriptors"), sourceRoot);
    }

    /**
     * The same writer with paths relative to {@code root}, which becomes {@code originalUriBaseIds.%SRCROOT%}; files
     * outside it get absolute {@code file:} URIs. Null keeps paths as the audit named them: relative ones are then
     * taken as relative to {@code %SRCROOT%} (the working directory) without saying where that is.
     */
    public SarifReportWriter withSourceRoot(@Nullable Path root) {
        return new SarifReportWriter(rules, root);
    }

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public void write(AuditReport report, Appendable out) throws IOException {
        JsonReports.renderTree(log(report), out);
    }

    private Map<String, Object> log(AuditReport report) {
        Redactor patterns = Redactor.patterns();
        List<RuleDescriptor> descriptors = ReportSupport.descriptors(report, rules);
        Map<String, Integer> ruleIndex = new HashMap<>();
        List<Object> ruleNodes = new ArrayList<>();
        for (RuleDescriptor descriptor : descriptors) {
            ruleIndex.put(descriptor.id(), ruleNodes.size());
            ruleNodes.add(rule(descriptor, patterns));
        }
        Map<AuditFinding, String> fingerprints = ReportSupport.uniqueFingerprints(report);
        Locations locations = new Locations();
        List<Object> results = new ArrayList<>();
        List<Object> notifications = new ArrayList<>();
        for (FileReport file : report.files()) {
            Redactor redactor = file.redactor();
            for (Diagnostic error : file.errors()) {
                Map<String, Object> notification = object();
                notification.put("level", "error");
                notification.put("message", text(file.source() + " could not be audited: "
                        + patterns.redact(error.message())));
                notification.put("locations", List.of(location(locations, file.source(), error.position(), null,
                        null)));
                notifications.add(notification);
            }
            for (AuditFinding audited : file.findings()) {
                results.add(result(audited, file, ruleIndex, fingerprints.get(audited), redactor, locations));
            }
        }
        Map<String, Object> driver = object();
        driver.put("name", "runnerguard");
        driver.put("version", Runnerguard.version());
        driver.put("informationUri", ReportSupport.INFORMATION_URI);
        driver.put("rules", ruleNodes);
        Map<String, Object> invocation = object();
        invocation.put("executionSuccessful", report.allAudited());
        invocation.put("toolExecutionNotifications", notifications);
        Map<String, Object> run = object();
        run.put("tool", Map.of("driver", driver));
        if (sourceRoot != null) {
            String rootUri = sourceRoot.toUri().toASCIIString();
            Map<String, Object> base = object();
            base.put("uri", rootUri.endsWith("/") ? rootUri : rootUri + "/");
            run.put("originalUriBaseIds", Map.of(SRCROOT, base));
        }
        run.put("invocations", List.of(invocation));
        run.put("columnKind", "unicodeCodePoints");
        run.put("results", results);
        Map<String, Object> log = object();
        log.put("$schema", SCHEMA_URI);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return log;
    }

    private static Map<String, Object> rule(RuleDescriptor descriptor, Redactor redactor) {
        Map<String, Object> node = object();
        node.put("id", descriptor.id());
        node.put("name", pascalCase(descriptor.id()));
        if (!descriptor.aliases().isEmpty()) {
            node.put("deprecatedIds", descriptor.aliases());
        }
        node.put("shortDescription", text(redactor.redact(descriptor.title())));
        node.put("fullDescription", text(redactor.redact(descriptor.description())));
        node.put("helpUri", descriptor.helpUri().toString());
        Map<String, Object> help = object();
        help.put("text", redactor.redact(descriptor.remediation()));
        help.put("markdown", redactor.redact(markdown(descriptor)));
        node.put("help", help);
        node.put("defaultConfiguration", Map.of("level", ReportSupport.sarifLevel(descriptor.defaultSeverity())));
        Map<String, Object> properties = object();
        List<String> tags = new ArrayList<>(descriptor.tags());
        if (!tags.contains("security")) {
            tags.add("security");
        }
        properties.put("tags", tags);
        properties.put("security-severity", ReportSupport.securitySeverity(descriptor.defaultSeverity()));
        properties.put("severity", descriptor.defaultSeverity().id());
        node.put("properties", properties);
        return node;
    }

    private Map<String, Object> result(AuditFinding audited, FileReport file, Map<String, Integer> ruleIndex,
                                       String fingerprint, Redactor redactor, Locations locations) {
        Finding finding = audited.finding();
        Map<String, Object> node = object();
        node.put("ruleId", finding.ruleId());
        Integer index = ruleIndex.get(finding.ruleId());
        if (index != null) {
            node.put("ruleIndex", index);
        }
        node.put("level", ReportSupport.sarifLevel(finding.severity()));
        node.put("message", text(redactor.redact(finding.message())));
        Map<String, Object> location = location(locations, finding.file(), finding.position(), file.config(),
                redactor);
        if (!finding.keyPath().isEmpty()) {
            location.put("logicalLocations", List.of(Map.of("fullyQualifiedName", finding.keyPath())));
        }
        node.put("locations", List.of(location));
        node.put("partialFingerprints", Map.of(FINGERPRINT_KEY, fingerprint));
        List<Object> suppressions = new ArrayList<>();
        Suppression suppression = audited.suppression();
        if (suppression != null) {
            Map<String, Object> entry = object();
            entry.put("kind", suppression.kind() == Suppression.Kind.INLINE ? "inSource" : "external");
            entry.put("status", "accepted");
            entry.put("justification", redactor.redact(suppression.reason()));
            if (suppression.source() != null) {
                entry.put("location", location(locations, suppression.source(), suppression.position(), null, null));
            }
            if (suppression.expires() != null) {
                entry.put("properties", Map.of("expires", suppression.expires().toString()));
            }
            suppressions.add(entry);
        }
        node.put("suppressions", suppressions);
        Map<String, Object> properties = object();
        properties.put("severity", ReportSupport.id(finding.severity()));
        properties.put("security-severity", ReportSupport.securitySeverity(finding.severity()));
        if (finding.runner() != null) {
            properties.put("runner", finding.runner().name());
            properties.put("runnerIndex", finding.runner().index());
        }
        node.put("properties", properties);
        return node;
    }

    private Map<String, Object> location(Locations locations, String source, @Nullable Position position,
                                         @Nullable RunnerConfig config, @Nullable Redactor redactor) {
        ReportSupport.Location where = locations.of(source);
        Map<String, Object> artifact = object();
        artifact.put("uri", where.uri());
        if (where.relative()) {
            artifact.put("uriBaseId", SRCROOT);
        }
        Map<String, Object> region = object();
        region.put("startLine", position == null ? 1 : position.line());
        region.put("startColumn", position == null ? 1 : position.column());
        if (position != null && config != null && redactor != null && position.line() <= config.lines().size()) {
            region.put("snippet", text(locations.snippet(config, position.line(), redactor)));
        }
        Map<String, Object> physical = object();
        physical.put("artifactLocation", artifact);
        physical.put("region", region);
        Map<String, Object> location = object();
        location.put("physicalLocation", physical);
        return location;
    }

    /**
     * What the results of one log share: the location of each file, worked out once, and the masked line last
     * shown as a snippet (findings come sorted by line). Not thread-safe; used within one {@link #write}.
     */
    private final class Locations {
        private final Map<String, ReportSupport.Location> bySource = new HashMap<>();
        private @Nullable RunnerConfig snippetConfig;
        private int snippetLine;
        private @Nullable Redactor snippetRedactor;
        private String snippet = "";

        ReportSupport.Location of(String source) {
            ReportSupport.Location where = bySource.get(source);
            if (where == null) {
                where = ReportSupport.locate(source, sourceRoot);
                bySource.put(source, where);
            }
            return where;
        }

        /** Line {@code line} of {@code config}, masked by {@code redactor}. */
        String snippet(RunnerConfig config, int line, Redactor redactor) {
            if (config != snippetConfig || line != snippetLine || redactor != snippetRedactor) {
                snippet = redactor.redact(config.lines().get(line - 1));
                snippetConfig = config;
                snippetLine = line;
                snippetRedactor = redactor;
            }
            return snippet;
        }
    }

    /** The help text in Markdown: what to do (TOML snippets fenced), why it matters, severity, the link. */
    static String markdown(RuleDescriptor descriptor) {
        StringBuilder out = new StringBuilder();
        out.append("**").append(descriptor.title()).append("**\n\n");
        out.append(descriptor.description()).append("\n\n");
        out.append("**What to do**\n\n");
        out.append(fenceIndentedBlocks(descriptor.remediation())).append("\n\n");
        TenancySeverity tenancy = descriptor.tenancy();
        out.append("Severity (dedicated / shared / multi-tenant runner): ").append(tenancy.toString());
        if (!descriptor.tenancyNote().isBlank()) {
            out.append(". ").append(descriptor.tenancyNote());
        }
        out.append("\n\n[Documentation](").append(descriptor.helpUri()).append(')');
        if (!descriptor.references().isEmpty()) {
            out.append("\n\nReferences:\n");
            for (String reference : descriptor.references()) {
                out.append("\n- ").append(reference);
            }
        }
        return out.toString();
    }

    /** Paragraphs whose every line is indented become fenced code blocks; the rest stays as it is. */
    static String fenceIndentedBlocks(String text) {
        String[] paragraphs = text.strip().split("\n\\s*\n");
        List<String> out = new ArrayList<>();
        for (String paragraph : paragraphs) {
            String[] lines = paragraph.split("\n", -1);
            boolean indented = true;
            for (String line : lines) {
                if (!line.isBlank() && !line.startsWith("  ") && !line.startsWith("\t")) {
                    indented = false;
                    break;
                }
            }
            if (indented) {
                out.add("```toml\n" + paragraph.stripIndent() + "\n```");
            } else {
                out.add(paragraph);
            }
        }
        return String.join("\n\n", out);
    }

    /** {@code docker.pull-policy-if-not-present} becomes {@code DockerPullPolicyIfNotPresent}. */
    static String pascalCase(String id) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (c == '.' || c == '-' || c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Map<String, Object> text(String text) {
        return Map.of("text", text);
    }

    private static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }
}
