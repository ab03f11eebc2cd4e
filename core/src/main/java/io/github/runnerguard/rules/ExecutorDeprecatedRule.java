package io.github.runnerguard.rules;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code runner.executor-deprecated}: {@code executor = "docker+machine"}, deprecated in GitLab 17.5 and scheduled
 * for removal in GitLab 20.0 (May 2027).
 *
 * <p>Stateless and thread-safe.
 */
public final class ExecutorDeprecatedRule implements SecurityRule {

    private static final String REMEDIATION = "Plan the move to the Docker Autoscaler executor (fleeting plugins for "
            + "AWS, Google Cloud and Azure); keep one job per instance there:\n"
            + "\n"
            + "  [[runners]]\n"
            + "    executor = \"docker-autoscaler\"\n"
            + "    [runners.autoscaler]\n"
            + "      plugin = \"aws\"\n"
            + "      capacity_per_instance = 1\n"
            + "      max_use_count = 1\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "runner.executor-deprecated",
            "Deprecated Docker Machine executor",
            Severity.INFO,
            TenancySeverity.always(Severity.INFO),
            "Informational for every tenancy.",
            "The Docker Machine executor was deprecated in GitLab 17.5 and is scheduled for removal in GitLab 20.0 "
                    + "(May 2027); until then GitLab only fixes critical bugs that stop jobs or affect running "
                    + "costs, and Docker Machine itself, deprecated by Docker, lives on only in a GitLab fork. "
                    + "Runners "
                    + "that stay on it will stop working after the removal.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/executors/docker_machine/"),
            List.of("Docker Machine executor: deprecated in GitLab 17.5, removal planned in GitLab 20.0 "
                            + "(https://docs.gitlab.com/runner/executors/docker_machine/)",
                    "CWE-1104: Use of Unmaintained Third Party Components"),
            List.of("runner", "executor", "deprecation"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public ExecutorDeprecatedRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            if (!"docker+machine".equals(runner.executor().value())) {
                continue;
            }
            Optional<Severity> severity = CoreRuleSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                    CoreRuleSupport.label(runner) + " uses the docker+machine executor, deprecated since GitLab 17.5 "
                            + "and due for removal in GitLab 20.0",
                    config.source(), CoreRuleSupport.ref(runner), CoreRuleSupport.path(runner, "executor"),
                    CoreRuleSupport.at(runner.executor(), runner), DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
