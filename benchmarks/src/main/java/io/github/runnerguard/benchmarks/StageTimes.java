package io.github.runnerguard.benchmarks;

import io.github.runnerguard.audit.Auditor;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import java.util.Arrays;
import java.util.Locale;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * A command-line probe that times the stages of {@link AuditBenchmark} interleaved in one process: in each round, for
 * each size, the floor (Jackson's {@code readTree}), {@code load}, the rules on a loaded config and the full audit of
 * the text run back to back, and the minimum over the rounds is kept. On a shared machine, where JMH's averages carry
 * errors as large as the scores, minima taken side by side are what a ratio can rest on.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.runnerguard.benchmarks.StageTimes
 * [SIZES [ROUNDS]]}, sizes as a comma-separated list of runner counts (default {@code 100,1000,10000}), rounds
 * default 10. Prints wall time per runner in microseconds and each stage's ratio to the floor.
 */
public final class StageTimes {

    private static final String[] STAGES = {"floor", "load", "rules", "audit"};

    private StageTimes() {
    }

    /**
     * Runs the probe.
     *
     * @param args sizes (comma-separated runner counts) and number of rounds, both optional
     */
    public static void main(String[] args) {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "100,1000,10000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ConfigLoader loader = ConfigLoader.defaults();
        Auditor auditor = Auditor.builder().loader(loader).build();
        TomlMapper floor = new TomlMapper();
        String[] texts = new String[sizes.length];
        RunnerConfig[] configs = new RunnerConfig[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            texts[i] = FleetConfigs.generate(sizes[i]);
            configs[i] = loader.load(texts[i], "bench.toml").config();
            if (configs[i] == null) {
                throw new IllegalStateException("the generated config of " + sizes[i] + " runners does not load");
            }
        }
        long[][] best = new long[sizes.length][STAGES.length];
        for (long[] row : best) {
            Arrays.fill(row, Long.MAX_VALUE);
        }
        int sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < sizes.length; i++) {
                int repeats = Math.max(1, 10_000 / sizes[i]);
                for (int stage = 0; stage < STAGES.length; stage++) {
                    long start = System.nanoTime();
                    for (int r = 0; r < repeats; r++) {
                        Object result = switch (stage) {
                            case 0 -> floor.readTree(texts[i]);
                            case 1 -> loader.load(texts[i], "bench.toml");
                            case 2 -> auditor.audit(configs[i]);
                            default -> auditor.audit(texts[i], "bench.toml");
                        };
                        sink += System.identityHashCode(result) & 1;
                    }
                    best[i][stage] = Math.min(best[i][stage], (System.nanoTime() - start) / repeats);
                }
            }
        }
        System.out.printf(Locale.ROOT, "minimum wall time per runner over %d interleaved rounds (µs), and ratio to the "
                + "floor%n%8s %8s %8s %8s %8s %10s %10s %10s%n", rounds, "runners", "floor", "load", "rules", "audit",
                "load/fl", "rules/fl", "audit/fl");
        for (int i = 0; i < sizes.length; i++) {
            double perRunner = sizes[i] * 1000.0;
            long[] row = best[i];
            System.out.printf(Locale.ROOT, "%8d %8.1f %8.1f %8.1f %8.1f %10.2f %10.2f %10.2f%n", sizes[i],
                    row[0] / perRunner, row[1] / perRunner, row[2] / perRunner, row[3] / perRunner,
                    (double) row[1] / row[0], (double) row[2] / row[0], (double) row[3] / row[0]);
        }
        if (sink < 0) {
            System.out.println(sink);
        }
    }
}
