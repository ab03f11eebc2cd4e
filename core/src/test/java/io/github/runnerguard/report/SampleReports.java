package io.github.runnerguard.report;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import io.github.runnerguard.audit.AuditFinding;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.FileReport;
import io.github.runnerguard.audit.Suppression;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.Severity;

/** Hand-built reports for writer tests. */
final class SampleReports {

    private SampleReports() {
    }

    static AuditReport mixed() {
        Finding privileged = new Finding("docker.privileged", Severity.CRITICAL,
                "Runner \"shared\" runs job containers privileged", "shared.toml", new RunnerRef(0, "shared"),
                "runners[0].docker.privileged", new Position(12, 3), "Set privileged = false");
        Finding pull = new Finding("docker.pull-policy-if-not-present", Severity.MEDIUM,
                "Runner \"shared\" uses if-not-present", "shared.toml", new RunnerRef(0, "shared"),
                "runners[0].docker.pull_policy", new Position(14, 3), "Use always");
        Finding global = new Finding("runner.metrics-public", Severity.MEDIUM,
                "listen_address 0.0.0.0:9252 binds every interface", "shared.toml", null, "listen_address",
                new Position(2, 1), "Bind to 127.0.0.1");
        Finding second = new Finding("config.unknown-key", Severity.LOW, "Unknown key buids_dir", "shared.toml",
                new RunnerRef(1, "other"), "runners[1].buids_dir", new Position(30, 3), "Rename it");
        Finding noPosition = new Finding("engine.rule-failed", Severity.HIGH, "Rule x.y failed", "shared.toml",
                null, "x.y", null, "Report it");
        FileReport shared = new FileReport("shared.toml", true, List.of(), List.of(
                new AuditFinding(noPosition, "A rule failed", null, null),
                new AuditFinding(global, "Metrics on every interface", URI.create("https://docs.example/m"), null),
                new AuditFinding(privileged, "Privileged containers", URI.create("https://docs.example/p"), null),
                new AuditFinding(pull, "if-not-present", URI.create("https://docs.example/pp"),
                        new Suppression(Suppression.Kind.WAIVER, "images are public", LocalDate.of(2027, 1, 1),
                                "runnerguard.toml", new Position(3, 1))),
                new AuditFinding(second, "Unknown key", URI.create("https://docs.example/u"), null)), null);
        FileReport broken = new FileReport("broken.toml", false, List.of(new Diagnostic(Diagnostic.Kind.SYNTAX,
                "expected a value after =", "", new Position(3, 14), null, null, null)), List.of(), null);
        FileReport clean = new FileReport("clean.toml", true, List.of(), List.of(), null);
        return new AuditReport(List.of(shared, broken, clean));
    }
}
