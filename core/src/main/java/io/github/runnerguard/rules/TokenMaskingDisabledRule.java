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
 * {@code runner.token-masking-disabled}: the feature flag {@code FF_MASK_ALL_DEFAULT_TOKENS} is turned off, in
 * {@code [runners.feature_flags]} or through {@code environment}, so GitLab token patterns ({@code glpat-},
 * {@code glrt-}, job tokens, ...) are no longer masked in job logs.
 *
 * <p>The flag's default is {@code true}; the value read is the one gitlab-runner uses for jobs that do not set it
 * themselves ({@code [runners.feature_flags]} first, else the last valid {@code environment} entry). Stateless and
 * thread-safe.
 */
public final class TokenMaskingDisabledRule implements SecurityRule {

    static final String FLAG = "FF_MASK_ALL_DEFAULT_TOKENS";

    private static final String REMEDIATION = "Remove the override (the flag is on by default), or pin it on so that "
            + "no job can turn it off:\n"
            + "\n"
            + "  [runners.feature_flags]\n"
            + "    FF_MASK_ALL_DEFAULT_TOKENS = true\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "runner.token-masking-disabled",
            "Masking of GitLab tokens in job logs turned off",
            Severity.MEDIUM,
            TenancySeverity.of(Severity.MEDIUM, Severity.MEDIUM, Severity.HIGH),
            "Medium for one organisation; high when other organisations' jobs run on the runner, whose logs may "
                    + "be read by people outside the token owner's project.",
            "FF_MASK_ALL_DEFAULT_TOKENS makes the runner mask every known GitLab token pattern in job logs, "
                    + "whether or not the token was declared as a masked variable. Turning it off lets a token "
                    + "printed by a script, a tool or debug output reach everyone who can read the job log.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/feature-flags/#available-feature-flags"),
            List.of("Security for self-managed runners: secret variables exposed to jobs, CI_JOB_TOKEN included, can "
                            + "be stolen (https://docs.gitlab.com/runner/security/)",
                    "GitLab Runner feature flags: Available feature flags, `FF_MASK_ALL_DEFAULT_TOKENS` (default true) "
                            + "(https://docs.gitlab.com/runner/configuration/feature-flags/#available-feature-flags)",
                    "CWE-532: Insertion of Sensitive Information into Log File"),
            List.of("runner", "token", "logging", "feature-flag"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public TokenMaskingDisabledRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            CoreRuleSupport.FlagSetting flag = CoreRuleSupport.featureFlag(runner, FLAG, true);
            if (flag.value()) {
                continue;
            }
            Optional<Severity> severity = CoreRuleSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            String where = flag.source() == CoreRuleSupport.FlagSource.FEATURE_FLAGS
                    ? "[runners.feature_flags]" : "environment";
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                    CoreRuleSupport.label(runner) + " turns " + FLAG + " off in " + where
                            + ": GitLab tokens printed by a job are not masked in its log",
                    config.source(), CoreRuleSupport.ref(runner), flag.path(), flag.position(),
                    DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
