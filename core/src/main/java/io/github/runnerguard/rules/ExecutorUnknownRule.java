package io.github.runnerguard.rules;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;
import org.jspecify.annotations.Nullable;

/**
 * {@code runner.executor-unknown}: a runner's {@code executor} is missing, empty, or not one of the names
 * gitlab-runner registers ({@code main.go}: shell, custom, instance, docker, docker-windows, docker-autoscaler,
 * docker+machine, kubernetes, ssh, parallels, virtualbox). The lookup is exact and case-sensitive, so
 * {@code Docker} and {@code docker+autoscaler} are unknown.
 *
 * <p>The message suggests the closest known name. Stateless and thread-safe.
 */
public final class ExecutorUnknownRule implements SecurityRule {

    /** Every executor name gitlab-runner 19.4 registers. */
    static final Set<String> EXECUTORS = Set.of("shell", "custom", "instance", "docker", "docker-windows",
            "docker-autoscaler", "docker+machine", "kubernetes", "ssh", "parallels", "virtualbox");

    private static final String REMEDIATION = "Set executor to one of gitlab-runner's executor names (exactly as "
            + "written, lower case): shell, custom, instance, docker, docker-windows, docker-autoscaler, "
            + "docker+machine, kubernetes, ssh, parallels or virtualbox. For example:\n"
            + "\n"
            + "  [[runners]]\n"
            + "    executor = \"docker-autoscaler\"\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "runner.executor-unknown",
            "Executor missing or not a gitlab-runner executor",
            Severity.MEDIUM,
            TenancySeverity.always(Severity.MEDIUM),
            "The same for every tenancy: the runner does not run jobs the way the config says.",
            "gitlab-runner looks the executor up by its exact name; a missing, empty or misspelt executor makes "
                    + "every job fail, and the executor sections (and the hardening in them) apply to nothing. An "
                    + "audit of such a config also cannot tell which isolation the jobs were meant to get.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/executors/"),
            List.of("Security for self-managed runners: Security risks for different executors "
                            + "(https://docs.gitlab.com/runner/security/#security-risks-for-different-executors)",
                    "gitlab-runner 19.4.0 main.go: the executor names gitlab-runner registers: shell, custom, "
                            + "instance, docker, docker-windows, docker-autoscaler, docker+machine, kubernetes, ssh, "
                            + "parallels, virtualbox (https://gitlab.com/gitlab-org/gitlab-runner/-/blob/main/main.go)",
                    "CWE-1188: Initialization of a Resource with an Insecure Default"),
            List.of("runner", "executor", "config"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public ExecutorUnknownRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            String executor = runner.executor().orElse("");
            if (EXECUTORS.contains(executor)) {
                continue;
            }
            Optional<Severity> severity = CoreRuleSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            String message;
            if (!runner.executor().isSet()) {
                message = CoreRuleSupport.label(runner) + " has no executor: gitlab-runner cannot run its jobs";
            } else if (executor.isEmpty()) {
                message = CoreRuleSupport.label(runner) + " has an empty executor: gitlab-runner cannot run its jobs";
            } else {
                String suggestion = closest(executor);
                message = CoreRuleSupport.label(runner) + " uses executor = \"" + executor
                        + "\", which gitlab-runner does not know"
                        + (suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?");
            }
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(), message, config.source(),
                    CoreRuleSupport.ref(runner), CoreRuleSupport.path(runner, "executor"),
                    CoreRuleSupport.at(runner.executor(), runner), DESCRIPTOR.remediation()));
        }
        return findings;
    }

    /** The known executor closest to {@code name} (at most 3 edits away, ignoring case), or null. */
    static @Nullable String closest(String name) {
        String lower = name.toLowerCase(Locale.ROOT).trim();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : EXECUTORS.stream().sorted().toList()) {
            int distance = distance(lower, known);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = known;
            }
        }
        return bestDistance <= 3 ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
