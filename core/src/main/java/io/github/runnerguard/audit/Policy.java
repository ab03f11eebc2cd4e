package io.github.runnerguard.audit;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.internal.policy.PolicyParser;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.jspecify.annotations.Nullable;

/**
 * What an organisation decides about its runners: how each is shared, which rules run, how severe their findings
 * are, when an audit fails, and which risks are accepted (waivers).
 *
 * <p>Usually read from a {@code runnerguard.toml} file next to the audited config or given with
 * {@code --policy}:
 * <pre class="code">
 * tenancy = "shared"                # default for runners not listed below
 * fail-on = "high"                  # critical, high, medium, low, info or never
 * kubernetes-pss = "restricted"     # the Pod Security Standards level the job namespace enforces
 *
 * [runner-tenancy]
 * "release-builder" = "dedicated"
 * "public-ci" = "multi-tenant"
 *
 * [rules."ssh.executor"]
 * enabled = false
 * [rules."docker.pull-policy-if-not-present"]
 * severity = "high"
 *
 * [[waivers]]
 * rule = "docker.privileged"
 * runner = "dind-builder"           # optional: every runner when absent
 * reason = "image builds need DinD; the runner is dedicated to the platform team"
 * expires = 2027-06-30              # optional
 * </pre>
 * Unknown keys and bad values are errors. Immutable and thread-safe.
 */
public final class Policy {

    /** The name of the policy file looked for next to an audited config: {@code runnerguard.toml}. */
    public static final String FILE_NAME = "runnerguard.toml";

    private static final Policy DEFAULTS = new Builder().build();

    private final @Nullable String source;
    private final @Nullable Tenancy tenancy;
    private final Map<String, Tenancy> runnerTenancy;
    private final @Nullable FailOn failOn;
    private final @Nullable String kubernetesPss;
    private final Map<String, RuleSetting> rules;
    private final List<Waiver> waivers;

