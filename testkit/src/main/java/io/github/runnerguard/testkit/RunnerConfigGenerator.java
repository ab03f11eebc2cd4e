package io.github.runnerguard.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * A generator of realistic config.toml files, each with the {@link Expectation} of the model it must load to.
 *
 * <p>Configs have 1 to {@link #maxRunners(int) N} runners with every executor gitlab-runner knows
 * ({@link #EXECUTORS}); each runner has its executor's sections ({@code [runners.docker]}, {@code [runners.ssh]},
 * {@code [runners.machine]}, {@code [runners.kubernetes]} with security contexts and host-path volumes, ...) and
 * maybe {@code [runners.cache]}, {@code [runners.custom_build_dir]} and {@code [runners.feature_flags]}. Settings
 * are left out or set, to safe or risky values: privileged containers, the Docker socket in {@code volumes},
 * {@code cap_add}, host network, {@code pull_policy}, disabled SSH host key checking, {@code MaxBuilds}, environment
 * entries, insecure cache, secrets. Keys come in case variants gitlab-runner accepts ({@code Privileged},
 * {@code maxbuilds}); tables as {@code [headers]}, dotted keys ({@code docker.privileged = true}) or inline tables,
 * arrays of tables as {@code [[headers]]} or inline arrays; strings basic or literal; indented or flat.
 *
 * <p>The generator is library-neutral: it draws every decision from {@link Choices}, so any property-testing
 * library can drive it; {@link RunnerConfigGens} adapts it to QuickTheories. {@link #generate(long)} and
 * {@link #generate(Random)} draw from {@link Random}.
 *
 * <pre class="code">
 * GeneratedConfig generated = RunnerConfigGenerator.defaults()
 *         .withExecutor("docker")
 *         .forcing("docker.privileged", true)
 *         .generate(42L);
 * RunnerConfig config = generated.load();
 * generated.model().assertMatches(config);
 * </pre>
 *
 * <p>Immutable and thread-safe; the {@code with...}, {@code forcing} and {@code omitting} methods return copies.
 *
 * @since 0.1.0
 */
public final class RunnerConfigGenerator {

    /** Every executor gitlab-runner registers: shell, ssh, docker, docker-windows, docker+machine, ... */
    public static final List<String> EXECUTORS = Catalog.EXECUTORS;

    private static final RunnerConfigGenerator DEFAULTS = new RunnerConfigGenerator(GenOptions.DEFAULTS);

    private final GenOptions options;

    private RunnerConfigGenerator(GenOptions options) {
        this.options = options;
    }

    /**
     * A source of small decisions. Each call returns a number in {@code [0, bound)}; 0 is always the simplest
     * option (fewer runners, a setting left out, the first candidate value, the canonical key spelling, the
     * {@code [header]} form), so a source that shrinks its numbers toward 0 shrinks configs toward smaller ones.
     */
    @FunctionalInterface
    public interface Choices {

        /** A number in {@code [0, bound)}; {@code bound} is at least 2. */
        int next(int bound);
    }

    /** Every executor, up to 3 runners, nothing forced or omitted. */
    public static RunnerConfigGenerator defaults() {
        return DEFAULTS;
    }

    /** Every runner has {@code executor} (one of {@link #EXECUTORS}). */
    public RunnerConfigGenerator withExecutor(String executor) {
        return withExecutors(List.of(Objects.requireNonNull(executor, "executor")));
    }

    /** Runners have one of {@code executors}. */
    public RunnerConfigGenerator withExecutors(List<String> executors) {
        if (executors.isEmpty()) {
            throw new IllegalArgumentException("name at least one executor");
        }
        return new RunnerConfigGenerator(new GenOptions(executors, options.maxRunners(), options.forced(),
                options.omitted()));
    }

    /** Configs have 1 to {@code max} runners (3 unless set). */
    public RunnerConfigGenerator maxRunners(int max) {
        return new RunnerConfigGenerator(new GenOptions(options.executors(), max, options.forced(),
                options.omitted()));
    }

    /**
     * Every runner (or the global table, for a {@code global.} path) has the setting at {@code modelPath} with
     * {@code value}. The path is the model accessor path from the runner: {@code docker.privileged},
     * {@code docker.volumes}, {@code ssh.disableStrictHostKeyChecking}, {@code machine.maxBuilds},
     * {@code kubernetes.podSecurityContext.runAsNonRoot}, {@code environment}, {@code global.listenAddress}; see
     * {@link #settings()}. Values have the model's types: {@code Boolean}, {@code Long} (any integer
     * {@code Number}), {@code Double}, {@code String}, {@code List<String>}, {@code java.time.Duration},
     * {@code java.time.OffsetDateTime}, {@code Map<String, Boolean>}. Runners get only executors whose sections have
     * the setting.
     *
     * @throws IllegalArgumentException for an unknown path, a value of the wrong type, or when no allowed executor
     *                                  has the setting
     */
    public RunnerConfigGenerator forcing(String modelPath, Object value) {
        Objects.requireNonNull(modelPath, "modelPath");
        Object checked = GenOptions.checkedValue(modelPath, value);
        Map<String, Object> forced = new HashMap<>(options.forced());
        forced.put(modelPath, checked);
        Set<String> omitted = new HashSet<>(options.omitted());
        omitted.remove(modelPath);
        return new RunnerConfigGenerator(new GenOptions(options.executors(), options.maxRunners(), forced, omitted));
    }

    /**
     * The setting at {@code modelPath} (see {@link #forcing}) is never written.
     *
     * @throws IllegalArgumentException for an unknown path
     */
    public RunnerConfigGenerator omitting(String modelPath) {
        Objects.requireNonNull(modelPath, "modelPath");
        if (!GenOptions.knownPaths().contains(modelPath)) {
            throw new IllegalArgumentException("unknown setting '" + modelPath + "'; known: " + settings());
        }
        Map<String, Object> forced = new HashMap<>(options.forced());
        forced.remove(modelPath);
        Set<String> omitted = new HashSet<>(options.omitted());
        omitted.add(modelPath);
        return new RunnerConfigGenerator(new GenOptions(options.executors(), options.maxRunners(), forced, omitted));
    }

    /** The model paths {@link #forcing} and {@link #omitting} accept, sorted. */
    public static List<String> settings() {
        return new ArrayList<>(GenOptions.knownPaths());
    }

    /** The executors runners may get with these options. */
    public List<String> executors() {
        return options.usableExecutors();
    }

    /** A config drawn from {@code choices}. */
    public GeneratedConfig generate(Choices choices) {
        Objects.requireNonNull(choices, "choices");
        return Generation.generate(options, choices::next);
    }

    /** A config drawn from {@code random}. */
    public GeneratedConfig generate(Random random) {
        Objects.requireNonNull(random, "random");
        return generate(random::nextInt);
    }

    /** The config for {@code seed}: the same seed gives the same config. */
    public GeneratedConfig generate(long seed) {
        return generate(new Random(seed));
    }

    @Override
    public String toString() {
        return "RunnerConfigGenerator" + options;
    }
}
