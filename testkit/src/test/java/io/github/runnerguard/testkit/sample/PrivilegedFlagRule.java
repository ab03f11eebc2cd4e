package io.github.runnerguard.testkit.sample;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/** A tiny rule for the testkit's own tests: flags {@code [runners.docker] privileged = true}, read from the raw view. */
public final class PrivilegedFlagRule implements SecurityRule {

    /** The rule id. */
    public static final String ID = "sample.privileged-flag";

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Docker containers run privileged",
            Severity.HIGH, TenancySeverity.of(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL),
            "A privileged container can take over the host; the more projects share the runner, the worse.",
            "A privileged job container has every capability and the host's devices. Any job can escape to the host.",
            "Set `privileged = false` in `[runners.docker]`.", URI.create("https://docs.gitlab.com/runner/security/"),
            List.of("Usage of Docker executor", "CWE-250"), List.of("docker"), List.of("sample.privileged"), "0.1.0");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            String name = runner.name().orElse("");
            Optional<Severity> severity = DESCRIPTOR.tenancy().forTenancy(context.tenancyOf(name));
            Optional<ConfigEntry> privileged = table(runner.raw(), "docker").flatMap(t -> t.field("privileged"));
            if (severity.isPresent() && privileged.isPresent()
                    && privileged.get().value() instanceof ConfigScalar scalar && Boolean.TRUE.equals(scalar.value())) {
                findings.add(new Finding(ID, severity.get(), "Runner \"" + name + "\" runs privileged containers",
                        config.source(), new RunnerRef(runner.index(), name), scalar.path(),
                        privileged.get().position(), DESCRIPTOR.remediation()));
            }
        }
        return findings;
    }

    private static Optional<ConfigTable> table(ConfigTable parent, String field) {
        Optional<ConfigNode> node = parent.fieldValue(field);
        return node.filter(ConfigTable.class::isInstance).map(ConfigTable.class::cast);
    }
}