    private Policy(Builder builder) {
        this.source = builder.source;
        this.tenancy = builder.tenancy;
        this.runnerTenancy = Map.copyOf(builder.runnerTenancy);
        this.failOn = builder.failOn;
        this.kubernetesPss = builder.kubernetesPss;
        this.rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.rules));
        this.waivers = List.copyOf(builder.waivers);
    }

    /** The empty policy: shared tenancy, every rule at its own severity, no waivers. */
    public static Policy defaults() {
        return DEFAULTS;
    }

    /** A builder for a policy made in code. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a policy file.
     *
     * @throws PolicyException when the file cannot be read or is not a valid policy
     */
    public static Policy load(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PolicyException(name, List.of(new PolicyProblem("cannot read the policy file: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), null)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException(name, List.of(new PolicyProblem("the policy file is not valid UTF-8", null)));
        }
        return parse(text, name);
    }

    /**
     * Parses policy text.
     *
     * @param text   the TOML text
     * @param source the name used in error messages and reports
     * @throws PolicyException when it is not a valid policy
     */
    public static Policy parse(String text, String source) {
        return PolicyParser.parse(text, source);
    }

    /**
     * The policy file that applies to a config file when none is given: {@code runnerguard.toml} in the same
     * directory, if it exists.
     */
    public static Optional<Path> fileNextTo(Path configFile) {
        Path dir = configFile.toAbsolutePath().getParent();
        if (dir == null) {
            return Optional.empty();
        }
        Path candidate = dir.resolve(FILE_NAME);
        return Files.isRegularFile(candidate) && !candidate.equals(configFile.toAbsolutePath().normalize())
                ? Optional.of(candidate) : Optional.empty();
    }

    /** The file this policy was read from, if any. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The default tenancy, if the policy states one. */
    public Optional<Tenancy> tenancy() {
        return Optional.ofNullable(tenancy);
    }

    /** The tenancy of runners the policy does not list: its {@code tenancy}, else {@link Tenancy#SHARED}. */
    public Tenancy defaultTenancy() {
        return tenancy != null ? tenancy : Tenancy.SHARED;
    }

    /** Tenancy per runner name. */
    public Map<String, Tenancy> runnerTenancy() {
        return runnerTenancy;
    }

    /** When an audit fails, if the policy says. */
    public Optional<FailOn> failOn() {
        return Optional.ofNullable(failOn);
    }

    /** The Pod Security Standards level the Kubernetes job namespace enforces, if stated. */
    public Optional<String> kubernetesPss() {
        return Optional.ofNullable(kubernetesPss);
    }

    /** The settings per rule id (as written), in file order. */
    public Map<String, RuleSetting> rules() {
        return rules;
    }

    /** The waivers, in file order. */
    public List<Waiver> waivers() {
        return waivers;
    }

    /** False when the policy disables the rule with this (resolved) id. */
    public boolean isEnabled(String ruleId) {
        RuleSetting setting = rules.get(ruleId);
        return setting == null || setting.enabled() == null || setting.enabled();
    }

    /** The severity the policy imposes on the findings of this (resolved) rule id, if any. */
    public Optional<Severity> severityFor(String ruleId) {
        RuleSetting setting = rules.get(ruleId);
        return setting == null ? Optional.empty() : Optional.ofNullable(setting.severity());
    }

    /**
     * This policy with every rule id replaced by the current id of the rule that answers to it (former ids are
     * honoured).
     *
     * @throws PolicyException naming each id no rule answers to, with the closest known id
     */
    public Policy resolve(RuleRegistry registry) {
        List<PolicyProblem> problems = new ArrayList<>();
        Builder copy = toBuilder();
        copy.rules.clear();
        copy.waivers.clear();
        for (RuleSetting setting : rules.values()) {
            Optional<String> id = registry.canonicalId(setting.rule());
            if (id.isEmpty()) {
                problems.add(unknownRule(registry, setting.rule(), setting.position()));
            } else {
                RuleSetting previous = copy.rules.get(id.get());
                if (previous != null) {
                    problems.add(new PolicyProblem("rules.\"" + setting.rule() + "\" and rules.\"" + previous.rule()
                            + "\" are the same rule " + id.get(), setting.position()));
                } else {
                    copy.rules.put(id.get(), setting.withRule(id.get()));
                }
            }
        }
        for (Waiver waiver : waivers) {
            Optional<String> id = registry.canonicalId(waiver.rule());
            if (id.isEmpty()) {
                problems.add(unknownRule(registry, waiver.rule(), waiver.position()));
            } else {
                copy.waivers.add(waiver.withRule(id.get()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(source != null ? source : "<policy>", problems);
        }
        return copy.build();
    }

    private static PolicyProblem unknownRule(RuleRegistry registry, String id, @Nullable Position position) {
        String hint = registry.closestId(id).map(c -> " (did you mean " + c + "?)").orElse("");
        return new PolicyProblem("no rule has the id " + id + hint
                + "; run 'runnerguard rules' to list them", position);
    }

    /** A builder holding this policy's settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.source = source;
        builder.tenancy = tenancy;
        builder.runnerTenancy.putAll(runnerTenancy);
        builder.failOn = failOn;
        builder.kubernetesPss = kubernetesPss;
        builder.rules.putAll(rules);
        builder.waivers.addAll(waivers);
        return builder;
    }

    @Override
    public String toString() {
        return "Policy[" + (source == null ? "<in code>" : source) + ", " + rules.size() + " rule settings, "
                + waivers.size() + " waivers]";
    }

    /** Builds a {@link Policy}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String source;
        private @Nullable Tenancy tenancy;
        private final Map<String, Tenancy> runnerTenancy = new LinkedHashMap<>();
        private @Nullable FailOn failOn;
        private @Nullable String kubernetesPss;
        private final Map<String, RuleSetting> rules = new LinkedHashMap<>();
        private final List<Waiver> waivers = new ArrayList<>();

        private Builder() {
        }

        /** The name of the file the policy came from. */
        public Builder source(@Nullable String name) {
            this.source = name;
            return this;
        }

        /** The default tenancy. */
        public Builder tenancy(@Nullable Tenancy value) {
            this.tenancy = value;
            return this;
        }

        /** The tenancy of the runner named {@code runnerName}. */
        public Builder runnerTenancy(String runnerName, Tenancy value) {
            runnerTenancy.put(Objects.requireNonNull(runnerName, "runnerName"), Objects.requireNonNull(value));
            return this;
        }

        /** When an audit fails. */
        public Builder failOn(@Nullable FailOn value) {
            this.failOn = value;
            return this;
        }

        /** The Pod Security Standards level ({@code privileged}, {@code baseline}, {@code restricted}). */
        public Builder kubernetesPss(@Nullable String level) {
            this.kubernetesPss = level;
            return this;
        }

        /** A setting for one rule, replacing any earlier one for the same id. */
        public Builder rule(RuleSetting setting) {
            rules.put(setting.rule(), setting);
            return this;
        }

        /** Disables a rule. */
        public Builder disable(String ruleId) {
            return rule(new RuleSetting(ruleId, false, null, null));
        }

        /** Gives every finding of a rule this severity. */
        public Builder severity(String ruleId, Severity severity) {
            RuleSetting old = rules.get(ruleId);
            return rule(new RuleSetting(ruleId, old == null ? null : old.enabled(), severity,
                    old == null ? null : old.position()));
        }

        /** Adds a waiver. */
        public Builder waiver(Waiver waiver) {
            waivers.add(Objects.requireNonNull(waiver, "waiver"));
            return this;
        }

        /** The policy. */
        public Policy build() {
            return new Policy(this);
        }
    }
}
