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
 * {@code runner.debug-trace-allowed}: {@code debug_trace_disabled} is not {@code true}, so any job can turn on
 * {@code CI_DEBUG_TRACE} (or {@code CI_DEBUG_SERVICES}) and print its variables to the job log.
 *
 * <p>gitlab-runner forces both off only when {@code debug_trace_disabled = true} (its default is {@code false}).
 * The finding points at the key when it is written {@code false}, else at the runner's header. Stateless and
 * thread-safe.
 */
public final class DebugTraceAllowedRule implements SecurityRule {

    private static final String REMEDIATION = "Refuse debug tracing on runners that several projects share:\n"
            + "\n"
            + "  [[runners]]\n"
            + "    debug_trace_disabled = true\n"
            + "\n"
            + "Jobs that set CI_DEBUG_TRACE then run without it (and their log says so).\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "runner.debug-trace-allowed",
            "Jobs may turn on debug tracing",
            Severity.LOW,
            TenancySeverity.of(null, Severity.LOW, Severity.MEDIUM),
            "No finding on a runner dedicated to one trusted project; low when several projects share it; medium "
                    + "when other organisations' jobs run on it.",
            "With CI_DEBUG_TRACE a job prints every command with the values of all its variables, including "
                    + "secrets that are not masked, into a job log that everyone with access to the job can read. "
                    + "Only debug_trace_disabled = true lets the runner's owner refuse it.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/#the-runners-section"),
            List.of("Security for self-managed runners: secret variables exposed to jobs, CI_JOB_TOKEN included, can "
                            + "be stolen (https://docs.gitlab.com/runner/security/)",
                    "Advanced configuration: The `[[runners]]` section, `debug_trace_disabled` "
                            + "(https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                            + "#the-runners-section)",
                    "CWE-532: Insertion of Sensitive Information into Log File"),
            List.of("runner", "secret", "logging"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public DebugTraceAllowedRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            if (runner.debugTraceDisabled().orElse(Boolean.FALSE)) {
                continue;
            }
            Optional<Severity> severity = CoreRuleSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            String message = runner.debugTraceDisabled().isSet()
                    ? CoreRuleSupport.label(runner) + " sets debug_trace_disabled = false: any job can turn on "
                            + "CI_DEBUG_TRACE and print its variables"
                    : CoreRuleSupport.label(runner) + " does not set debug_trace_disabled = true: any job can turn "
                            + "on CI_DEBUG_TRACE and print its variables";
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(), message, config.source(),
                    CoreRuleSupport.ref(runner), CoreRuleSupport.path(runner, "debug_trace_disabled"),
                    CoreRuleSupport.at(runner.debugTraceDisabled(), runner), DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
