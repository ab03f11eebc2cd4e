package io.github.runnerguard.rules.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.config.Value;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Helpers shared by the git rules: which executors keep build directories on a persistent host, runner references,
 * tenancy severity, key paths, and gitlab-runner's reading of {@code environment} entries and feature flags.
 *
 * <p>Stateless; every method is a pure function.
 */
final class GitSupport {

    /** The version that introduced these rules. */
    static final String SINCE = "0.1.0";

    /**
     * The executors whose build directories persist between jobs on one host: shell and ssh always, custom unless its
     * driver provisions a fresh environment (executors/_index.md, "Reuse previous clone if it exists"). Parallels and
     * VirtualBox are not among them: each job starts from the VM's snapshot, or from a new VM.
     */
    static final Set<String> PERSISTENT_HOST_EXECUTORS = Set.of("shell", "ssh", "custom");

    /** Every executor name gitlab-runner registers. */
    static final Set<String> EXECUTORS = Set.of("shell", "custom", "instance", "docker", "docker-windows",
            "docker-autoscaler", "docker+machine", "kubernetes", "ssh", "parallels", "virtualbox");

    /** The executors that run jobs through gitlab-runner's Docker executor code. */
    static final Set<String> DOCKER_EXECUTORS = Set.of("docker", "docker-windows", "docker-autoscaler",
            "docker+machine");

    private GitSupport() {
    }

    /** The runner's executor name, {@code ""} when it has none. */
    static String executor(Runner runner) {
        return runner.executor().orElse("");
    }

    /** The reference a finding uses for {@code runner}. */
    static RunnerRef ref(Runner runner) {
        return new RunnerRef(runner.index(), runner.name().orElse(""));
    }

    /** The severity of {@code descriptor} for the tenancy of {@code runner}, empty when it does not fire there. */
    static Optional<Severity> severity(RuleDescriptor descriptor, AuditContext context, Runner runner) {
        return descriptor.tenancy().forTenancy(context.tenancyOf(runner.name().value()));
    }

    /** The key path of {@code key} in {@code runner}'s table: {@code runners[2].clean_git_config}. */
    static String path(Runner runner, String key) {
        return "runners[" + runner.index() + "]." + key;
    }

    /** How messages name {@code runner}: {@code runner "build-1"}, or {@code runners[2]} when it has no name. */
    static String label(Runner runner) {
        String name = runner.name().orElse("");
        return name.isEmpty() ? "runners[" + runner.index() + "]" : "runner \"" + name + "\"";
    }

    /** Where a finding about {@code value} points: its key, or the runner's header when it is not in the file. */
    static @Nullable Position at(Value<?> value, Runner runner) {
        return value.position() != null ? value.position() : runner.position();
    }

    /** The last {@code environment} entry named {@code name}: the one gitlab-runner uses. */
    static Optional<EnvEntry> lastEnvironment(Runner runner, String name) {
        return lastEnvironment(environmentArray(runner), name);
    }

    /** The raw {@code environment} array of {@code runner}, or null when the key is absent or not an array. */
    static @Nullable ConfigArray environmentArray(Runner runner) {
        Optional<ConfigNode> node = runner.raw().fieldValue("environment");
        return node.isPresent() && node.get() instanceof ConfigArray array ? array : null;
    }

    /** {@link #lastEnvironment(Runner, String)} in the runner's {@link #environmentArray}, looked up once. */
    static Optional<EnvEntry> lastEnvironment(@Nullable ConfigArray array, String name) {
        if (array == null) {
            return Optional.empty();
        }
        List<ConfigNode> elements = array.elements();
        for (int i = elements.size() - 1; i >= 0; i--) {
            // an entry is named name when its first '=' comes right after name
            if (elements.get(i) instanceof ConfigScalar scalar && scalar.value() instanceof String text
                    && text.startsWith(name) && text.indexOf('=') == name.length()) {
                return Optional.of(new EnvEntry(name, text.substring(name.length() + 1), scalar.path(),
                        scalar.position()));
            }
        }
        return Optional.empty();
    }

    /** The {@code [runners.feature_flags]} entry for {@code name} (exact, case-sensitive key) with a boolean value. */
    static Optional<Flag> featureFlagEntry(Runner runner, String name) {
        return featureFlagEntry(featureFlagTable(runner), name);
    }

