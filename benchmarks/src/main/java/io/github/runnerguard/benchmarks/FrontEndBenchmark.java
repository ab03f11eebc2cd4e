package io.github.runnerguard.benchmarks;

import io.github.runnerguard.internal.toml.ParseOutcome;
import io.github.runnerguard.internal.toml.TomlFrontEnd;
import io.github.runnerguard.load.LoadLimits;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * JMH benchmarks of the loader's TOML front end alone ({@link TomlFrontEnd#parse(String, LoadLimits)}: decode checks,
 * scan, value tree, positions, comments) against the floor, Jackson's bare {@code readTree} of the same generated
 * config, in the same run.
 *
 * <p>A JMH state: one instance per benchmark trial, not shared between threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrontEndBenchmark {

    /** Number of generated runners. */
    @Param({"100", "1000"})
    public int size = 100;

    private String text = "";
    private final TomlMapper floorMapper = new TomlMapper();
    private final LoadLimits limits = new LoadLimits(64L * 1024 * 1024, LoadLimits.DEFAULTS.maxDepth(),
            LoadLimits.DEFAULTS.maxRunners());

    /** Builds the text and checks that it parses. */
    @Setup
    public void setUp() {
        text = FleetConfigs.generate(size);
        if (!(TomlFrontEnd.parse(text, limits) instanceof ParseOutcome.Parsed)) {
            throw new IllegalStateException("the generated config does not parse");
        }
    }

    /** The floor: Jackson's {@code readTree} of the text, nothing else. */
    @Benchmark
    public void floor(Blackhole sink) {
        JsonNode tree = floorMapper.readTree(text);
        sink.consume(tree);
    }

    /** The front end: everything the loader does before binding. */
    @Benchmark
    public void frontEnd(Blackhole sink) {
        sink.consume(TomlFrontEnd.parse(text, limits));
    }
}
