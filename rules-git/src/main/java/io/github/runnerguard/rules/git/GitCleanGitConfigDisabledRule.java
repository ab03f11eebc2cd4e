package io.github.runnerguard.rules.git;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.config.Value;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code git.clean-git-config-disabled}: {@code clean_git_config = false}, or not set on the shell executor, where
 * gitlab-runner's default is {@code false} (shells/abstract.go {@code writeGitCleanupAllConfigs}; elsewhere the
 * default is {@code true}).
 *
 * <p>Parallels and VirtualBox are not checked: every job starts from the VM's snapshot or a new VM, so nothing a job
 * writes reaches the next. Runners without a known executor are not checked either. Stateless and thread-safe.
 */
public final class GitCleanGitConfigDisabledRule implements SecurityRule {

    private static final Set<String> FRESH_VM_EXECUTORS = Set.of("parallels", "virtualbox");

    private static final String REMEDIATION = "Remove .git/config and .git/hooks (also of submodules and the "
            + "template directory) before and after every job:\n"
            + "\n"
            + "  [[runners]]\n"
            + "    clean_git_config = true\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "git.clean-git-config-disabled",
            "Git configuration and hooks survive between jobs",
            Severity.LOW,
            TenancySeverity.of(null, Severity.LOW, Severity.MEDIUM),
            "No finding on a runner dedicated to one trusted project; low when several projects share it; medium "
                    + "when other organisations' jobs run on it.",
            "Without clean_git_config the runner keeps .git/config and .git/hooks of reused checkouts between jobs. "
                    + "A job can plant a hook or a config entry (core.fsmonitor, credential helpers, url rewrites) "
                    + "that runs code or redirects fetches in the next job that reuses the directory.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                    + "#cleaning-git-configuration"),
            List.of("Security for self-managed runners: Security risks when using `GIT_STRATEGY: fetch` on shared "
                            + "environments (https://docs.gitlab.com/runner/security/"
                            + "#security-risks-when-using-git_strategy-fetch-on-shared-environments)",
                    "Advanced configuration: Cleaning Git configuration, clean_git_config defaults to true, but to "
                            + "false for the shell executor (https://docs.gitlab.com/runner/configuration/"
                            + "advanced-configuration/#cleaning-git-configuration)",
                    "CWE-459: Incomplete Cleanup"),
            List.of("git", "cleanup"),
            List.of(),
            GitSupport.SINCE);

    /** Creates the rule. */
    public GitCleanGitConfigDisabledRule() {
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
            if (!GitSupport.EXECUTORS.contains(executor) || FRESH_VM_EXECUTORS.contains(executor)) {
                continue;
            }
            Value<Boolean> clean = runner.cleanGitConfig();
            boolean effective = clean.isSet() ? clean.orElse(Boolean.TRUE) : !executor.equals("shell");
            if (effective) {
                continue;
            }
            Optional<Severity> severity = GitSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            String message = clean.isSet()
                    ? GitSupport.label(runner) + " (" + executor + ") sets clean_git_config = false: git config and "
                            + "hooks written by one job stay for the next"
                    : GitSupport.label(runner) + " (shell) does not set clean_git_config = true, and the shell "
                            + "executor's default is false: git config and hooks written by one job stay for the next";
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(), message, config.source(), GitSupport.ref(runner),
                    GitSupport.path(runner, "clean_git_config"), GitSupport.at(clean, runner),
                    DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
