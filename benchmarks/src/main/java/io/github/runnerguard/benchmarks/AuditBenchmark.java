package io.github.runnerguard.benchmarks;

import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.Auditor;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;
import io.github.runnerguard.report.ReportWriter;
import io.github.runnerguard.report.ReportWriters;
import io.github.runnerguard.report.TextReportWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * JMH benchmarks of one config text through each stage, measured in the same run so their ratios hold on a noisy
 * machine: the floor (bare Jackson {@code readTree}), loading ({@link ConfigLoader}: scan, tree, positions, binding,
 * model), the rules alone on a loaded config, the full audit of the text with every discovered rule, and each report
 * writer on the audit's report.
 *
 * <p>{@code size} is a number of generated runners ({@link FleetConfigs#generate(int)}) or {@code corpus}: every
 * file of the shared gitlab-runner corpus, one operation covering them all. Average time per operation.
 *
 * <p>A JMH state: one instance per benchmark trial, not shared between threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AuditBenchmark {

    /** Number of generated runners, or {@code corpus}. */
    @Param({"1", "10", "100", "1000", "10000", "corpus"})
    public String size = "100";

    private List<String> texts = List.of();
    private List<RunnerConfig> configs = List.of();
    private List<AuditReport> reports = List.of();
    private final TomlMapper floorMapper = new TomlMapper();
    /** The default loader: its 32 MiB limit admits the 11.5 MB of 10,000 generated runners. */
    private final ConfigLoader loader = ConfigLoader.defaults();
    private final Auditor auditor = Auditor.builder().loader(loader).build();

    /** Builds the texts, loads them once and audits them once for the writer benchmarks. */
    @Setup
    public void setUp() {
        if (size.equals("corpus")) {
            texts = FleetConfigs.corpusTexts();
            if (texts.isEmpty()) {
                throw new IllegalStateException("the shared corpus (<project root>/../shared/corpus/gitlab-runner) "
                        + "is absent; run from the project root");
            }
        } else {
            texts = List.of(FleetConfigs.generate(Integer.parseInt(size)));
        }
        List<RunnerConfig> loaded = new ArrayList<>();
        List<AuditReport> audited = new ArrayList<>();
        for (String text : texts) {
            LoadResult result = loader.load(text, "bench.toml");
            if (result.config() != null) {
                loaded.add(result.config());
            }
            audited.add(auditor.audit(text, "bench.toml"));
        }
        if (!size.equals("corpus") && loaded.size() != 1) {
            throw new IllegalStateException("the generated config does not load: "
                    + loader.load(texts.get(0), "bench.toml").diagnostics());
        }
        configs = List.copyOf(loaded);
        reports = List.copyOf(audited);
    }

    /** The floor: Jackson's {@code readTree} of the text, nothing else. */
    @Benchmark
    public void parseFloor(Blackhole sink) {
        for (String text : texts) {
            try {
                JsonNode tree = floorMapper.readTree(text);
                sink.consume(tree);
            } catch (JacksonException e) {
                // a few corpus files are not valid TOML; the loader reports them, the floor just stops there
                sink.consume(e);
            }
        }
    }

    /** {@link ConfigLoader#load(String, String)}: decode, scan, tree, positions, binding, model. */
    @Benchmark
    public void load(Blackhole sink) {
        for (String text : texts) {
            sink.consume(loader.load(text, "bench.toml"));
        }
    }

    /** The rules, policy, redaction and sorting on configs already loaded. */
    @Benchmark
    public void rulesOnLoaded(Blackhole sink) {
        for (RunnerConfig config : configs) {
            sink.consume(auditor.audit(config));
        }
    }

    /** The full audit of the text: load, then every discovered rule, policy, redaction and sorting. */
    @Benchmark
    public void audit(Blackhole sink) {
        for (String text : texts) {
            sink.consume(auditor.audit(text, "bench.toml"));
        }
    }

    /** One report writer, by format name, on the audit's report. */
    @Benchmark
    public void write(Format format, Blackhole sink) throws IOException {
        for (AuditReport report : reports) {
            StringBuilder out = new StringBuilder();
            format.writer.write(report, out);
            sink.consume(out);
        }
    }

    /** The report format of {@link #write}: each name {@link ReportWriters#formats()} knows. */
    @State(Scope.Benchmark)
    public static class Format {

        /** A format name from {@link ReportWriters#formats()}. */
        @Param({"text", "json", "sarif", "codequality", "junit", "html"})
        public String format = "text";

        ReportWriter writer = TextReportWriter.create();

        /** Looks the writer up. */
        @Setup
        public void setUp() {
            writer = ReportWriters.forFormat(format, false).orElseThrow(
                    () -> new IllegalStateException("no writer for " + format + "; known: " + ReportWriters.formats()));
        }
    }
}
