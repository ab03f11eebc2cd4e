package io.github.runnerguard.testkit;

import java.util.List;
import java.util.Objects;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of config.toml files, backed by {@link RunnerConfigGenerator}.
 *
 * <p>Each decision of the generator is drawn as one small number from QuickTheories' randomness source, with 0 as
 * the shrink target, so QuickTheories shrinks a failing config toward fewer runners, fewer settings, canonical keys
 * and the plainest TOML form, and reports that minimal config (the TOML text) as the falsifying value.
 *
 * <pre class="code">
 * qt().forAll(RunnerConfigGens.withExecutor("docker").forcing("docker.privileged", true))
 *     .checkAssert(generated -&gt; RuleTestKit.rule(new PrivilegedRule())
 *             .config(generated.toml()).check()
 *             .assertFindings(f -&gt; f.ruleId("docker.privileged")));
 * </pre>
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class RunnerConfigGens {

    private RunnerConfigGens() {
    }

    /** Configs with every executor and up to 3 runners. */
    public static ConfigGen configs() {
        return new ConfigGen(RunnerConfigGenerator.defaults());
    }

    /** Configs whose runners all have {@code executor}. */
    public static ConfigGen withExecutor(String executor) {
        return configs().withExecutor(executor);
    }

    /** Configs from a configured {@link RunnerConfigGenerator}. */
    public static ConfigGen from(RunnerConfigGenerator generator) {
        return new ConfigGen(Objects.requireNonNull(generator, "generator"));
    }

    /**
     * A QuickTheories generator of {@link GeneratedConfig}s, with the configuration methods of
     * {@link RunnerConfigGenerator} (each returns a new generator).
     *
     * <p>Immutable and thread-safe.
     *
     * @since 0.1.0
     */
    public static final class ConfigGen implements Gen<GeneratedConfig> {

        private final RunnerConfigGenerator generator;

        private ConfigGen(RunnerConfigGenerator generator) {
            this.generator = generator;
        }

        /** Runners all have {@code executor}. */
        public ConfigGen withExecutor(String executor) {
            return new ConfigGen(generator.withExecutor(executor));
        }

        /** Runners have one of {@code executors}. */
        public ConfigGen withExecutors(List<String> executors) {
            return new ConfigGen(generator.withExecutors(executors));
        }

        /** At most {@code max} runners. */
        public ConfigGen maxRunners(int max) {
            return new ConfigGen(generator.maxRunners(max));
        }

        /** The setting at {@code modelPath} has {@code value}; see {@link RunnerConfigGenerator#forcing}. */
        public ConfigGen forcing(String modelPath, Object value) {
            return new ConfigGen(generator.forcing(modelPath, value));
        }

        /** The setting at {@code modelPath} is never written; see {@link RunnerConfigGenerator#omitting}. */
        public ConfigGen omitting(String modelPath) {
            return new ConfigGen(generator.omitting(modelPath));
        }

        /** The underlying generator. */
        public RunnerConfigGenerator generator() {
            return generator;
        }

        @Override
        public GeneratedConfig generate(RandomnessSource in) {
            return generator.generate(bound -> (int) in.next(Constraint.between(0, bound - 1L).withShrinkPoint(0)));
        }

        @Override
        public String asString(GeneratedConfig config) {
            return "\n" + config.toml();
        }
    }
}
