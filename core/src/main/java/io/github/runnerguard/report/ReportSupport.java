package io.github.runnerguard.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.audit.RuleRegistry;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.Severity;
import org.jspecify.annotations.Nullable;

/** What several report writers share: unique fingerprints, paths relative to the source root, severity scales. */
final class ReportSupport {

    /** The project's home, for SARIF's {@code informationUri}. */
    static final String INFORMATION_URI = "https://github.com/runnerguard/runnerguard";

    private ReportSupport() {
    }

    /**
     * A fingerprint per finding that is unique within the report: the finding's own {@link Finding#fingerprint()},
     * and for the second and later findings that share one (two unnamed runners with the same problem), a hash of it
     * and the occurrence number. Keys are the report's own finding objects (identity).
     */
    static Map<AuditFinding, String> uniqueFingerprints(AuditReport report) {
        Map<AuditFinding, String> result = new IdentityHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Fingerprints fingerprints = new Fingerprints();
        for (FileReport file : report.files()) {
            for (AuditFinding finding : file.findings()) {
                String base = fingerprints.of(finding.finding());
                int occurrence = seen.merge(base, 1, Integer::sum);
                result.put(finding, occurrence == 1 ? base : sha256(base + "#" + occurrence));
            }
        }
        return result;
    }

    static String sha256(String material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Where a file is, for tools that read paths relative to a project directory.
     *
     * @param path     the path with {@code /} separators, relative to the source root when {@code relative}
     * @param uri      the same as a URI reference: relative (percent-encoded) or an absolute {@code file:} URI
     * @param relative true when the path is relative to the source root ({@code %SRCROOT%})
     */
    record Location(String path, String uri, boolean relative) {
    }

    /** The location of a file the audit named {@code source}, relative to {@code root} when it lies below it. */
    static Location locate(String source, @Nullable Path root) {
        Path path;
        try {
            path = Path.of(source);
        } catch (InvalidPathException e) {
            return new Location(source, encode(source), true);
        }
        if (source.startsWith("<") || source.isEmpty()) {
            return new Location(source, encode(source), true);
        }
        if (root == null) {
            if (path.isAbsolute()) {
                return new Location(slashes(path.normalize()), path.normalize().toUri().toASCIIString(), false);
            }
            String relative = slashes(path.normalize());
            return new Location(relative, encode(relative), true);
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(root)) {
            String relative = slashes(root.relativize(absolute));
            return new Location(relative, encode(relative), true);
        }
        return new Location(slashes(absolute), absolute.toUri().toASCIIString(), false);
    }

    private static String slashes(Path path) {
        return path.toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    /** A relative path as a URI reference: each character that may not appear in a path percent-encoded. */
    private static String encode(String relativePath) {
        String path = relativePath;
        int colon = path.indexOf(':');
        int slash = path.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            path = "./" + path; // a colon in the first segment would read as a scheme
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            StringBuilder out = new StringBuilder();
            for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) {
                    out.append((char) c);
                } else {
                    out.append('%').append(String.format("%02X", c));
                }
            }
            return out.toString();
        }
    }

    /** SARIF's {@code level}: error for critical and high, warning for medium, note for low and info. */
    static String sarifLevel(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /**
     * The 0–10 score GitHub and GitLab read from {@code properties.security-severity}, as the decimal string they
     * require: critical 9.5, high 8.0, medium 5.5, low 3.0, info 0.0 (GitHub: 9.0 and above is critical, 7.0 to 8.9
     * high, 4.0 to 6.9 medium, 0.1 to 3.9 low).
     */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    /** GitLab Code Quality's severity: blocker, critical, major, minor, info. */
    static String codeQualitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "blocker";
            case HIGH -> "critical";
            case MEDIUM -> "major";
            case LOW -> "minor";
            case INFO -> "info";
        };
    }

    /** {@code runner "name" (#0)}, {@code runner #1} for an unnamed one, or {@code global settings}. */
    static String runnerLabel(@Nullable RunnerRef runner) {
        if (runner == null) {
            return "global settings";
        }
        return runner.name().isEmpty() ? "runner #" + runner.index()
                : "runner \"" + runner.name() + "\" (#" + runner.index() + ")";
    }

    /** The runners of a loaded file by index; empty when the file was not loaded. */
    static List<Runner> runners(FileReport file) {
        RunnerConfig config = file.config();
        return config == null ? List.of() : config.runners();
    }

    /** The executor of a runner, or an empty string when it has none. */
    static String executor(Runner runner) {
        return runner.executor().orElse("");
    }

    /**
     * The descriptors to report: the given ones, then for each rule id of a finding that none of them describes the
     * engine's own descriptor ({@code engine.*}, {@code policy.*}) or a minimal one built from the finding's title
     * and help link, in order of first appearance.
     */
    static List<RuleDescriptor> descriptors(AuditReport report, List<RuleDescriptor> given) {
        Map<String, RuleDescriptor> byId = new LinkedHashMap<>();
        for (RuleDescriptor descriptor : given) {
            byId.putIfAbsent(descriptor.id(), descriptor);
        }
        Map<String, RuleDescriptor> builtin = new HashMap<>();
        for (RuleDescriptor descriptor : RuleRegistry.builtinDescriptors()) {
            builtin.put(descriptor.id(), descriptor);
        }
        for (AuditFinding finding : report.findings()) {
            String id = finding.finding().ruleId();
            if (!byId.containsKey(id) && builtin.containsKey(id)) {
                byId.put(id, builtin.get(id));
            } else if (!byId.containsKey(id) && RuleDescriptor.ID_PATTERN.matcher(id).matches()) {
                byId.put(id, new RuleDescriptor(id, finding.title(), finding.finding().severity(),
                        io.github.runnerguard.spi.TenancySeverity.always(finding.finding().severity()), "",
                        finding.title(), finding.finding().remediation(),
                        finding.helpUri() == null ? URI.create(INFORMATION_URI) : finding.helpUri(), List.of(),
                        List.of(), List.of(), ""));
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** Text on one line: line breaks become spaces. */
    static String oneLine(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static final String[] SEVERITY_IDS = java.util.Arrays.stream(Severity.values()).map(Severity::id)
            .toArray(String[]::new);

    /** {@link Severity#id()}, without building the string again for each finding. */
    static String id(Severity severity) {
        return SEVERITY_IDS[severity.ordinal()];
    }
}