    /** The raw {@code [runners.feature_flags]} table of {@code runner}, or null when it has none. */
    static @Nullable ConfigTable featureFlagTable(Runner runner) {
        Optional<ConfigNode> node = runner.raw().fieldValue("feature_flags");
        return node.isPresent() && node.get() instanceof ConfigTable table ? table : null;
    }

    /** {@link #featureFlagEntry(Runner, String)} in the runner's {@link #featureFlagTable}, looked up once. */
    static Optional<Flag> featureFlagEntry(@Nullable ConfigTable table, String name) {
        if (table == null) {
            return Optional.empty();
        }
        return table.entry(name)
                .filter(entry -> entry.value() instanceof ConfigScalar scalar && scalar.value() instanceof Boolean)
                .map(entry -> new Flag(name, (Boolean) ((ConfigScalar) entry.value()).value(), Source.FEATURE_FLAGS,
                        entry.value().path(), entry.position()));
    }

    /**
     * The value gitlab-runner gives the feature flag {@code name} for jobs that do not set it themselves:
     * {@code [runners.feature_flags]} when it names the flag, else the last {@code environment} entry for it when
     * Go's {@code strconv.ParseBool} accepts its value, else {@code defaultValue}.
     */
    static Flag featureFlag(Runner runner, String name, boolean defaultValue) {
        Optional<Flag> inTable = featureFlagEntry(runner, name);
        if (inTable.isPresent()) {
            return inTable.get();
        }
        Optional<EnvEntry> env = lastEnvironment(runner, name);
        if (env.isPresent()) {
            Optional<Boolean> parsed = parseGoBool(env.get().value());
            if (parsed.isPresent()) {
                return new Flag(name, parsed.get(), Source.ENVIRONMENT, env.get().path(), env.get().position());
            }
        }
        return new Flag(name, defaultValue, Source.DEFAULT, path(runner, "feature_flags." + name), runner.position());
    }

    /** Go's {@code strconv.ParseBool}: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False. */
    static Optional<Boolean> parseGoBool(String text) {
        return switch (text) {
            case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(Boolean.TRUE);
            case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /**
     * One {@code environment} entry.
     *
     * @param name     the text before the first {@code =}
     * @param value    the text after it
     * @param path     its key path, {@code runners[0].environment[1]}
     * @param position its position
     */
    record EnvEntry(String name, String value, String path, @Nullable Position position) {
    }

    /** Where a feature flag's effective value comes from. */
    enum Source {
        /** {@code [runners.feature_flags]}: jobs cannot override it. */
        FEATURE_FLAGS,
        /** {@code environment}: a job variable of the same name overrides it. */
        ENVIRONMENT,
        /** Not set: gitlab-runner's default. */
        DEFAULT
    }

    /**
     * Findings for the runners on persistent hosts that do not turn on the hardening feature flag {@code flag}, each
     * saying how the flag is left off and then {@code consequence}.
     */
    static List<Finding> flagNotEnabled(RunnerConfig config, AuditContext context, RuleDescriptor descriptor,
                                        String flag, String consequence) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            String executor = executor(runner);
            if (!PERSISTENT_HOST_EXECUTORS.contains(executor)) {
                continue;
            }
            Flag value = featureFlag(runner, flag, false);
            if (value.value()) {
                continue;
            }
            Optional<Severity> severity = severity(descriptor, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            String how = switch (value.source()) {
                case FEATURE_FLAGS -> "turns " + flag + " off in [runners.feature_flags]";
                case ENVIRONMENT -> "turns " + flag + " off in environment";
                // not "<flag>: ...": after a name holding TOKEN that reads as an assignment, and its value is masked
                case DEFAULT -> "does not turn on " + flag + " (off by default)";
            };
            findings.add(new Finding(descriptor.id(), severity.get(),
                    label(runner) + " (" + executor + ") " + how + ": " + consequence,
                    config.source(), ref(runner), value.path(), value.position(), descriptor.remediation()));
        }
        return findings;
    }

    /**
     * A feature flag's effective value for jobs that do not set it.
     *
     * @param name     the flag
     * @param value    the value
     * @param source   where it comes from
     * @param path     the key path of its setting (or where it would go when it is not set)
     * @param position the position of its setting, or the runner header when it is not set
     */
    record Flag(String name, boolean value, Source source, String path, @Nullable Position position) {
    }
}
