package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.Severity;
import org.junit.jupiter.api.Test;

/** One auditor shared by 8 threads gives the same reports as a serial run. */
class ConcurrentAuditTest {

    private static final int THREADS = 8;

    private static List<String> configs() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            StringBuilder text = new StringBuilder("concurrent = " + (i + 1) + "\n");
            for (int r = 0; r <= i % 5; r++) {
                text.append("\n[[runners]]\n  name = \"runner-").append(i).append('-').append(r).append("\"\n")
                        .append("  token = \"glrt-token").append(i).append('x').append(r).append("abcdef\"\n")
                        .append("  executor = \"").append(r % 2 == 0 ? "docker" : "shell").append("\"\n");
                if (r % 3 == 1) {
                    text.append("  risky = \"yes\" # runnerguard:ignore t.per-runner -- known\n");
                }
            }
            texts.add(text.toString());
        }
        return texts;
    }

    private static Auditor auditor() {
        TestRules.Lambda perRunner = new TestRules.Lambda("t.per-runner", (c, x) -> {
            List<Finding> findings = new ArrayList<>();
            for (Runner runner : c.runners()) {
                Position at = runner.position();
                int line = at == null ? 1 : at.line() + 1;
                for (int k = 0; k < 4; k++) {
                    findings.add(new Finding("t.per-runner", Severity.values()[(runner.index() + k) % 5],
                            "runner " + runner.name().orElse("") + " check " + k, c.source(),
                            new RunnerRef(runner.index(), runner.name().orElse("")), "runners[" + runner.index()
                            + "].k" + k, new Position(line + (k % 4), 3), "fix"));
                }
            }
            return findings;
        });
        TestRules.Lambda tenancy = new TestRules.Lambda("t.tenancy", (c, x) -> c.runners().stream()
                .map(r -> new Finding("t.tenancy", Severity.INFO, x.tenancyOf(r.name().orElse("")).id(),
                        c.source(), null, "runners", null, "none"))
                .toList());
        return Auditor.builder().rules(perRunner, tenancy).runnerTenancy("runner-3-1",
                io.github.runnerguard.spi.Tenancy.MULTI_TENANT).build();
    }

    @Test
    void eightThreadsEqualSerial() throws Exception {
        List<String> texts = configs();
        Auditor auditor = auditor();
        List<AuditReport> serial = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            serial.add(auditor.audit(TestConfigs.load(texts.get(i), "config-" + i + ".toml")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<AuditReport>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                Callable<List<AuditReport>> task = () -> {
                    List<AuditReport> reports = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        for (int k = 0; k < texts.size(); k++) {
                            int i = (k + offset * 3) % texts.size();
                            while (reports.size() <= i + round * texts.size()) {
                                reports.add(null);
                            }
                            reports.set(i + round * texts.size(),
                                    auditor.audit(TestConfigs.load(texts.get(i), "config-" + i + ".toml")));
                        }
                    }
                    return reports;
                };
                futures.add(pool.submit(task));
            }
            for (Future<List<AuditReport>> future : futures) {
                List<AuditReport> reports = future.get(120, TimeUnit.SECONDS);
                for (int i = 0; i < reports.size(); i++) {
                    assertEquals(serial.get(i % texts.size()), reports.get(i), "config-" + (i % texts.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(serial.stream().anyMatch(r -> r.summary().suppressed() > 0), "the corpus exercises suppression");
        assertTrue(serial.stream().anyMatch(r -> r.findings().stream()
                .anyMatch(f -> f.finding().message().equals("multi-tenant"))), "and per-runner tenancy");
    }
}
