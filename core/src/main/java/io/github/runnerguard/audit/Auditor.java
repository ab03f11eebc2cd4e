package io.github.runnerguard.audit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.FileFacts;
import io.github.runnerguard.spi.FleetRule;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.jspecify.annotations.Nullable;

/**
 * Runs a set of rules over config files under a policy, and reports what they find.
 *
 * <p>For each file it loads the config, gathers the facts rules may not look up themselves (POSIX permissions,
 * owner), runs every enabled rule in isolation (a rule that throws, raises an {@link Error} or runs past its time
 * budget yields an {@code engine.rule-failed} finding and the audit goes on), applies the policy's severity
 * overrides, masks secrets, marks findings suppressed by inline comments or waivers, and sorts the findings by
 * line, column and rule id.
 *
 * <pre class="code">
 * Auditor auditor = Auditor.builder()
 *         .policy(Policy.load(Path.of("runnerguard.toml")))
 *         .tenancy(Tenancy.MULTI_TENANT)
 *         .build();
 * AuditReport report = auditor.audit(Path.of("/etc/gitlab-runner/config.toml"));
 * </pre>
 *
 * <p>Immutable and thread-safe: one auditor may serve many threads.
 */
public final class Auditor {

    /** The time one rule may take on one file before it is abandoned: 10 seconds. */
    public static final Duration DEFAULT_RULE_TIME_BUDGET = Duration.ofSeconds(10);

    private final RuleRegistry registry;
    private final Policy policy;
    private final List<SecurityRule> enabledRules;
    private final List<String> enabledIds;
    private final Map<String, RuleDescriptor> descriptors;
    private final Tenancy defaultTenancy;
    private final Map<String, Tenancy> runnerTenancy;
    private final @Nullable String kubernetesPss;
    private final FailOn failOn;
    private final Clock clock;
    private final ConfigLoader loader;
    private final Duration ruleTimeBudget;
    /** The context of files nothing is known about (text, loaded configs), made once. */
    private final AuditContext unknownFileContext;

    private Auditor(Builder builder) {
        this.registry = builder.registry != null ? builder.registry : RuleRegistry.discover();
        this.policy = builder.policy.resolve(registry);
        List<SecurityRule> enabled = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Map<String, RuleDescriptor> byId = new LinkedHashMap<>();
        for (int i = 0; i < registry.rules().size(); i++) {
            RuleDescriptor descriptor = registry.descriptors().get(i);
            byId.put(descriptor.id(), descriptor);
            if (policy.isEnabled(descriptor.id())) {
                enabled.add(registry.rules().get(i));
                ids.add(descriptor.id());
            }
        }
        for (RuleDescriptor builtin : RuleRegistry.builtinDescriptors()) {
            byId.put(builtin.id(), builtin);
        }
        this.enabledRules = List.copyOf(enabled);
        this.enabledIds = List.copyOf(ids);
        this.descriptors = Map.copyOf(byId);
        this.defaultTenancy = builder.tenancy != null ? builder.tenancy : policy.defaultTenancy();
        Map<String, Tenancy> tenancies = new LinkedHashMap<>(policy.runnerTenancy());
        tenancies.putAll(builder.runnerTenancy);
        this.runnerTenancy = Map.copyOf(tenancies);
        this.kubernetesPss = builder.kubernetesPss != null ? builder.kubernetesPss
                : policy.kubernetesPss().orElse(null);
        this.failOn = builder.failOn != null ? builder.failOn : policy.failOn().orElse(FailOn.HIGH);
        this.clock = builder.clock;
        this.loader = builder.loader;
        this.ruleTimeBudget = builder.ruleTimeBudget;
        // fails early on a bad level rather than on the first file
        this.unknownFileContext = new AuditContext(defaultTenancy, runnerTenancy, clock, FileFacts.UNKNOWN,
                kubernetesPss);
    }

    /** An auditor with every discovered rule and the default policy. */
    public static Auditor create() {
        return builder().build();
    }

    /** A builder; by default it discovers the rules and uses {@link Policy#defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rules this auditor knows (enabled or not). */
    public RuleRegistry registry() {
        return registry;
    }

