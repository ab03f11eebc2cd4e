package io.github.runnerguard.testkit.sample;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * A tiny rule for the testkit's own tests: flags a runner without {@code limit}, at its {@code [[runners]]} header
 * (a finding caused by an absence). Silent on dedicated runners.
 */
public final class NoLimitRule implements SecurityRule {

    /** The rule id. */
    public static final String ID = "sample.no-limit";

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Runner without a job limit", Severity.LOW,
            TenancySeverity.of(null, Severity.LOW, Severity.MEDIUM),
            "Shared runners need a limit so one project cannot starve the others; dedicated ones do not.",
            "Without `limit`, one runner entry takes as many jobs as `concurrent` allows.",
            "Set `limit = 4` in the `[[runners]]` entry.", URI.create("https://docs.gitlab.com/runner/configuration/"),
            List.of("Advanced configuration"), List.of("capacity"), List.of(), "0.1.0");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            String name = runner.name().orElse("");
            var severity = DESCRIPTOR.tenancy().forTenancy(context.tenancyOf(name));
            if (severity.isPresent() && runner.raw().field("limit").isEmpty()) {
                findings.add(new Finding(ID, severity.get(), "Runner \"" + name + "\" has no limit", config.source(),
                        new RunnerRef(runner.index(), name), "runners[" + runner.index() + "].limit",
                        runner.position(), DESCRIPTOR.remediation()));
            }
        }
        return findings;
    }
}
