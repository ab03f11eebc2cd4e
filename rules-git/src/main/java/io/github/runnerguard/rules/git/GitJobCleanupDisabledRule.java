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
 * {@code git.job-cleanup-disabled}: a runner whose build directories persist on the host (executor shell, ssh or
 * custom) runs jobs without {@code FF_ENABLE_JOB_CLEANUP} (default {@code false}), so each project's checkout stays
 * on the host after its job.
 *
 * <p>The effective value is read as gitlab-runner does: {@code [runners.feature_flags]}, else {@code environment}
 * (which {@code git.security-flag-job-overridable} reports), else the default. Parallels and VirtualBox are not
 * checked: every job starts from the VM's snapshot or a new VM. Stateless and thread-safe.
 */
public final class GitJobCleanupDisabledRule implements SecurityRule {

    private static final String FLAG = "FF_ENABLE_JOB_CLEANUP";

    private static final String REMEDIATION = "Clean the project directory at the end of every job, in the table "
            + "jobs cannot override:\n"
            + "\n"
            + "  [runners.feature_flags]\n"
            + "    FF_ENABLE_JOB_CLEANUP = true\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "git.job-cleanup-disabled",
            "Build directory left on the host after each job",
            Severity.LOW,
            TenancySeverity.of(null, Severity.LOW, Severity.MEDIUM),
            "No finding on a runner dedicated to one trusted project; low when several projects share the host; "
                    + "medium when other organisations' jobs run there.",
            "Without FF_ENABLE_JOB_CLEANUP the runner leaves each project's checkout, with its files and git "
                    + "history, in the build directory after the job. On a shell, SSH or custom host the next job "
                    + "of any project runs as the same user and can read it; GitLab recommends the flag on static "
                    + "hosts.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/security/#clean-up-the-git-folder-after-each-build"),
            List.of("Security for self-managed runners: Secure the runner host (https://docs.gitlab.com/runner/"
                            + "security/#secure-the-runner-host)",
                    "Security for self-managed runners: Clean up the `.git` folder after each build, "
                            + "FF_ENABLE_JOB_CLEANUP on static hosts (https://docs.gitlab.com/runner/security/"
                            + "#clean-up-the-git-folder-after-each-build)",
                    "CWE-459: Incomplete Cleanup"),
            List.of("git", "cleanup", "feature-flag", "persistent-host"),
            List.of(),
            GitSupport.SINCE);

    /** Creates the rule. */
    public GitJobCleanupDisabledRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        return GitSupport.flagNotEnabled(config, context, DESCRIPTOR, FLAG,
                "every project's checkout stays on the host after its job");
    }
}
