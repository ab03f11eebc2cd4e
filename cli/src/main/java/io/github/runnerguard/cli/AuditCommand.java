package io.github.runnerguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.Auditor;
import io.github.runnerguard.audit.DiscoveryProblem;
import io.github.runnerguard.audit.FailOn;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.audit.Policy;
import io.github.runnerguard.audit.PolicyException;
import io.github.runnerguard.audit.Redactor;
import io.github.runnerguard.audit.RuleConflictException;
import io.github.runnerguard.audit.RuleRegistry;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.report.Baseline;
import io.github.runnerguard.report.ReportOptions;
import io.github.runnerguard.report.ReportWriter;
import io.github.runnerguard.report.ReportWriters;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.Tenancy;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runnerguard audit}: audits files, directories or standard input and writes one report. */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Audits config.toml files and reports their security risks.",
                "PATH is a file, a directory (every *.toml below it except runnerguard.toml) or - for standard "
                        + "input. Without --policy, runnerguard.toml next to each file (or in the current directory "
                        + "for standard input) is the policy. All files go into one report, and rules that compare "
                        + "files (the same runner token in two of them) see them all."},
        footer = {"", "Examples:",
                "  runnerguard audit /etc/gitlab-runner/config.toml",
                "  runnerguard audit --format codequality=gl-code-quality.json --format junit=runnerguard.xml "
                        + "--format sarif=runnerguard.sarif --format text configs/",
                "  runnerguard audit --write-baseline runnerguard-baseline.json configs/",
                "  runnerguard audit --baseline runnerguard-baseline.json configs/",
                "",
                "Exit codes: 0 no unsuppressed finding at or above --fail-on, 1 there is one, 2 usage error, "
                        + "unreadable file or a file that could not be audited (syntax error, limit)."})
final class AuditCommand implements Callable<Integer> {

    static final String STDIN = "<stdin>";