    /** The policy in force, with rule ids resolved. */
    public Policy policy() {
        return policy;
    }

    /** When an audit fails: the builder's setting, else the policy's, else {@link FailOn#HIGH}. */
    public FailOn failOn() {
        return failOn;
    }

    /** The tenancy of runners without their own: the builder's setting, else the policy's, else shared. */
    public Tenancy defaultTenancy() {
        return defaultTenancy;
    }

    /**
     * Audits one file. Never throws for bad input: an unreadable or unparsable file gives a report whose file is not
     * audited and carries the errors.
     */
    public AuditReport audit(Path file) {
        return withPolicyFindings(List.of(auditFile(file)));
    }

    /** Audits several files into one report; files that cannot be read or parsed are reported, not thrown. */
    public AuditReport audit(Collection<Path> files) {
        List<FileReport> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(auditFile(file));
        }
        List<RunnerConfig> fleet = new ArrayList<>();
        reports.forEach(report -> report.loadedConfig().ifPresent(fleet::add));
        return withPolicyFindings(withFleetFindings(reports, fleet));
    }

    /**
     * Adds the findings of cross-file checks to file reports: rules that look at every config of one audit at once
     * (the same runner token in two files, for example) run over {@code fleet}, and each finding they report for one
     * of {@code reports} is judged under this auditor's policy (severity overrides, the file's inline comments,
     * waivers), masked, and filed under its file. {@link #audit(Collection)} does this itself; callers that audit
     * files under several policies call it once per policy with the files of that policy and the whole fleet.
     *
     * @param reports the reports of this auditor's files, as {@link #auditFile(Path)} returned them
     * @param fleet   every config of the audit that loaded, in audit order (those of other policies too)
     * @return the reports with the cross-file findings added and sorted in; the same list when there are none
     */
    public List<FileReport> withFleetFindings(List<FileReport> reports, List<RunnerConfig> fleet) {
        if (fleet.size() < 2 || reports.isEmpty()) {
            return reports;
        }
        Map<String, List<Finding>> bySource = new LinkedHashMap<>();
        AuditContext context = context(FileFacts.UNKNOWN);
        for (int i = 0; i < enabledRules.size(); i++) {
            SecurityRule rule = enabledRules.get(i);
            String ruleId = enabledIds.get(i);
            Optional<RuleExecutor.Check> check = fleetCheck(rule, fleet, context);
            if (check.isEmpty()) {
                continue;
            }
            RuleExecutor.Outcome outcome = RuleExecutor.runAll(List.of(rule), check.get(),
                    ruleTimeBudget).get(0);
            if (outcome instanceof RuleExecutor.Completed completed) {
                for (Finding finding : completed.findings()) {
                    if (finding != null && finding.ruleId().equals(ruleId)) {
                        bySource.computeIfAbsent(finding.file(), k -> new ArrayList<>()).add(finding);
                    }
                }
            } else {
                String why = outcome instanceof RuleExecutor.Failed failed ? describeFailure(ruleId, failed.error())
                        : "Rule " + ruleId + " did not finish its cross-file check within " + format(ruleTimeBudget)
                                + " and was abandoned";
                for (FileReport report : reports) {
                    if (report.config() != null) {
                        bySource.computeIfAbsent(report.source(), k -> new ArrayList<>())
                                .add(ruleFailed(report.config(), ruleId, "Cross-file check: " + why));
                    }
                }
            }
        }
        if (bySource.isEmpty()) {
            return reports;
        }
        LocalDate today = LocalDate.now(clock);
        List<FileReport> result = new ArrayList<>(reports.size());
        for (FileReport report : reports) {
            List<Finding> added = bySource.get(report.source());
            RunnerConfig config = report.config();
            if (added == null || config == null) {
                result.add(report);
                continue;
            }
            List<AuditFinding> findings = new ArrayList<>(report.findings());
            findings.addAll(judge(added, config, InlineSuppressions.read(config, registry, today), today));
            findings.sort(FINDING_ORDER);
            result.add(new FileReport(report.source(), report.audited(), report.errors(), findings, config));
        }
        return List.copyOf(result);
    }

    /** The cross-file check of a rule: {@link FleetRule#checkFleet} over {@code fleet}, or empty for other rules. */
    private static Optional<RuleExecutor.Check> fleetCheck(SecurityRule rule, List<RunnerConfig> fleet,
                                                          AuditContext context) {
        if (rule instanceof FleetRule fleetRule) {
            return Optional.of(ignored -> fleetRule.checkFleet(fleet, context));
        }
        return Optional.empty();
    }

    /**
     * Audits config text.
     *
     * @param text       the content of a config.toml
     * @param sourceName the name to report it under, e.g. {@code <stdin>}
     */
    public AuditReport audit(String text, String sourceName) {
        LoadResult result = loader.load(text, sourceName);
        return withPolicyFindings(List.of(auditLoaded(result, FileFacts.UNKNOWN)));
    }

    /**
     * Audits config bytes (UTF-8 is required; anything else is reported as an error).
     *
     * @param bytes      the content of a config.toml
     * @param sourceName the name to report it under, e.g. {@code <stdin>}
     */
    public AuditReport audit(byte[] bytes, String sourceName) {
        LoadResult result = loader.load(bytes, sourceName);
        return withPolicyFindings(List.of(auditLoaded(result, FileFacts.UNKNOWN)));
    }

    /** Audits a config that is already loaded. Nothing is known about its file. */
    public AuditReport audit(RunnerConfig config) {
        return withPolicyFindings(List.of(auditConfig(config, FileFacts.UNKNOWN)));
    }

    /**
     * Audits one file and returns its report alone, without the policy file's own findings (expired waivers); for
     * callers that assemble a report from many files themselves.
     */
    public FileReport auditFile(Path file) {
        FileFacts facts = factsOf(file);
        LoadResult result = loader.load(file);
        return auditLoaded(result, facts);
    }

    /**
     * The findings about the policy itself, as a file report of the policy file: one {@code policy.waiver-expired}
     * finding per expired waiver. Empty when there are none.
     */
    public Optional<FileReport> policyReport() {
        LocalDate today = LocalDate.now(clock);
        String source = policy.source().orElse("<policy>");
        List<AuditFinding> findings = new ArrayList<>();
        for (Waiver waiver : policy.waivers()) {
            if (!waiver.expiredOn(today)) {
                continue;
            }
            if (!policy.isEnabled(BuiltinRules.WAIVER_EXPIRED)) {
                continue;
            }
            String scope = waiver.runner() == null ? "every runner" : "runner \"" + waiver.runner() + "\"";
            Finding finding = new Finding(BuiltinRules.WAIVER_EXPIRED, Severity.LOW,
                    "Waiver for " + waiver.rule() + " on " + scope + " expired on " + waiver.expires()
                            + " and no longer suppresses anything (reason given: " + waiver.reason() + ")",
                    source, null, "waivers." + waiver.rule() + (waiver.runner() == null ? "" : "." + waiver.runner()),
                    waiver.position(), descriptors.get(BuiltinRules.WAIVER_EXPIRED).remediation());
            findings.add(present(finding, new Masker(Redactor.patterns())));
        }
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        findings.sort(FINDING_ORDER);
        return Optional.of(new FileReport(source, true, List.of(), findings, null));
    }

    private AuditReport withPolicyFindings(List<FileReport> reports) {
        Optional<FileReport> policyReport = policyReport();
        if (policyReport.isEmpty()) {
            return new AuditReport(reports);
        }
        List<FileReport> all = new ArrayList<>(reports);
        all.add(policyReport.get());
        return new AuditReport(all);
    }

    private FileReport auditLoaded(LoadResult result, FileFacts facts) {
        RunnerConfig config = result.config();
        if (config == null) {
            Redactor redactor = Redactor.patterns();
            List<Diagnostic> errors = new ArrayList<>();
            for (Diagnostic error : result.errors().isEmpty() ? result.diagnostics() : result.errors()) {
                errors.add(redact(error, redactor));
            }
            if (errors.isEmpty()) {
                errors.add(Diagnostic.of(Diagnostic.Kind.IO, "the file could not be loaded", "", null));
            }
            return new FileReport(result.source(), false, errors, List.of(), null);
        }
        return auditConfig(config, facts);
    }

    private FileReport auditConfig(RunnerConfig config, FileFacts facts) {
        AuditContext context = context(facts);
        LocalDate today = LocalDate.now(clock);
        List<Finding> raw = new ArrayList<>();
        List<RuleExecutor.Outcome> outcomes = RuleExecutor.runAll(enabledRules, config, context, ruleTimeBudget);
        for (int i = 0; i < outcomes.size(); i++) {
            String ruleId = enabledIds.get(i);
            RuleExecutor.Outcome outcome = outcomes.get(i);
            if (outcome instanceof RuleExecutor.Completed completed) {
                List<String> strays = new ArrayList<>();
                for (Finding finding : completed.findings()) {
                    if (finding == null) {
                        strays.add("null");
                    } else if (!finding.ruleId().equals(ruleId)) {
                        strays.add(finding.ruleId());
                    } else {
                        raw.add(finding.file().equals(config.source()) ? finding : new Finding(finding.ruleId(),
                                finding.severity(), finding.message(), config.source(), finding.runner(),
                                finding.keyPath(), finding.position(), finding.remediation()));
                    }
                }
                if (!strays.isEmpty()) {
                    raw.add(ruleFailed(config, ruleId, "Rule " + ruleId + " returned findings under other ids ("
                            + String.join(", ", strays) + "); they were dropped"));
                }
            } else if (outcome instanceof RuleExecutor.Failed failed) {
                raw.add(ruleFailed(config, ruleId, describeFailure(ruleId, failed.error())));
            } else if (outcome instanceof RuleExecutor.TimedOut timedOut) {
                raw.add(ruleFailed(config, ruleId, "Rule " + ruleId + " did not finish within "
                        + format(timedOut.budget()) + " and was abandoned; its checks are missing for this file"));
            }
        }
        InlineSuppressions inline = InlineSuppressions.read(config, registry, today);
        for (InlineSuppressions.Problem problem : inline.problems()) {
            if (policy.isEnabled(problem.ruleId())) {
                raw.add(InlineSuppressions.toFinding(problem, config));
            }
        }
        List<AuditFinding> findings = judge(raw, config, inline, today);
        findings.sort(FINDING_ORDER);
        return new FileReport(config.source(), true, List.of(), findings, config);
    }

    /** Applies the policy to raw findings of one config: severity overrides, masking, suppressions. */
    private List<AuditFinding> judge(List<Finding> raw, RunnerConfig config, InlineSuppressions inline,
                                     LocalDate today) {
        Masker masker = new Masker(Redactor.forConfig(config));
        List<AuditFinding> findings = new ArrayList<>(raw.size());
        for (Finding finding : raw) {
            Finding adjusted = policy.severityFor(finding.ruleId()).map(finding::withSeverity).orElse(finding);
            AuditFinding presented = present(adjusted, masker);
            Suppression suppression = suppressionFor(adjusted, inline, config.source(), today, masker);
            findings.add(suppression == null ? presented : presented.suppressedBy(suppression));
        }
        return findings;
    }

    /**
     * A redactor that remembers the text it masked last, once per kind of text: the findings of one rule come
     * together and share their remediation (often their message), so each such text is masked once. Not
     * thread-safe; used within one file's judgement.
     */
    private static final class Masker {
        private final Redactor redactor;
        private final String[] lastText = new String[3];
        private final String[] lastMasked = new String[3];

        Masker(Redactor redactor) {
            this.redactor = redactor;
        }

        /** The masked message. */
        String message(String text) {
            return redact(0, text);
        }

        /** The masked remediation. */
        String remediation(String text) {
            return redact(1, text);
        }

        /** The masked reason of a suppression. */
        String reason(String text) {
            return redact(2, text);
        }

        private String redact(int kind, String text) {
            if (text.equals(lastText[kind])) {
                return lastMasked[kind];
            }
            String masked = redactor.redact(text);
            lastText[kind] = text;
            lastMasked[kind] = masked;
            return masked;
        }
    }

    private @Nullable Suppression suppressionFor(Finding finding, InlineSuppressions inline, String source,
                                                 LocalDate today, Masker masker) {
        Position position = finding.position();
        if (position != null) {
            InlineSuppressions.Entry entry = inline.find(finding.ruleId(), position.line());
            if (entry != null) {
                return new Suppression(Suppression.Kind.INLINE, masker.reason(entry.reason()), entry.until(), source,
                        entry.position());
            }
        }
        for (Waiver waiver : policy.waivers()) {
            if (!waiver.expiredOn(today) && waiver.covers(finding)) {
                return new Suppression(Suppression.Kind.WAIVER, masker.reason(waiver.reason()), waiver.expires(),
                        policy.source().orElse(null), waiver.position());
            }
        }
        return null;
    }

    private AuditFinding present(Finding finding, Masker masker) {
        String message = masker.message(finding.message());
        String remediation = masker.remediation(finding.remediation());
        // the redactor returns the very text it was given when there is nothing to mask
        Finding clean = message == finding.message() && remediation == finding.remediation() ? finding
                : new Finding(finding.ruleId(), finding.severity(), message, finding.file(), finding.runner(),
                        finding.keyPath(), finding.position(), remediation);
        RuleDescriptor descriptor = descriptors.get(finding.ruleId());
        String title = descriptor == null ? finding.ruleId() : descriptor.title();
        URI help = descriptor == null ? null : descriptor.helpUri();
        return new AuditFinding(clean, title, help, null);
    }

    private Finding ruleFailed(RunnerConfig config, String ruleId, String message) {
        RuleDescriptor descriptor = descriptors.get(BuiltinRules.RULE_FAILED);
        return new Finding(BuiltinRules.RULE_FAILED, descriptor.defaultSeverity(), message, config.source(), null,
                ruleId, null, descriptor.remediation());
    }

    private static String describeFailure(String ruleId, Throwable error) {
        StringBuilder message = new StringBuilder("Rule ").append(ruleId).append(" failed with ")
                .append(error.getClass().getName());
        if (error.getMessage() != null) {
            message.append(": ").append(firstLine(error.getMessage()));
        }
        StackTraceElement[] trace = error.getStackTrace();
        if (trace.length > 0) {
            message.append(" (at ").append(trace[0]).append(')');
        }
        if (error instanceof LinkageError) {
            message.append("; the rule's jar may be built for another Runnerguard version (align them with "
                    + "runnerguard-bom)");
        }
        message.append("; its checks are missing for this file");
        return message.toString();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline >= 0 ? text.substring(0, newline) : text;
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String format(Duration duration) {
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMillis() + " ms";
    }

    private AuditContext context(FileFacts facts) {
        if (facts == FileFacts.UNKNOWN) {
            return unknownFileContext;
        }
        return new AuditContext(defaultTenancy, runnerTenancy, clock, facts, kubernetesPss);
    }

    private static Diagnostic redact(Diagnostic diagnostic, Redactor redactor) {
        return new Diagnostic(diagnostic.kind(), redactor.redact(diagnostic.message()), diagnostic.path(),
                diagnostic.position(), diagnostic.otherPosition(), diagnostic.suggestion(),
                diagnostic.lineText() == null ? null : redactor.redact(diagnostic.lineText()));
    }

    /** Gathers POSIX permissions and owner; what cannot be read stays unknown. */
    static FileFacts factsOf(Path file) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
            return new FileFacts(file, attributes.permissions(), attributes.owner().getName());
        } catch (UnsupportedOperationException | IOException | SecurityException e) {
            try {
                String owner = Files.getOwner(file, new LinkOption[0]).getName();
                return new FileFacts(file, null, owner);
            } catch (UnsupportedOperationException | IOException | SecurityException e2) {
                return new FileFacts(file, null, null);
            }
        }
    }

    /** By file, line, column, rule id, runner index (global first), key path, message and severity. */
    static final Comparator<AuditFinding> FINDING_ORDER = Auditor::compareFindings;

    private static int compareFindings(AuditFinding first, AuditFinding second) {
        Finding a = first.finding();
        Finding b = second.finding();
        int order = a.file() == b.file() ? 0 : a.file().compareTo(b.file());
        if (order != 0) {
            return order;
        }
        Position p = a.position();
        Position q = b.position();
        order = Integer.compare(p == null ? 0 : p.line(), q == null ? 0 : q.line());
        if (order != 0) {
            return order;
        }
        order = Integer.compare(p == null ? 0 : p.column(), q == null ? 0 : q.column());
        if (order != 0) {
            return order;
        }
        order = a.ruleId().compareTo(b.ruleId());
        if (order != 0) {
            return order;
        }
        order = Integer.compare(a.runner() == null ? -1 : a.runner().index(), b.runner() == null ? -1
                : b.runner().index());
        if (order != 0) {
            return order;
        }
        order = a.keyPath().compareTo(b.keyPath());
        if (order != 0) {
            return order;
        }
        order = a.message().compareTo(b.message());
        return order != 0 ? order : a.severity().compareTo(b.severity());
    }

    /** Builds an {@link Auditor}. Not thread-safe; the auditors it builds are. */
    public static final class Builder {
        private @Nullable RuleRegistry registry;
        private Policy policy = Policy.defaults();
        private @Nullable Tenancy tenancy;
        private final Map<String, Tenancy> runnerTenancy = new LinkedHashMap<>();
        private @Nullable String kubernetesPss;
        private @Nullable FailOn failOn;
        private Clock clock = Clock.systemUTC();
        private ConfigLoader loader = ConfigLoader.defaults();
        private Duration ruleTimeBudget = DEFAULT_RULE_TIME_BUDGET;

        private Builder() {
        }

        /** The rules to run (default: {@link RuleRegistry#discover()}). */
        public Builder rules(RuleRegistry value) {
            this.registry = Objects.requireNonNull(value, "rules");
            return this;
        }

        /** Exactly these rules, without discovery. */
        public Builder rules(SecurityRule... rules) {
            return rules(RuleRegistry.of(rules));
        }

        /** The policy (default: {@link Policy#defaults()}). */
        public Builder policy(Policy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /** The default tenancy, overriding the policy's. */
        public Builder tenancy(@Nullable Tenancy value) {
            this.tenancy = value;
            return this;
        }

        /** The tenancy of one runner, overriding the policy's. */
        public Builder runnerTenancy(String runnerName, Tenancy value) {
            runnerTenancy.put(Objects.requireNonNull(runnerName), Objects.requireNonNull(value));
            return this;
        }

        /** The Pod Security Standards level enforced for Kubernetes job pods, overriding the policy's. */
        public Builder kubernetesPss(@Nullable String level) {
            this.kubernetesPss = level;
            return this;
        }

        /** When an audit fails, overriding the policy's. */
        public Builder failOn(@Nullable FailOn value) {
            this.failOn = value;
            return this;
        }

        /** The clock for waiver and suppression expiry (default: the system clock, UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The loader (default: {@link ConfigLoader#defaults()}). */
        public Builder loader(ConfigLoader value) {
            this.loader = Objects.requireNonNull(value, "loader");
            return this;
        }

        /**
         * How long one rule may run on one file before it is abandoned and reported as failed (default
         * {@link #DEFAULT_RULE_TIME_BUDGET}); {@link Duration#ZERO} runs rules on the calling thread with no limit.
         */
        public Builder ruleTimeBudget(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("the rule time budget must not be negative");
            }
            this.ruleTimeBudget = value;
            return this;
        }

        /**
         * The auditor.
         *
         * @throws PolicyException when the policy names a rule no rule answers to
         * @throws RuleConflictException when discovery finds two classes with one rule id
         * @throws IllegalArgumentException when the Pod Security Standards level is not one of the three
         */
        public Auditor build() {
            return new Auditor(this);
        }
    }
}
