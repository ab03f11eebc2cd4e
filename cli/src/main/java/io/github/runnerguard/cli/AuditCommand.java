package io.github.runnerguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import io.github.runnerguard.report.ReportWriter;
import io.github.runnerguard.report.ReportWriters;
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
                        + "for standard input) is the policy."},
        footer = {"", "Exit codes: 0 no unsuppressed finding at or above --fail-on, 1 there is one, 2 usage error, "
                + "unreadable file or a file that could not be audited (syntax error, limit)."})
final class AuditCommand implements Callable<Integer> {

    static final String STDIN = "<stdin>";

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = Formats.class)
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    @Nullable Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = FailOnConverter.class,
            description = "Exit with 1 when an unsuppressed finding is at least this severe: critical, high, medium, "
                    + "low, info or never (default: the policy's fail-on, else high).")
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

    @Option(names = "--no-color", description = "Never colour the text report (it is coloured only on a terminal).")
    boolean noColor;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, directories, or - for standard input.")
    List<String> paths = new ArrayList<>();

    AuditCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        boolean color = environment.terminal() && output == null && !noColor;
        Optional<ReportWriter> writer = ReportWriters.forFormat(format, color);
        if (writer.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Unknown format '" + format
                    + "' (expected one of " + String.join(", ", ReportWriters.formats()) + ")");
        }
        if (kubernetesPss != null && !Set.of("privileged", "baseline", "restricted")
                .contains(kubernetesPss.toLowerCase(Locale.ROOT))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for --kubernetes-pss: '"
                    + kubernetesPss + "' (expected privileged, baseline or restricted)");
        }
        boolean inputError = false;
        List<Input> inputs = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        boolean stdinUsed = false;
        for (String path : paths) {
            if (path.equals("-")) {
                if (stdinUsed) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "Standard input (-) can be audited only once");
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

        List<FileReport> files = new ArrayList<>();
        boolean fails = false;
        for (Map.Entry<Optional<Path>, List<Input>> group : byPolicy.entrySet()) {
            Auditor auditor;
            try {
                Policy policyInForce = group.getKey().map(Policy::load).orElse(Policy.defaults());
                auditor = Auditor.builder().rules(registry).policy(policyInForce).tenancy(tenancy).failOn(failOn)
                        .kubernetesPss(kubernetesPss == null ? null : kubernetesPss.toLowerCase(Locale.ROOT))
                        .build();
            } catch (PolicyException e) {
                err.println("runnerguard: invalid policy:");
                err.println(Redactor.patterns().redact(e.getMessage()));
                return Main.ERROR;
            }
            List<FileReport> groupFiles = new ArrayList<>();
            for (Input input : group.getValue()) {
                if (input.path == null) {
                    byte[] bytes = environment.in().readAllBytes();
                    groupFiles.addAll(auditor.audit(bytes, STDIN).files().stream()
                            .filter(f -> f.source().equals(STDIN)).toList());
                } else {
                    groupFiles.add(auditor.auditFile(input.path));
                }
            }
            auditor.policyReport().ifPresent(groupFiles::add);
            for (FileReport file : groupFiles) {
                for (AuditFinding finding : file.findings()) {
                    fails |= !finding.suppressed() && auditor.failOn().failsOn(finding.finding().severity());
                }
            }
            files.addAll(groupFiles);
        }
        AuditReport report = new AuditReport(files);
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                writer.get().write(report, out);
            }
        } else {
            PrintWriter out = spec.commandLine().getOut();
            writer.get().write(report, out);
            out.flush();
        }
        if (inputError || !report.allAudited()) {
            return Main.ERROR;
        }
        return fails ? Main.FINDINGS : Main.OK;
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