    /** Audits of more files than this show their progress on standard error when it is a terminal. */
    static final int PROGRESS_THRESHOLD = 200;

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT[=FILE]",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: text). Repeat it for several reports; "
                    + "FORMAT=FILE writes that report to FILE (e.g. --format sarif=runnerguard.sarif). At most one "
                    + "format without a file: it goes to --output, else to standard output.",
            completionCandidates = Formats.class)
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report of the format without =FILE to FILE instead of standard output.")
    @Nullable Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = FailOnConverter.class,
            description = "Exit with 1 when an unsuppressed finding is at least this severe: critical, high, medium, "
                    + "low, info or never (default: the policy's fail-on, else high). JUnit reports fail their test "
                    + "cases at the same threshold.")
    @Nullable FailOn failOn;

    @Option(names = "--tenancy", paramLabel = "TENANCY", converter = TenancyConverter.class,
            description = "Who shares the runners: dedicated, shared or multi-tenant (default: the policy's "
                    + "tenancy, else shared).")
    @Nullable Tenancy tenancy;

    @Option(names = "--policy", paramLabel = "FILE", description = "The policy file (default: runnerguard.toml "
            + "next to each audited file).")
    @Nullable Path policy;

    @Option(names = "--kubernetes-pss", paramLabel = "LEVEL",
            description = "The Pod Security Standards level the Kubernetes job namespace enforces: privileged, "
                    + "baseline or restricted.")
    @Nullable String kubernetesPss;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only the findings that are not in this baseline (written by --write-baseline), and "
                    + "list on standard error the baseline entries that no longer occur.")
    @Nullable Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record the fingerprints of this audit's unsuppressed findings in FILE (before --baseline "
                    + "filters them). Audit the same paths from the same directory for them to match later.")
    @Nullable Path writeBaseline;

    @Option(names = "--source-root", paramLabel = "DIR",
            description = "The directory paths in SARIF, Code Quality, JUnit and HTML reports are relative to "
                    + "(default: the working directory; GitLab expects the project directory).")
    @Nullable Path sourceRoot;

    @Option(names = "--no-color", description = "Never colour the text report (it is coloured only on a terminal).")
    boolean noColor;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, directories, or - for standard input.")
    List<String> paths = new ArrayList<>();

    AuditCommand(Environment environment) {
        this.environment = environment;
    }

    /** One report to write: a format, and the file it goes to (null: standard output). */
    private record Target(String format, @Nullable Path file) {
    }

    /** Runs the audit under picocli, which parsed the options into the fields. */
    @Override
    public Integer call() throws IOException {
        CommandLine line = spec.commandLine();
        try {
            return execute(line.getOut(), line.getErr());
        } catch (UsageException e) {
            throw new CommandLine.ParameterException(line, e.getMessage());
        }
    }

    /**
     * Runs the audit with the options in the fields, whoever set them.
     *
     * @param out standard output
     * @param err standard error
     * @return the exit code
     * @throws UsageException when the options do not go together (nothing has been written then)
     * @throws IOException    when a report or the baseline cannot be written
     */
    int execute(PrintWriter out, PrintWriter err) throws IOException {
        List<Target> targets = targets();
        if (kubernetesPss != null && !Set.of("privileged", "baseline", "restricted")
                .contains(kubernetesPss.toLowerCase(Locale.ROOT))) {
            throw usage("Invalid value for --kubernetes-pss: '" + kubernetesPss
                    + "' (expected privileged, baseline or restricted)");
        }
        Baseline known = null;
        if (baseline != null) {
            try {
                known = Baseline.read(baseline);
            } catch (NoSuchFileException e) {
                err.println("runnerguard: baseline " + baseline + " does not exist (write it with --write-baseline)");
                return Main.ERROR;
            } catch (IOException | IllegalArgumentException e) {
                err.println("runnerguard: " + Redactor.patterns().redact(e.getMessage()));
                return Main.ERROR;
            }
        }
        boolean inputError = false;
        List<Input> inputs = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        boolean stdinUsed = false;
        for (String path : paths) {
            if (path.equals("-")) {
                if (stdinUsed) {
                    throw usage("Standard input (-) can be audited only once");
                }
                stdinUsed = true;
                inputs.add(new Input(null));
                continue;
            }
            Path file = Path.of(path);
            if (Files.isDirectory(file)) {
                List<Path> found = tomlFilesUnder(file);
                if (found.isEmpty()) {
                    err.println("runnerguard: no *.toml file under " + path);
                    inputError = true;
                }
                for (Path each : found) {
                    if (seen.add(each.toAbsolutePath().normalize())) {
                        inputs.add(new Input(each));
                    }
                }
            } else if (seen.add(file.toAbsolutePath().normalize())) {
                inputs.add(new Input(file));
            }
        }

        RuleRegistry registry;
        try {
            registry = RuleRegistry.discover();
        } catch (RuleConflictException e) {
            err.println("runnerguard: " + Redactor.patterns().redact(e.getMessage()));
            return Main.ERROR;
        }
        for (DiscoveryProblem problem : registry.problems()) {
            err.println("runnerguard: warning: " + Redactor.patterns().redact(problem.message()));
        }

        Map<Optional<Path>, List<Input>> byPolicy = new LinkedHashMap<>();
        for (Input input : inputs) {
            Optional<Path> policyFile = policy != null ? Optional.of(policy)
                    : Policy.fileNextTo(input.path != null ? input.path : Path.of(STDIN));
            byPolicy.computeIfAbsent(policyFile, k -> new ArrayList<>()).add(input);
        }

        Map<Auditor, List<FileReport>> groups = new LinkedHashMap<>();
        for (Map.Entry<Optional<Path>, List<Input>> group : byPolicy.entrySet()) {
            try {
                Policy policyInForce = group.getKey().map(Policy::load).orElse(Policy.defaults());
                Auditor auditor = Auditor.builder().rules(registry).policy(policyInForce).tenancy(tenancy)
                        .failOn(failOn).clock(environment.clock())
                        .kubernetesPss(kubernetesPss == null ? null : kubernetesPss.toLowerCase(Locale.ROOT))
                        .build();
                groups.put(auditor, new ArrayList<>());
            } catch (PolicyException e) {
                err.println("runnerguard: invalid policy:");
                err.println(Redactor.patterns().redact(e.getMessage()));
                return Main.ERROR;
            }
        }

        Progress progress = new Progress(err, inputs.size(),
                environment.errorTerminal() && inputs.size() > PROGRESS_THRESHOLD);
        List<Auditor> auditors = new ArrayList<>(groups.keySet());
        List<List<Input>> inputGroups = new ArrayList<>(byPolicy.values());
        for (int g = 0; g < auditors.size(); g++) {
            Auditor auditor = auditors.get(g);
            List<FileReport> groupFiles = groups.get(auditor);
            for (Input input : inputGroups.get(g)) {
                if (input.path == null) {
                    byte[] bytes = environment.in().readAllBytes();
                    groupFiles.addAll(auditor.audit(bytes, STDIN).files().stream()
                            .filter(f -> f.source().equals(STDIN)).toList());
                } else {
                    groupFiles.add(auditor.auditFile(input.path));
                }
                progress.advance();
            }
        }
        progress.done();

        // cross-file rules see every file that loaded, whatever its policy
        List<RunnerConfig> fleet = new ArrayList<>();
        groups.values().forEach(files -> files.forEach(f -> f.loadedConfig().ifPresent(fleet::add)));
        Map<String, FailOn> thresholds = new HashMap<>();
        List<FileReport> files = new ArrayList<>();
        for (Map.Entry<Auditor, List<FileReport>> group : groups.entrySet()) {
            Auditor auditor = group.getKey();
            List<FileReport> groupFiles = new ArrayList<>(auditor.withFleetFindings(group.getValue(), fleet));
            auditor.policyReport().ifPresent(groupFiles::add);
            for (FileReport file : groupFiles) {
                thresholds.put(file.source(), auditor.failOn());
            }
            files.addAll(groupFiles);
        }
        AuditReport report = new AuditReport(files);

        if (writeBaseline != null) {
            createParent(writeBaseline);
            Files.writeString(writeBaseline, Baseline.of(report).toJson(), StandardCharsets.UTF_8);
        }
        if (known != null) {
            Baseline.Filtered filtered = known.filter(report);
            report = filtered.report();
            long fresh = report.findings().stream().filter(f -> !f.suppressed()).count();
            err.println("runnerguard: baseline " + baseline + ": " + filtered.known() + " known "
                    + (filtered.known() == 1 ? "finding" : "findings") + " left out, " + fresh + " new");
            if (!filtered.gone().isEmpty()) {
                err.println("runnerguard: " + filtered.gone().size() + (filtered.gone().size() == 1
                        ? " baseline entry no longer occurs" : " baseline entries no longer occur")
                        + " (fixed, or changed); update the baseline with --write-baseline:");
                for (Baseline.Entry entry : filtered.gone()) {
                    err.println("  " + entry.file() + " " + (entry.runner() == null ? "global settings"
                            : "runner \"" + entry.runner() + "\"") + " " + entry.ruleId() + " "
                            + (entry.key().isEmpty() ? "" : entry.key() + " ") + "(" + entry.fingerprint() + ")");
                }
            }
        }

        boolean fails = false;
        for (FileReport file : report.files()) {
            FailOn threshold = thresholds.getOrDefault(file.source(), FailOn.HIGH);
            for (AuditFinding finding : file.findings()) {
                fails |= !finding.suppressed() && threshold.failsOn(finding.finding().severity());
            }
        }

        ReportOptions options = ReportOptions.defaults()
                .withFailOn(failOn != null ? failOn : strictest(auditors))
                .withRules(enabledRules(registry, auditors))
                .withSourceRoot(sourceRoot != null ? sourceRoot : Path.of("").toAbsolutePath());
        for (Target target : targets) {
            boolean color = target.file == null && environment.terminal() && !noColor;
            ReportWriter writer = ReportWriters.forFormat(target.format, options.withColor(color)).orElseThrow();
            if (target.file != null) {
                createParent(target.file);
                try (Writer file = Files.newBufferedWriter(target.file, StandardCharsets.UTF_8)) {
                    writer.write(report, file);
                }
            } else {
                writer.write(report, out);
                out.flush();
            }
        }
        if (inputError || !report.allAudited()) {
            return Main.ERROR;
        }
        return fails ? Main.FINDINGS : Main.OK;
    }

    /** The reports to write, checked: known formats, at most one without a file, no file twice. */
    private List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (String spec : formats.isEmpty() ? List.of("text") : formats) {
            int equals = spec.indexOf('=');
            String name = (equals < 0 ? spec : spec.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            if (!ReportWriters.formats().contains(name)) {
                throw usage("Unknown format '" + (equals < 0 ? spec : spec.substring(0, equals)) + "' (expected one of "
                        + String.join(", ", ReportWriters.formats()) + ")");
            }
            Path file = null;
            if (equals >= 0) {
                String path = spec.substring(equals + 1);
                if (path.isBlank()) {
                    throw usage("--format " + spec + " names no file (write --format " + name + "=FILE, or only "
                            + name + " for standard output)");
                }
                file = Path.of(path);
            }
            targets.add(new Target(name, file));
        }
        List<Target> unnamed = targets.stream().filter(t -> t.file == null).toList();
        if (unnamed.size() > 1) {
            throw usage("Only one --format can go to " + (output != null ? "--output" : "standard output")
                    + "; give the others a file, e.g. --format " + unnamed.get(1).format + "=report."
                    + unnamed.get(1).format);
        }
        if (output != null) {
            if (unnamed.isEmpty()) {
                throw usage("--output " + output + " is for the --format without =FILE, and every --format here "
                        + "has its own file");
            }
            targets.set(targets.indexOf(unnamed.get(0)), new Target(unnamed.get(0).format, output));
        }
        Set<Path> files = new LinkedHashSet<>();
        for (Target target : targets) {
            if (target.file != null && !files.add(target.file.toAbsolutePath().normalize())) {
                throw usage("Two reports would be written to " + target.file);
            }
        }
        return targets;
    }

    /** The descriptors of the rules some policy in force leaves on, in registry order. */
    private static List<RuleDescriptor> enabledRules(RuleRegistry registry, List<Auditor> auditors) {
        List<RuleDescriptor> enabled = new ArrayList<>();
        for (RuleDescriptor descriptor : registry.descriptors()) {
            if (auditors.isEmpty() || auditors.stream().anyMatch(a -> a.policy().isEnabled(descriptor.id()))) {
                enabled.add(descriptor);
            }
        }
        return enabled;
    }

    /** The lowest threshold of the policies in force ({@code never} only when all say never; high without any). */
    private static FailOn strictest(List<Auditor> auditors) {
        if (auditors.isEmpty()) {
            return FailOn.HIGH;
        }
        FailOn strictest = FailOn.NEVER;
        for (Auditor auditor : auditors) {
            FailOn each = auditor.failOn();
            if (each != FailOn.NEVER && (strictest == FailOn.NEVER || each.ordinal() > strictest.ordinal())) {
                strictest = each;
            }
        }
        return strictest;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static UsageException usage(String message) {
        return new UsageException(message);
    }

    /** Options that do not go together: a usage error, reported as picocli reports its own. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private static List<Path> tomlFilesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".toml"))
                    .filter(p -> !p.getFileName().toString().equals(Policy.FILE_NAME))
                    .sorted()
                    .toList();
        }
    }

    /** One thing to audit: a file, or standard input when the path is null. */
    private record Input(@Nullable Path path) {
    }

    /** A one-line counter on standard error, rewritten in place at most every 100 ms. */
    private static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final boolean enabled;
        private int done;
        private long shownAt;
        private int width;

        Progress(PrintWriter err, int total, boolean enabled) {
            this.err = err;
            this.total = total;
            this.enabled = enabled;
        }

        void advance() {
            done++;
            long now = System.nanoTime();
            if (enabled && (done == total || now - shownAt >= 100_000_000L)) {
                shownAt = now;
                String line = "runnerguard: audited " + done + " of " + total + " files";
                width = Math.max(width, line.length());
                err.print("\r" + line);
                err.flush();
            }
        }

        void done() {
            if (enabled && width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
            }
        }
    }

    /** The report formats, for the help text. */
    static final class Formats extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Formats() {
            super(ReportWriters.formats());
        }
    }

    /** Converts {@code --fail-on} values. */
    static final class FailOnConverter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected critical, high, medium, low, info or never");
            }
        }
    }

    /** Converts {@code --tenancy} values. */
    static final class TenancyConverter implements CommandLine.ITypeConverter<Tenancy> {
        @Override
        public Tenancy convert(String value) {
            try {
                return Tenancy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected dedicated, shared or multi-tenant");
            }
        }
    }
}
