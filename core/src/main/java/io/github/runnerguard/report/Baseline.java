package io.github.runnerguard.report;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.internal.report.JsonReports;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.Severity;
import org.jspecify.annotations.Nullable;

/**
 * The findings an organisation has already seen, by fingerprint, so that an audit can report only what is new.
 *
 * <p>{@link #of(AuditReport)} records the unsuppressed findings of a report; {@link #filter(AuditReport)} removes
 * those findings from a later report and lists the entries that no longer occur. A fingerprint hashes the rule id,
 * the file as the audit named it, the runner's name and the key path within the runner (not the line, not the
 * runner's index), so it survives edits that move the key, re-order unrelated keys or runners, and changes of the
 * value; a second finding with the same fingerprint in one report gets its own (see
 * {@link SarifReportWriter#FINGERPRINT_KEY}). Audit the same paths from the same directory for the fingerprints to
 * match.
 *
 * <p>The file is JSON, sorted so that it changes only when findings do:
 * <pre class="code">
 * {"schemaVersion": 1, "tool": "runnerguard",
 *  "findings": [{"fingerprint": "3f2a...", "ruleId": "docker.privileged", "severity": "critical",
 *                "file": "config.toml", "runner": "shared-docker", "key": "docker.privileged"}]}
 * </pre>
 * Only the fingerprint counts when reports are filtered; the other fields are there for people. Immutable and
 * thread-safe.
 */
public final class Baseline {

