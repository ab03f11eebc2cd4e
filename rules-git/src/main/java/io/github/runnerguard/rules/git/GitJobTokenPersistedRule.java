package io.github.runnerguard.rules.git;

import java.net.URI;
import java.util.List;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code git.job-token-persisted}: a runner whose jobs use the host's own git (executor shell, ssh or custom) runs
 * without {@code FF_GIT_URLS_WITHOUT_TOKENS} (default {@code false}), so git commands carry the job token in their
 * URLs and a credential helper installed on the host may store it.
 *
 * <p>The effective value is read as gitlab-runner does: {@code [runners.feature_flags]}, else {@code environment},
 * else the default. Parallels and VirtualBox are not checked: each job starts from the VM's snapshot or a new VM, so
 * a stored credential does not reach the next job. Stateless and thread-safe.
 */
public final class GitJobTokenPersistedRule implements SecurityRule {

    private static final String FLAG = "FF_GIT_URLS_WITHOUT_TOKENS";

    private static final String REMEDIATION = "Keep the job token out of git URLs and configuration; the runner then "
            + "hands it to git through its own credential helper:\n"
            + "\n"
            + "  [runners.feature_flags]\n"
            + "    FF_GIT_URLS_WITHOUT_TOKENS = true\n"
            + "\n"
            + "Also remove caching credential helpers (credential.helper store/cache, Git Credential Manager) from "
            + "the runner user's git configuration.\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "git.job-token-persisted",
            "Job token may be stored by the host's git credential helper",
            Severity.LOW,
            TenancySeverity.of(null, Severity.LOW, Severity.MEDIUM),
            "No finding on a runner dedicated to one trusted project; low when several projects share the host; "
                    + "medium when other organisations' jobs run there.",
            "With FF_GIT_URLS_WITHOUT_TOKENS off (the default) the runner writes CI_JOB_TOKEN into the remote URL "
                    + "in the checkout's .git/config (kept after the job unless clean_git_config removes it), and a "
                    + "credential helper installed on the host can store the last one it saw. On a shell, SSH or "
                    + "custom host, jobs of other projects run as the same user and can read it while it is valid.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/executors/#git-requirements-for-non-docker-executors"),
            List.of("Security for self-managed runners: secret variables exposed to jobs, CI_JOB_TOKEN included, can "
                            + "be stolen (https://docs.gitlab.com/runner/security/)",
                    "Executors: Git requirements for non-Docker executors, with FF_GIT_URLS_WITHOUT_TOKENS = false the "
                            + "last CI_JOB_TOKEN is stored in pre-installed Git credential helpers "
                            + "(https://docs.gitlab.com/runner/executors/#git-requirements-for-non-docker-executors)",
                    "CWE-522: Insufficiently Protected Credentials"),
            List.of("git", "token", "feature-flag", "persistent-host"),
            List.of(),
            GitSupport.SINCE);

    /** Creates the rule. */
    public GitJobTokenPersistedRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        return GitSupport.flagNotEnabled(config, context, DESCRIPTOR, FLAG,
                "git on the host gets the job token in its URLs, and a credential helper there may keep it");
    }
}
