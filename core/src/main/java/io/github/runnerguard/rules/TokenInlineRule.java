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
 * {@code runner.token-inline}: a runner's {@code token} is written in config.toml instead of being read from an
 * environment variable ({@code $VAR} or {@code ${VAR}}, which gitlab-runner expands when it loads the file).
 *
 * <p>An empty token is not flagged (there is no secret). The message says at most that the token is a {@code glrt-}
 * token, never any part of it. Stateless and thread-safe.
 */
public final class TokenInlineRule implements SecurityRule {

    private static final String REMEDIATION = "Read the token from the environment of the gitlab-runner process (a "
            + "Kubernetes secret, a systemd EnvironmentFile readable only by root):\n"
            + "\n"
            + "  [[runners]]\n"
            + "    url = \"$GITLAB_URL\"\n"
            + "    token = \"${RUNNER_TOKEN_1}\"\n"
            + "\n"
            + "gitlab-runner expands the variable when it loads the file, but writes the expanded value back when it "
            + "saves the file (register, automatic token rotation), so keep the file generated from a template or "
            + "check it again after rotations.\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "runner.token-inline",
            "Runner token written in config.toml",
            Severity.INFO,
            TenancySeverity.always(Severity.INFO),
            "Informational for every tenancy: the risk is who can read the file, not who shares the runner "
                    + "(host.config-file-readable reports a readable file).",
            "The runner token is the runner's identity; whoever reads it can receive the runner's jobs and their "
                    + "secrets. A token written in config.toml travels with every copy, backup and version-control "
                    + "commit of the file, while an environment variable keeps it out of the file.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                    + "#use-environment-variables-for-sensitive-values"),
            List.of("Advanced configuration: Use environment variables for sensitive values (https://docs.gitlab.com/"
                            + "runner/configuration/advanced-configuration/"
                            + "#use-environment-variables-for-sensitive-values)",
                    "Security for self-managed runners: Cloning a runner (https://docs.gitlab.com/runner/security/"
                            + "#cloning-a-runner)",
                    "CWE-312: Cleartext Storage of Sensitive Information"),
            List.of("runner", "token", "secret"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public TokenInlineRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            String token = runner.token().orElse("");
            if (!runner.token().isSet() || token.isEmpty() || CoreRuleSupport.containsEnvReference(token)) {
                continue;
            }
            Optional<Severity> severity = CoreRuleSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            String kind = token.startsWith("glrt-") ? "runner authentication token (glrt-…)" : "token";
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                    CoreRuleSupport.label(runner) + " has its " + kind + " written in the file instead of "
                            + "${VARIABLE}",
                    config.source(), CoreRuleSupport.ref(runner), CoreRuleSupport.path(runner, "token"),
                    CoreRuleSupport.at(runner.token(), runner), DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
