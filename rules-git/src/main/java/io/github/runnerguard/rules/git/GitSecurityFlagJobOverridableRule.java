package io.github.runnerguard.rules.git;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigTable;
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
 * {@code git.security-flag-job-overridable}: a security-relevant feature flag is set through {@code environment}
 * and not in {@code [runners.feature_flags]}, so any job can override it with a variable of the same name.
 *
 * <p>The flags: {@code FF_ENABLE_JOB_CLEANUP}, {@code FF_GIT_URLS_WITHOUT_TOKENS}, {@code FF_MASK_ALL_DEFAULT_TOKENS}
 * (any executor), {@code FF_DISABLE_UMASK_FOR_DOCKER_EXECUTOR} (Docker executors) and
 * {@code FF_DISABLE_UMASK_FOR_KUBERNETES_EXECUTOR} (kubernetes). gitlab-runner resolves a flag from
 * {@code [runners.feature_flags]} first and ignores job variables for it; otherwise the job's variables, which come
 * after the runner's {@code environment}, win (common/build_settings.go {@code populateFeatureFlags}). An entry whose
 * value Go's {@code ParseBool} rejects has no effect and is not reported, nor is a runner without a known executor
 * (it runs no job). Stateless and thread-safe.
 */
public final class GitSecurityFlagJobOverridableRule implements SecurityRule {

    /** Each flag and the executors it affects (empty: every executor). */
    static final Map<String, Set<String>> FLAGS = Map.of(
            "FF_ENABLE_JOB_CLEANUP", Set.of(),
            "FF_GIT_URLS_WITHOUT_TOKENS", Set.of(),
            "FF_MASK_ALL_DEFAULT_TOKENS", Set.of(),
            "FF_DISABLE_UMASK_FOR_DOCKER_EXECUTOR", GitSupport.DOCKER_EXECUTORS,
            "FF_DISABLE_UMASK_FOR_KUBERNETES_EXECUTOR", Set.of("kubernetes"));

    /** {@link #FLAGS} by name, the order of the findings of one runner. */
    private static final List<Map.Entry<String, Set<String>>> SORTED_FLAGS = FLAGS.entrySet().stream()
            .sorted(Map.Entry.comparingByKey()).toList();

    private static final String REMEDIATION = "Move the flag from environment to [runners.feature_flags], the one "
            + "place jobs cannot override:\n"
            + "\n"
            + "  [[runners]]\n"
            + "    environment = []\n"
            + "    [runners.feature_flags]\n"
            + "      FF_ENABLE_JOB_CLEANUP = true\n"
            + "      FF_GIT_URLS_WITHOUT_TOKENS = true\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "git.security-flag-job-overridable",
            "Security feature flag set where jobs can override it",
            Severity.LOW,
            TenancySeverity.of(Severity.LOW, Severity.LOW, Severity.MEDIUM),
            "Low for one organisation; medium when other organisations' jobs run on the runner and may switch the "
                    + "protection off.",
            "A feature flag set through environment is only a default: any job that sets a variable of the same "
                    + "name gets its own value, so the clean-up, token or masking protection the flag gives is the "
                    + "job author's choice. Flags in [runners.feature_flags] cannot be overridden by jobs.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/feature-flags/"
                    + "#enable-feature-flag-in-runner-configuration"),
            List.of("GitLab Runner feature flags: Enable feature flag in runner configuration, [runners.feature_flags] "
                            + "\"prevents any job from overriding the feature flag values\" (https://docs.gitlab.com/"
                            + "runner/configuration/feature-flags/#enable-feature-flag-in-runner-configuration)",
                    "CWE-15: External Control of System or Configuration Setting"),
            List.of("feature-flag", "configuration"),
            List.of(),
            GitSupport.SINCE);

    /** Creates the rule. */
    public GitSecurityFlagJobOverridableRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            String executor = GitSupport.executor(runner);
            Optional<Severity> severity = GitSupport.severity(DESCRIPTOR, context, runner);
            if (!GitSupport.EXECUTORS.contains(executor) || severity.isEmpty()) {
                continue;
            }
            @Nullable ConfigTable featureFlags = GitSupport.featureFlagTable(runner);
            @Nullable ConfigArray environment = GitSupport.environmentArray(runner);
            for (Map.Entry<String, Set<String>> flag : SORTED_FLAGS) {
                if (!flag.getValue().isEmpty() && !flag.getValue().contains(executor)) {
                    continue;
                }
                if (GitSupport.featureFlagEntry(featureFlags, flag.getKey()).isPresent()) {
                    continue;
                }
                Optional<GitSupport.EnvEntry> entry = GitSupport.lastEnvironment(environment, flag.getKey());
                if (entry.isEmpty() || GitSupport.parseGoBool(entry.get().value()).isEmpty()) {
                    continue;
                }
                findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                        GitSupport.label(runner) + " sets " + flag.getKey() + "=" + entry.get().value()
                                + " through environment, where any job can override it",
                        config.source(), GitSupport.ref(runner), entry.get().path(),
                        entry.get().position() != null ? entry.get().position() : runner.position(),
                        DESCRIPTOR.remediation()));
            }
        }
        return findings;
    }
}
