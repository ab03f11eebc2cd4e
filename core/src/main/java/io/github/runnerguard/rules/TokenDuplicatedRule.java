package io.github.runnerguard.rules;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.FleetRule;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;
import org.jspecify.annotations.Nullable;

/**
 * {@code runner.token-duplicated}: two {@code [[runners]]} entries hold the same runner token, in one file or across
 * the files of one audit.
 *
 * <p>Within one file, two entries with the same token are one runner to GitLab (one runner manager, one
 * {@code system_id}), so a job meant for one entry can be picked up by the other, with its executor and its
 * isolation. Identical {@code $VAR} references count too: they expand to the same token in one process. Across files
 * only literal tokens are compared, and the finding is two levels lower (high becomes low): GitLab 16 and later
 * support runner managers on several hosts sharing one authentication token (fleet scaling docs), so the auditor must
 * confirm that every host holding the token is theirs. Messages name the runners and lines, never the token.
 * Stateless and thread-safe.
 */
public final class TokenDuplicatedRule implements FleetRule {

    private static final String REMEDIATION = "Give every [[runners]] entry its own runner: create a runner in "
            + "GitLab for each entry (or register again) and use its own authentication token. Never copy a "
            + "config.toml with its tokens to another host; on a host that is meant to be another manager of the "
            + "same runner, keep the token out of the file:\n"
            + "\n"
            + "  [[runners]]\n"
            + "    name = \"docker-a\"\n"
            + "    token = \"${RUNNER_TOKEN_A}\"\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "runner.token-duplicated",
            "Same runner token in two runner entries",
            Severity.HIGH,
            TenancySeverity.always(Severity.HIGH),
            "High for every tenancy within one file. Across files of one audit the finding is two levels lower "
                    + "(low), because GitLab supports several runner managers on different hosts sharing one "
                    + "authentication token.",
            "A runner token is the runner's identity: whoever holds it receives the jobs meant for that runner "
                    + "(\"Cloning a runner\"). Two entries with one token in one file poll GitLab as one runner, so "
                    + "a job may land on the entry with the weaker executor; a copy of the token on another host "
                    + "can steal jobs and their secrets.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/security/#cloning-a-runner"),
            List.of("Security for self-managed runners: Cloning a runner (https://docs.gitlab.com/runner/security/"
                            + "#cloning-a-runner)",
                    "Fleet scaling: Reusing a runner configuration, runner managers that share one authentication "
                            + "token are told apart by system_id "
                            + "(https://docs.gitlab.com/runner/fleet_scaling/#reusing-a-runner-configuration)",
                    "CWE-287: Improper Authentication"),
            List.of("runner", "token"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public TokenDuplicatedRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        Map<String, List<Runner>> byToken = new LinkedHashMap<>();
        for (Runner runner : config.runners()) {
            String token = runner.token().orElse("");
            if (!token.isEmpty()) {
                byToken.computeIfAbsent(token, k -> new ArrayList<>()).add(runner);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (List<Runner> group : byToken.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (Runner runner : group) {
                Optional<Severity> severity = CoreRuleSupport.severity(DESCRIPTOR, context, runner);
                if (severity.isEmpty()) {
                    continue;
                }
                List<String> others = new ArrayList<>();
                for (Runner other : group) {
                    if (other != runner) {
                        others.add(CoreRuleSupport.label(other) + lineSuffix(CoreRuleSupport.at(other.token(), other)));
                    }
                }
                findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                        CoreRuleSupport.label(runner) + " uses the same token as " + String.join(", ", others)
                                + "; GitLab sees them as one runner and may give either one the other's jobs",
                        config.source(), CoreRuleSupport.ref(runner), CoreRuleSupport.path(runner, "token"),
                        CoreRuleSupport.at(runner.token(), runner), DESCRIPTOR.remediation()));
            }
        }
        return findings;
    }

    @Override
    public List<Finding> checkFleet(List<RunnerConfig> configs, AuditContext context) {
        Map<String, List<Occurrence>> byToken = new LinkedHashMap<>();
        for (RunnerConfig config : configs) {
            for (Runner runner : config.runners()) {
                String token = runner.token().orElse("");
                if (!token.isEmpty() && !CoreRuleSupport.containsEnvReference(token)) {
                    byToken.computeIfAbsent(token, k -> new ArrayList<>()).add(new Occurrence(config, runner));
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (List<Occurrence> group : byToken.values()) {
            for (Occurrence occurrence : group) {
                List<String> elsewhere = new ArrayList<>();
                for (Occurrence other : group) {
                    if (!other.config().source().equals(occurrence.config().source())) {
                        elsewhere.add(CoreRuleSupport.label(other.runner()) + " in " + other.config().source()
                                + lineSuffix(CoreRuleSupport.at(other.runner().token(), other.runner())));
                    }
                }
                if (elsewhere.isEmpty()) {
                    continue;
                }
                Runner runner = occurrence.runner();
                Optional<Severity> severity = CoreRuleSupport.severity(DESCRIPTOR, context, runner)
                        .map(s -> s.lower().lower());
                if (severity.isEmpty()) {
                    continue;
                }
                findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                        CoreRuleSupport.label(runner) + " uses the same token as " + String.join(", ", elsewhere)
                                + "; fine only if each file is the config of another runner manager host you own",
                        occurrence.config().source(), CoreRuleSupport.ref(runner),
                        CoreRuleSupport.path(runner, "token"), CoreRuleSupport.at(runner.token(), runner),
                        DESCRIPTOR.remediation()));
            }
        }
        return findings;
    }

    private static String lineSuffix(@Nullable Position position) {
        return position == null ? "" : " (line " + position.line() + ")";
    }

    private record Occurrence(RunnerConfig config, Runner runner) {
    }
}
