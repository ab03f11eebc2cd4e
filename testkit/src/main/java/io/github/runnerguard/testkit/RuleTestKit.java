package io.github.runnerguard.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import io.github.runnerguard.spi.TenancySeverity;
import io.github.runnerguard.testkit.internal.LoadedConfig;
import io.github.runnerguard.testkit.internal.RuleRunner;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * The entry point for testing a {@link SecurityRule}: pick the rule, give it a config, check, assert.
 *
 * <pre class="code">
 * RuleTestKit.rule(new PrivilegedRule())
 *         .config("""
 *             [[runners]]
 *               name = "builder"
 *               executor = "docker"
 *               [runners.docker]
 *                 privileged = true
 *             """)
 *         .tenancy(Tenancy.SHARED)
 *         .check()
 *         .assertFindings(f -&gt; f.count(1).ruleId("docker.privileged").line(5).severity(Severity.CRITICAL)
 *                 .runner("builder").keyPath("runners[0].docker.privileged"));
 * </pre>
 *
 * <p>{@link #rule(SecurityRule)} uses the given instance; {@link #discovered(String)} finds the rule through
 * {@link ServiceLoader}, the way the audit engine does, so it also proves the rule is registered. The config is loaded
 * with the production {@link io.github.runnerguard.load.ConfigLoader}; a config that does not load fails the test
 * with the loader's diagnostics. The rule runs directly, without the engine: policy files and inline
 * {@code # runnerguard:ignore} comments do not apply.
 *
 * <p>Besides the assertions the test makes, every check verifies the rule's contract: it does not throw, returns no
 * null, reports findings under its own id and the config's source, and never puts the value of a secret-bearing key
 * (token, passwords, cloud keys) into a finding.
 *
 * <p>Thread-safe; each {@link Builder} is not.
 *
 * @since 0.1.0
 */
public final class RuleTestKit {

    /** The source name of configs given as text. */
    public static final String TEXT_SOURCE = "config.toml";

    /** Families of Runnerguard's own rules and the artifact that provides them. */
    private static final Map<String, String> ARTIFACT_BY_FAMILY = Map.ofEntries(
            Map.entry("docker", "runnerguard-rules-docker"),
            Map.entry("kubernetes", "runnerguard-rules-kubernetes"),
            Map.entry("shell", "runnerguard-rules-shell-ssh"),
            Map.entry("ssh", "runnerguard-rules-shell-ssh"),
            Map.entry("vm", "runnerguard-rules-shell-ssh"),
            Map.entry("git", "runnerguard-rules-git"),
            Map.entry("runner", "runnerguard-core"),
            Map.entry("host", "runnerguard-core"),
            Map.entry("cache", "runnerguard-core"),
            Map.entry("config", "runnerguard-core"));

    /** At most this many consecutive provider errors are collected before discovery gives up. */
    private static final int MAX_PROVIDER_ERRORS = 1_000;

    private RuleTestKit() {
    }

    /** Starts a test of {@code rule}, bypassing discovery. */
    public static Builder rule(SecurityRule rule) {
        return new Builder(Objects.requireNonNull(rule, "rule"));
    }

    /**
     * Starts a test of the rule with id {@code ruleId}, found through {@link ServiceLoader} with the thread's context
     * class loader, as the engine finds rules.
     *
     * @throws AssertionFailedError when no registered rule has that id; the message names the artifact to add
     */
    public static Builder discovered(String ruleId) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discovered(ruleId, loader != null ? loader : RuleTestKit.class.getClassLoader());
    }

    /**
     * Starts a test of the rule with id {@code ruleId}, found through {@link ServiceLoader} with {@code loader}.
     *
     * @throws AssertionFailedError when no registered rule has that id; the message names the artifact to add
     */
    public static Builder discovered(String ruleId, ClassLoader loader) {
        Objects.requireNonNull(ruleId, "ruleId");
        String id = ruleId.strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("rule id must not be blank");
        }
        List<String> ids = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        @Nullable String formerIdOf = null;
        Iterator<SecurityRule> providers = ServiceLoader.load(SecurityRule.class, loader).iterator();
        int errors = 0;
        while (errors < MAX_PROVIDER_ERRORS) {
            // hasNext() and next() both throw ServiceConfigurationError for a broken provider; go on to the next one
            try {
                if (!providers.hasNext()) {
                    break;
                }
                SecurityRule rule = providers.next();
                RuleDescriptor descriptor = rule.descriptor();
                if (descriptor.id().equals(id)) {
                    return new Builder(rule);
                }
                if (descriptor.aliases().contains(id)) {
                    formerIdOf = descriptor.id();
                }
                ids.add(descriptor.id());
                errors = 0;
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                problems.add(e.toString());
                errors++;
            }
        }
        StringBuilder message = new StringBuilder();
        message.append("No SecurityRule with id '").append(id).append("' was found through ServiceLoader.\n");
        if (formerIdOf != null) {
            message.append("'").append(id).append("' is a former id (alias) of '").append(formerIdOf)
                    .append("': test it under its current id.\n");
        }
        ids.sort(null);
        message.append(ids.isEmpty() ? "No rule was found at all.\n" : "Rules found: " + ids + "\n");
        for (String problem : problems) {
            message.append("Could not load a provider: ").append(problem).append('\n');
        }
        message.append(missingArtifactHint(id));
        throw new AssertionFailedError(message.toString().stripTrailing());
    }

    private static String missingArtifactHint(String id) {
        int dot = id.indexOf('.');
        String family = dot > 0 ? id.substring(0, dot) : id;
        String artifact = ARTIFACT_BY_FAMILY.get(family);
        String registration = "The rule's class must also be registered: listed in "
                + "META-INF/services/io.github.runnerguard.spi.SecurityRule (class path) and in module-info.java as "
                + "'provides io.github.runnerguard.spi.SecurityRule with ...' (module path).";
        if (artifact != null) {
            return "Rules of the family '" + family + "' come from io.github.runnerguard:" + artifact
                    + ": add it to the test class path (test scope).\n" + registration;
        }
        return "Add the artifact that provides the '" + family + "' rules to the test class path (for a Runnerguard "
                + "rules module: io.github.runnerguard:runnerguard-rules-" + family + "; for your own rules, the "
                + "module that contains the rule).\n" + registration;
    }

    /**
     * Asserts that {@code rule}'s descriptor is complete and consistent: the id has the form
     * {@code family.kebab-name}; title, description, remediation, tenancy note and since are not blank; the help URI
     * is an absolute {@code https} URI; there is at least one reference and none is blank; at least one tenancy has
     * a severity; the default severity is the shared severity, or the worst one when the rule does not fire on shared
     * runners; aliases are well-formed ids other than the id; tags are not blank; and {@code descriptor()} returns
     * an equal value on every call.
     *
     * @throws AssertionFailedError listing every problem found
     */
    public static void assertDescriptorValid(SecurityRule rule) {
        Objects.requireNonNull(rule, "rule");
        String ruleClass = rule.getClass().getName();
        RuleDescriptor descriptor;
        try {
            descriptor = rule.descriptor();
        } catch (RuntimeException e) {
            throw new AssertionFailedError(ruleClass + ".descriptor() threw " + e, e);
        }
        if (descriptor == null) {
            throw new AssertionFailedError(ruleClass + ".descriptor() returned null");
        }
        List<String> problems = new ArrayList<>();
        if (!RuleDescriptor.ID_PATTERN.matcher(descriptor.id()).matches()) {
            problems.add("id '" + descriptor.id() + "' is not of the form family.kebab-name");
        }
        requireText(problems, "title", descriptor.title());
        requireText(problems, "description", descriptor.description());
        requireText(problems, "remediation", descriptor.remediation());
        requireText(problems, "tenancyNote", descriptor.tenancyNote());
        requireText(problems, "since", descriptor.since());
        checkHelpUri(problems, descriptor.helpUri());
        if (descriptor.references().isEmpty()) {
            problems.add("references is empty: name at least the documentation section the rule implements");
        }
        for (int i = 0; i < descriptor.references().size(); i++) {
            if (descriptor.references().get(i).isBlank()) {
                problems.add("references[" + i + "] is blank");
            }
        }
        checkTenancy(problems, descriptor.defaultSeverity(), descriptor.tenancy());
        for (String alias : descriptor.aliases()) {
            if (!RuleDescriptor.ID_PATTERN.matcher(alias).matches()) {
                problems.add("alias '" + alias + "' is not of the form family.kebab-name");
            } else if (alias.equals(descriptor.id())) {
                problems.add("alias '" + alias + "' is the id itself");
            }
        }
        for (int i = 0; i < descriptor.tags().size(); i++) {
            if (descriptor.tags().get(i).isBlank()) {
                problems.add("tags[" + i + "] is blank");
            }
        }
        RuleDescriptor again = rule.descriptor();
        if (!descriptor.equals(again)) {
            problems.add("descriptor() returned different values on two calls: it must be a constant");
        }
        if (!problems.isEmpty()) {
            throw new AssertionFailedError("The descriptor of " + ruleClass + " (" + descriptor.id()
                    + ") is not valid:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static void requireText(List<String> problems, String name, String value) {
        if (value.isBlank()) {
            problems.add(name + " is blank");
        }
    }

    private static void checkHelpUri(List<String> problems, URI uri) {
        if (!uri.isAbsolute()) {
            problems.add("helpUri '" + uri + "' is not absolute");
        } else if (!"https".equalsIgnoreCase(uri.getScheme())) {
            problems.add("helpUri '" + uri + "' is not an https URI");
        } else if (uri.getHost() == null || uri.getHost().isBlank()) {
            problems.add("helpUri '" + uri + "' has no host");
        }
    }

    private static void checkTenancy(List<String> problems, Severity defaultSeverity, TenancySeverity tenancy) {
        Optional<Severity> worst = java.util.stream.Stream.of(tenancy.dedicated(), tenancy.shared(),
                tenancy.multiTenant()).filter(Objects::nonNull).min(Enum::compareTo);
        if (worst.isEmpty()) {
            problems.add("tenancy has no severity for any tenancy: the rule could never report anything");
            return;
        }
        Severity expected = tenancy.shared() != null ? tenancy.shared() : worst.get();
        if (defaultSeverity != expected) {
            problems.add("defaultSeverity is " + defaultSeverity.id() + " but must be " + expected.id() + " ("
                    + (tenancy.shared() != null ? "the shared severity" : "the worst severity, as shared has none")
                    + "; tenancy is " + tenancy + ")");
        }
    }

    /**
     * The test of one rule being set up: the config, the tenancy or the whole audit context, then {@link #check()}.
     *
     * <p>Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private final SecurityRule rule;
        private @Nullable String toml;
        private @Nullable Path file;
        private AuditContext context = AuditContext.defaults();
        private @Nullable Tenancy tenancy;

        private Builder(SecurityRule rule) {
            this.rule = rule;
        }

        /** The rule under test. */
        public SecurityRule rule() {
            return rule;
        }

        /** The config to check, as TOML text; its source name is {@value RuleTestKit#TEXT_SOURCE}. */
        public Builder config(String toml) {
            this.toml = Objects.requireNonNull(toml, "toml");
            this.file = null;
            return this;
        }

        /** The config to check, as a file; its source name is the path as given. */
        public Builder config(Path file) {
            this.file = Objects.requireNonNull(file, "file");
            this.toml = null;
            return this;
        }

        /** The tenancy of every runner (it replaces the context's default tenancy); shared unless set. */
        public Builder tenancy(Tenancy tenancy) {
            this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
            return this;
        }

        /** The whole audit context; {@link AuditContext#defaults()} unless set. */
        public Builder context(AuditContext context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Loads the config and runs the rule on it.
         *
         * @throws IllegalStateException when no config was given
         * @throws AssertionFailedError  when the config does not load, or the rule breaks its contract (throws,
         *                               returns null, reports under another id, leaks a secret)
         */
        public CheckResult check() {
            LoadedConfig loaded;
            if (toml != null) {
                loaded = LoadedConfig.load(toml, TEXT_SOURCE);
            } else if (file != null) {
                loaded = LoadedConfig.load(file);
            } else {
                throw new IllegalStateException("no config: call config(String) or config(Path) before check()");
            }
            AuditContext effective = tenancy == null ? context : context.withDefaultTenancy(tenancy);
            return new CheckResult(loaded.source(), loaded.lines(), loaded.config(),
                    RuleRunner.run(List.of(rule), loaded, effective));
        }
    }
}