    /** The version of the file layout. */
    public static final int SCHEMA_VERSION = 1;

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::file)
            .thenComparing(Entry::ruleId)
            .thenComparing(e -> e.runner() == null ? "" : e.runner())
            .thenComparing(Entry::key)
            .thenComparing(Entry::fingerprint);

    private final List<Entry> entries;
    private final Set<String> fingerprints;

    private Baseline(List<Entry> entries) {
        Map<String, Entry> unique = new LinkedHashMap<>();
        for (Entry entry : entries) {
            unique.putIfAbsent(entry.fingerprint(), entry);
        }
        List<Entry> sorted = new ArrayList<>(unique.values());
        sorted.sort(ORDER);
        this.entries = List.copyOf(sorted);
        this.fingerprints = Set.copyOf(unique.keySet());
    }

    /**
     * One finding the baseline knows.
     *
     * @param fingerprint the fingerprint; the only part that is compared
     * @param ruleId      the rule id
     * @param severity    the severity when it was recorded
     * @param file        the file as the audit named it
     * @param runner      the runner's name, or null for a finding outside any runner
     * @param key         the key path within the runner
     */
    public record Entry(String fingerprint, String ruleId, Severity severity, String file, @Nullable String runner,
                        String key) {

        /** Checks the parts. */
        public Entry {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * A report with the known findings taken out.
     *
     * @param report the report with only the unsuppressed findings the baseline does not know (suppressed findings
     *               stay, marked as before)
     * @param known  how many unsuppressed findings the baseline knew and were taken out
     * @param gone   the entries of the baseline for files of this report that no finding matches any more
     */
    public record Filtered(AuditReport report, int known, List<Entry> gone) {

        /** Copies the list. */
        public Filtered {
            Objects.requireNonNull(report, "report");
            gone = List.copyOf(gone);
        }
    }

    /** An empty baseline. */
    public static Baseline empty() {
        return new Baseline(List.of());
    }

    /** The baseline of a report: one entry per unsuppressed finding. */
    public static Baseline of(AuditReport report) {
        Map<AuditFinding, String> unique = ReportSupport.uniqueFingerprints(report);
        List<Entry> entries = new ArrayList<>();
        for (FileReport file : report.files()) {
            for (AuditFinding audited : file.findings()) {
                if (!audited.suppressed()) {
                    entries.add(entry(audited.finding(), unique.get(audited)));
                }
            }
        }
        return new Baseline(entries);
    }

    /**
     * Reads a baseline file.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not a baseline, naming the file and what is wrong
     */
    public static Baseline read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not a baseline: it is not UTF-8 text", e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses the text of a baseline file.
     *
     * @param json   the text
     * @param source the file's name, for messages
     * @throws IllegalArgumentException when it is not a baseline, naming {@code source} and what is wrong
     */
    public static Baseline parse(String json, String source) {
        Object tree;
        try {
            tree = JsonReports.parseTree(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not a baseline: " + e.getMessage(), e);
        }
        if (!(tree instanceof Map<?, ?> root)) {
            throw invalid(source, "expected a JSON object with \"schemaVersion\" and \"findings\"");
        }
        Object version = root.get("schemaVersion");
        if (!(version instanceof Number number) || number.intValue() != SCHEMA_VERSION
                || number.doubleValue() != SCHEMA_VERSION) {
            throw invalid(source, "\"schemaVersion\" must be " + SCHEMA_VERSION + ", not " + version);
        }
        if (!(root.get("findings") instanceof List<?> findings)) {
            throw invalid(source, "\"findings\" must be an array");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            if (!(findings.get(i) instanceof Map<?, ?> node)) {
                throw invalid(source, "findings[" + i + "] must be an object");
            }
            if (!(node.get("fingerprint") instanceof String fingerprint) || fingerprint.isBlank()) {
                throw invalid(source, "findings[" + i + "] has no \"fingerprint\"");
            }
            Severity severity = Severity.INFO;
            if (node.get("severity") instanceof String text) {
                try {
                    severity = Severity.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw invalid(source, "findings[" + i + "] has an unknown severity \"" + text + "\"");
                }
            }
            entries.add(new Entry(fingerprint, string(node.get("ruleId")), severity, string(node.get("file")),
                    node.get("runner") instanceof String runner ? runner : null, string(node.get("key"))));
        }
        return new Baseline(entries);
    }

    /** The entries, sorted by file, rule id, runner and key. */
    public List<Entry> entries() {
        return entries;
    }

    /** The number of entries. */
    public int size() {
        return entries.size();
    }

    /** True when the baseline knows this fingerprint. */
    public boolean contains(String fingerprint) {
        return fingerprints.contains(fingerprint);
    }

    /**
     * The report without the unsuppressed findings this baseline knows, and the entries that no longer occur among
     * the files of the report that were audited (entries of files not in the report are not judged).
     */
    public Filtered filter(AuditReport report) {
        Map<AuditFinding, String> unique = ReportSupport.uniqueFingerprints(report);
        Set<String> present = new HashSet<>(unique.values());
        Set<String> auditedFiles = new LinkedHashSet<>();
        List<FileReport> files = new ArrayList<>();
        int known = 0;
        for (FileReport file : report.files()) {
            if (file.audited()) {
                auditedFiles.add(file.source());
            }
            List<AuditFinding> kept = new ArrayList<>();
            for (AuditFinding audited : file.findings()) {
                if (!audited.suppressed() && contains(unique.get(audited))) {
                    known++;
                } else {
                    kept.add(audited);
                }
            }
            files.add(kept.size() == file.findings().size() ? file
                    : new FileReport(file.source(), file.audited(), file.errors(), kept, file.config()));
        }
        List<Entry> gone = new ArrayList<>();
        for (Entry entry : entries) {
            if (!present.contains(entry.fingerprint()) && auditedFiles.contains(entry.file())) {
                gone.add(entry);
            }
        }
        return new Filtered(new AuditReport(files), known, gone);
    }

    /** Writes the baseline as JSON, ending with a newline. */
    public void write(Appendable out) throws IOException {
        out.append(toJson());
    }

    /** The baseline as JSON, ending with a newline. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tool", "runnerguard");
        List<Object> findings = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("fingerprint", entry.fingerprint());
            node.put("ruleId", entry.ruleId());
            node.put("severity", entry.severity().id());
            node.put("file", entry.file());
            node.put("runner", entry.runner());
            node.put("key", entry.key());
            findings.add(node);
        }
        root.put("findings", findings);
        return JsonReports.renderTree(root);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Baseline baseline && entries.equals(baseline.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Baseline[" + entries.size() + " entries]";
    }

    private static Entry entry(Finding finding, String fingerprint) {
        return new Entry(fingerprint, finding.ruleId(), finding.severity(), finding.file(),
                finding.runner() == null ? null : finding.runner().name(),
                finding.keyPath().replaceFirst("^runners\\[\\d+]\\.?", ""));
    }

    private static String string(@Nullable Object value) {
        return value instanceof String text ? text : "";
    }

    private static IllegalArgumentException invalid(String source, String what) {
        return new IllegalArgumentException(source + " is not a baseline: " + what);
    }
}
