package io.github.runnerguard.internal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.CharBuffer;
import java.util.List;
import java.util.function.Function;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.audit.Redactor;
import io.github.runnerguard.audit.Runnerguard;
import io.github.runnerguard.audit.Summary;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders reports and rule descriptors as JSON with Jackson. Stateless and thread-safe.
 */
public final class JsonReports {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")))
            .build();

    /** {@link Severity#id()} by ordinal, made once. */
    private static final String[] SEVERITY_IDS = java.util.Arrays.stream(Severity.values()).map(Severity::id)
            .toArray(String[]::new);

    private JsonReports() {
    }

    /** The JSON report, ending with a newline. */
    public static String render(AuditReport report, int schemaVersion) {
        StringBuilder out = new StringBuilder();
        try {
            render(report, schemaVersion, Finding::fingerprint, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    /**
     * Writes the JSON report, ending with a newline, to {@code out} as it goes: no tree of the report and no copy of
     * the text are built.
     *
     * @param fingerprints gives each finding's {@link Finding#fingerprint()}
     * @throws IOException when {@code out} throws
     */
    public static void render(AuditReport report, int schemaVersion, Function<Finding, String> fingerprints,
                              Appendable out) throws IOException {
        Redactor redactor = Redactor.patterns();
        try (JsonGenerator json = MAPPER.createGenerator(new AppendableWriter(out))) {
            json.writeStartObject();
            json.writeNumberProperty("schemaVersion", schemaVersion);
            json.writeObjectPropertyStart("tool");
            json.writeStringProperty("name", "runnerguard");
            json.writeStringProperty("version", Runnerguard.version());
            json.writeEndObject();
            json.writeArrayPropertyStart("files");
            for (FileReport file : report.files()) {
                json.writeStartObject();
                json.writeStringProperty("path", file.source());
                json.writeBooleanProperty("audited", file.audited());
                json.writeArrayPropertyStart("errors");
                for (Diagnostic error : file.errors()) {
                    json.writeStartObject();
                    json.writeStringProperty("message", redactor.redact(error.message()));
                    writePosition(json, error.position());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayPropertyStart("findings");
                String lastRemediation = null;
                String lastMaskedRemediation = null;
                for (AuditFinding audited : file.findings()) {
                    Finding finding = audited.finding();
                    json.writeStartObject();
                    json.writeStringProperty("ruleId", finding.ruleId());
                    json.writeStringProperty("severity", SEVERITY_IDS[finding.severity().ordinal()]);
                    json.writeStringProperty("title", redactor.redact(audited.title()));
                    json.writeStringProperty("message", redactor.redact(finding.message()));
                    if (finding.runner() == null) {
                        json.writeNullProperty("runner");
                    } else {
                        json.writeObjectPropertyStart("runner");
                        json.writeNumberProperty("index", finding.runner().index());
                        json.writeStringProperty("name", finding.runner().name());
                        json.writeEndObject();
                    }
                    json.writeStringProperty("key", finding.keyPath());
                    writePosition(json, finding.position());
                    // the findings of one rule come together and share their remediation: mask it once
                    if (!finding.remediation().equals(lastRemediation)) {
                        lastRemediation = finding.remediation();
                        lastMaskedRemediation = redactor.redact(lastRemediation);
                    }
                    json.writeStringProperty("remediation", lastMaskedRemediation);
                    writeNullable(json, "helpUri", audited.helpUri() == null ? null : audited.helpUri().toString());
                    json.writeStringProperty("fingerprint", fingerprints.apply(finding));
                    json.writeBooleanProperty("suppressed", audited.suppressed());
                    writeNullable(json, "suppressionReason",
                            audited.suppression() == null ? null : redactor.redact(audited.suppression().reason()));
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            Summary summary = report.summary();
            json.writeObjectPropertyStart("summary");
            for (Severity severity : Severity.values()) {
                json.writeNumberProperty(severity.id(), summary.count(severity));
            }
            json.writeNumberProperty("suppressed", summary.suppressed());
            json.writeNumberProperty("errors", summary.errors());
            json.writeEndObject();
            json.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.append('\n');
    }

    /** The descriptors as {@code {"schemaVersion": 1, "rules": [...]}}, ending with a newline. */
    public static String renderRules(List<RuleDescriptor> descriptors, int schemaVersion) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", schemaVersion);
        ArrayNode rules = root.putArray("rules");
        for (RuleDescriptor descriptor : descriptors) {
            ObjectNode node = rules.addObject();
            node.put("id", descriptor.id());
            node.put("title", descriptor.title());
            node.put("defaultSeverity", descriptor.defaultSeverity().id());
            ObjectNode tenancy = node.putObject("severityByTenancy");
            TenancySeverity severities = descriptor.tenancy();
            putNullable(tenancy, "dedicated", severities.dedicated() == null ? null : severities.dedicated().id());
            putNullable(tenancy, "shared", severities.shared() == null ? null : severities.shared().id());
            putNullable(tenancy, "multiTenant",
                    severities.multiTenant() == null ? null : severities.multiTenant().id());
            node.put("tenancyNote", descriptor.tenancyNote());
            node.put("description", descriptor.description());
            node.put("remediation", descriptor.remediation());
            node.put("helpUri", descriptor.helpUri().toString());
            ArrayNode references = node.putArray("references");
            descriptor.references().forEach(references::add);
            ArrayNode tags = node.putArray("tags");
            descriptor.tags().forEach(tags::add);
            ArrayNode aliases = node.putArray("aliases");
            descriptor.aliases().forEach(aliases::add);
            node.put("since", descriptor.since());
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    /**
     * A tree of {@link java.util.Map}s (in their iteration order), {@link List}s, strings, numbers, booleans and
     * nulls as indented JSON, ending with a newline.
     */
    public static String renderTree(@Nullable Object tree) {
        return MAPPER.writeValueAsString(tree) + "\n";
    }

    /**
     * Writes {@link #renderTree(Object)} to {@code out} as it goes, without building the text first.
     *
     * @throws IOException when {@code out} throws
     */
    public static void renderTree(@Nullable Object tree, Appendable out) throws IOException {
        try {
            MAPPER.writeValue(new AppendableWriter(out), tree);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.append('\n');
    }

    /**
     * Parses JSON into a tree of {@link java.util.Map}s (in document order), {@link List}s, strings, numbers,
     * booleans and nulls.
     *
     * @throws IllegalArgumentException when the text is not JSON, with the line and column in the message
     */
    public static @Nullable Object parseTree(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (tools.jackson.core.JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new IllegalArgumentException("not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void writePosition(JsonGenerator json, @Nullable Position position) {
        if (position == null) {
            json.writeNullProperty("line");
            json.writeNullProperty("column");
        } else {
            json.writeNumberProperty("line", position.line());
            json.writeNumberProperty("column", position.column());
        }
    }

    private static void writeNullable(JsonGenerator json, String name, @Nullable String value) {
        if (value == null) {
            json.writeNullProperty(name);
        } else {
            json.writeStringProperty(name, value);
        }
    }

    private static void putNullable(ObjectNode node, String name, @Nullable String value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    /**
     * A {@link Writer} that appends to an {@link Appendable}, so Jackson writes straight into a writer's target.
     * Closing it closes nothing; an {@link IOException} of the target comes out as {@link UncheckedIOException}, which
     * Jackson passes on. Not thread-safe.
     */
    private static final class AppendableWriter extends Writer {
        private final Appendable out;

        AppendableWriter(Appendable out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            try {
                if (out instanceof StringBuilder builder) {
                    builder.append(chars, offset, length);
                } else if (out instanceof Writer writer) {
                    writer.write(chars, offset, length);
                } else {
                    out.append(CharBuffer.wrap(chars, offset, length));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(String text, int offset, int length) {
            try {
                out.append(text, offset, offset + length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void flush() {
            // the target is flushed by whoever owns it
        }

        @Override
        public void close() {
            // the target belongs to the caller
        }
    }
}
