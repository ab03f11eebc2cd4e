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
 * {@code git.custom-build-dir-on-shared-host}: a shell or SSH runner turns on {@code [runners.custom_build_dir]
 * enabled = true} (off by default for these executors), so a job's {@code GIT_CLONE_PATH} may name any directory
 * under {@code builds_dir}.
 *
 * <p>gitlab-runner only checks that the path stays inside {@code builds_dir} ({@code getCustomBuildDir} in
 * common/build.go), which is where every project's checkout lives. Stateless and thread-safe.
 */
public final class GitCustomBuildDirOnSharedHostRule implements SecurityRule {

    private static final Set<String> SHARED_HOST_EXECUTORS = Set.of("shell", "ssh");

    private static final String REMEDIATION = "Turn custom build directories off on shell and SSH runners (their "
            + "default), so every project clones into its own directory:\n"
            + "\n"
            + "  [runners.custom_build_dir]\n"
            + "    enabled = false\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "git.custom-build-dir-on-shared-host",
            "Jobs choose their clone path on a shared host",
            Severity.MEDIUM,
            TenancySeverity.of(Severity.LOW, Severity.MEDIUM, Severity.HIGH),
            "Low on a runner dedicated to one trusted project; medium when several projects share the host; high "
                    + "when other organisations' jobs run there.",
            "With custom build directories a job sets GIT_CLONE_PATH to any path under builds_dir, including the "
                    + "directory of another project's checkout on the same host. It can then read that project's "
                    + "code or leave changes that the other project's next job, fetching into the same directory, "
                    + "runs.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                    + "#the-runnerscustom_build_dir-section"),
            List.of("Security for self-managed runners: Security risks when using `GIT_STRATEGY: fetch` on shared "
                            + "environments (https://docs.gitlab.com/runner/security/"
                            + "#security-risks-when-using-git_strategy-fetch-on-shared-environments)",
                    "Advanced configuration: The `[runners.custom_build_dir]` section, \"use caution when you use it "
                            + "with executors that share builds_dir\" (https://docs.gitlab.com/runner/configuration/"
                            + "advanced-configuration/#the-runnerscustom_build_dir-section)",
                    "CWE-668: Exposure of Resource to Wrong Sphere"),
            List.of("git", "isolation", "persistent-host"),
            List.of(),
            GitSupport.SINCE);

    /** Creates the rule. */
    public GitCustomBuildDirOnSharedHostRule() {
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
            if (!SHARED_HOST_EXECUTORS.contains(executor)) {
                continue;
            }
            Value<Boolean> enabled = runner.customBuildDir().enabled();
            if (!enabled.isSet() || !enabled.orElse(Boolean.FALSE)) {
                continue;
            }
            Optional<Severity> severity = GitSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                    GitSupport.label(runner) + " (" + executor + ") enables custom_build_dir: a job can clone into "
                            + "another project's directory under builds_dir",
                    config.source(), GitSupport.ref(runner), GitSupport.path(runner, "custom_build_dir.enabled"),
                    GitSupport.at(enabled, runner), DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
