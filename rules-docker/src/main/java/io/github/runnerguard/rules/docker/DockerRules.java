package io.github.runnerguard.rules.docker;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
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
 * What every rule of this module shares: which runners the Docker family covers, the tenancy severity, key paths,
 * list elements with their own positions, and the construction of a {@link Finding}.
 *
 * <p>Thread-safe; what it remembers of the last few configs (which runners the module covers) is kept by identity
 * and changes no answer.
 */
final class DockerRules {

    /** The executors that run jobs in Docker containers and read {@code [runners.docker]}. */
    static final Set<String> EXECUTORS = Set.of("docker", "docker-windows", "docker+machine", "docker-autoscaler");

    /**
     * Which runners of the configs seen last are covered ({@link #applies(Runner)}), by identity: every rule of this
     * module asks it of each runner of a config, and the executor names are read once per config, not once per rule.
     */
    private static final AtomicReferenceArray<Covered> COVERED = new AtomicReferenceArray<>(8);

    /** The version that introduced the rules of this module. */
    static final String SINCE = "0.1.0";

    private DockerRules() {
    }

    /**
     * True when the runner's executor is one of {@link #EXECUTORS}. gitlab-runner looks executor names up exactly
     * ({@code Docker} or {@code docker+autoscaler} is no executor at all), and so does this.
     */
    static boolean applies(Runner runner) {
        String executor = runner.executor().orElse(null);
        return executor != null && EXECUTORS.contains(executor);
    }

    /**
     * {@link #applies(Runner)} of a runner of {@code config}, from what was read of {@code config} once; a runner
     * that is not in it is read itself.
     */
    static boolean applies(RunnerConfig config, Runner runner) {
        boolean[] covered = covered(config);
        List<Runner> runners = config.runners();
        int index = runner.index();
        if (index >= 0 && index < covered.length && index < runners.size() && runners.get(index) == runner) {
            return covered[index];
        }
        return applies(runner);
    }

    /** {@link #applies(Runner)} of each runner of {@code config}, by position; remembered for the last few configs. */
    private static boolean[] covered(RunnerConfig config) {
        int slot = System.identityHashCode(config) & (COVERED.length() - 1);
        Covered cached = COVERED.get(slot);
        if (cached != null && cached.config().get() == config) {
            return cached.covered();
        }
        List<Runner> runners = config.runners();
        boolean[] covered = new boolean[runners.size()];
        for (int i = 0; i < covered.length; i++) {
            covered[i] = applies(runners.get(i));
        }
        COVERED.set(slot, new Covered(new WeakReference<>(config), covered));
        return covered;
    }

    /** The runners of a config that {@link #applies(Runner)} covers, by position, and the config. */
    private record Covered(WeakReference<RunnerConfig> config, boolean[] covered) {
    }

    /** The executor name of a runner that {@link #applies}. */
    static String executor(Runner runner) {
        return runner.executor().orElse("");
    }

    /**
     * True when the runner's jobs run in Windows containers: the docker-windows executor, or docker-autoscaler with
     * Windows instances ({@code [runners.autoscaler.connector_config] os = "windows"}).
     */
    static boolean windows(Runner runner) {
        String executor = executor(runner);
        if (executor.equals("docker-windows")) {
            return true;
        }
        return executor.equals("docker-autoscaler") && runner.autoscaler().connectorConfig().os().orElse("")
                .toLowerCase(Locale.ROOT).equals("windows");
    }

    /** The runner's severity for this rule under its tenancy, or empty when the rule does not fire for it. */
    static Optional<Severity> severity(RuleDescriptor descriptor, Runner runner, AuditContext context) {
        return descriptor.tenancy().forTenancy(context.tenancyOf(runner.name().orElse(null)));
    }

    /** How messages name the runner: {@code runner "name"}, or {@code runners[2]} when it has no name. */
    static String label(Runner runner) {
        String name = runner.name().orElse("");
        return name.isBlank() ? "runners[" + runner.index() + "]" : "runner \"" + name + "\"";
    }

    /** The key path of {@code key} in the runner's {@code section} ({@code runners[0].docker.privileged}). */
    static String path(Runner runner, String section, String key) {
        return "runners[" + runner.index() + "]." + section + "." + key;
    }

    /** The key path of {@code key} in the runner's {@code [runners.docker]}. */
    static String dockerPath(Runner runner, String key) {
        return path(runner, "docker", key);
    }

    /** The key's position when it is written, else the runner's {@code [[runners]]} header (an absence). */
    static @Nullable Position at(Value<?> value, Runner runner) {
        return value.position() != null ? value.position() : runner.position();
    }

    /** A finding on the runner, in the config's file. */
    static Finding finding(RuleDescriptor descriptor, Severity severity, RunnerConfig config, Runner runner,
                           String keyPath, @Nullable Position position, String message, String remediation) {
        return new Finding(descriptor.id(), severity, message, config.source(),
                new RunnerRef(runner.index(), runner.name().orElse("")), keyPath,
                position != null ? position : runner.position(), remediation);
    }

    /**
     * One string of a list setting, with its own key path and position.
     *
     * @param index    its index in the array, -1 for a single string
     * @param value    the string
     * @param position its position, or the key's
     * @param runner   the runner
     * @param section  the section's name in key paths
     * @param field    the key's name
     * @param indexed  whether the key path names the element ({@code volumes[1]}) or only the key
     */
    record Element(int index, String value, @Nullable Position position, Runner runner, String section, String field,
                   boolean indexed) {

        /** The key path of the element ({@code runners[0].docker.volumes[1]}), made only when a finding needs it. */
        String keyPath() {
            String key = path(runner, section, field);
            return indexed ? key + "[" + index + "]" : key;
        }
    }

    /**
     * The strings of a list setting, each with the key path and position of its own array element when the file
     * writes the list (a single string for {@code pull_policy = "if-not-present"}), else the effective default list
     * with the key's path.
     *
     * @param runner  the runner
     * @param table   the raw view of the section that holds the key
     * @param section the section's name in key paths ({@code docker})
     * @param field   the gitlab-runner tag name of the key ({@code volumes})
     * @param typed   the model's value of the key
     */
    static List<Element> elements(Runner runner, ConfigTable table, String section, String field,
                                  Value<List<String>> typed) {
        Optional<ConfigEntry> entry = table.field(field);
        if (entry.isPresent()) {
            ConfigNode node = entry.get().value();
            @Nullable Position keyPosition = entry.get().position();
            if (node instanceof ConfigArray array) {
                List<Element> elements = new ArrayList<>();
                for (int i = 0; i < array.elements().size(); i++) {
                    if (array.elements().get(i) instanceof ConfigScalar scalar
                            && scalar.value() instanceof String text) {
                        elements.add(new Element(i, text,
                                scalar.position() != null ? scalar.position() : keyPosition, runner, section, field,
                                true));
                    }
                }
                return elements;
            }
            if (node instanceof ConfigScalar scalar && scalar.value() instanceof String text) {
                return List.of(new Element(-1, text, keyPosition, runner, section, field, false));
            }
        }
        List<String> values = typed.orElse(List.of());
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            elements.add(new Element(i, values.get(i), typed.position(), runner, section, field, typed.isSet()));
        }
        return elements;
    }

    /** A TOML array literal of the strings, for messages: {@code ["a", "b"]}. */
    static String toml(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add('"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return "[" + String.join(", ", quoted) + "]";
    }
}
