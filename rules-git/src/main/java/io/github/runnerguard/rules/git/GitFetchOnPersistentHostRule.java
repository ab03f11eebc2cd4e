package io.github.runnerguard.rules.git;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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

/**
 * {@code git.fetch-on-persistent-host}: a runner whose build directories persist on the host (executor shell, ssh or
 * custom) lets jobs reuse an existing working copy: its {@code environment} sets {@code GIT_STRATEGY=fetch} (the
 * table severity), or does not set {@code clone}, {@code none} or {@code empty} (one level lower), which leaves the
 * choice to the project setting, where {@code git fetch} is GitLab's default for new projects.
 *
 * <p>gitlab-runner reads {@code GIT_STRATEGY} from the job's variables, with the runner's {@code environment} before
 * the job's own (common/build.go), so {@code GIT_STRATEGY=clone} in {@code environment} is the default for every job
 * that does not choose; a job can still choose {@code fetch} for itself, which exposes only its own checkout. Values
 * are case-sensitive; an invalid value falls back to the default like an unset one. Stateless and thread-safe.
 */
public final class GitFetchOnPersistentHostRule implements SecurityRule {

    private static final String VARIABLE = "GIT_STRATEGY";
    private static final Set<String> SAFE = Set.of("clone", "none", "empty");

    private static final String REMEDIATION = "Make every job start from a fresh clone unless it asks otherwise, and "
            + "clean up after it:\n"
            + "\n"
            + "  [[runners]]\n"
            + "    environment = [\"GIT_STRATEGY=clone\"]\n"
            + "    [runners.feature_flags]\n"
            + "      FF_ENABLE_JOB_CLEANUP = true\n"
            + "\n"
            + "Better, move jobs of different projects to an executor with a clean environment per job.\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "git.fetch-on-persistent-host",
            "Jobs reuse working copies on a persistent host",
            Severity.HIGH,
            TenancySeverity.of(null, Severity.HIGH, Severity.CRITICAL),
            "No finding on a runner dedicated to one trusted project. High (shared) or critical (multi-tenant) when "
                    + "environment sets GIT_STRATEGY=fetch; one level lower when it leaves the strategy to the "
                    + "project setting.",
            "With GIT_STRATEGY fetch the runner reuses the working copy a previous job left in the build directory. "
                    + "On a shell, SSH or custom host anyone whose job ran there can have changed that copy (hooks, "
                    + "git config, files) so that code runs in other users' pipelines, and the reflog keeps the "
                    + "contents of submodules the next job's user may have no access to.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/security/"
                    + "#security-risks-when-using-git_strategy-fetch-on-shared-environments"),
            List.of("Security for self-managed runners: Security risks when using `GIT_STRATEGY: fetch` on shared "
                            + "environments (https://docs.gitlab.com/runner/security/"
                            + "#security-risks-when-using-git_strategy-fetch-on-shared-environments)",
                    "Executors: Selecting the executor, the table marks shell and SSH as without a clean build environment "
                            + "for every build and custom as conditional "
                            + "(https://docs.gitlab.com/runner/executors/#selecting-the-executor)",
                    "CWE-668: Exposure of Resource to Wrong Sphere"),
            List.of("git", "isolation", "persistent-host"),
            List.of(),
            GitSupport.SINCE);

    /** Creates the rule. */
    public GitFetchOnPersistentHostRule() {
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
            if (!GitSupport.PERSISTENT_HOST_EXECUTORS.contains(executor)) {
                continue;
            }
            Optional<GitSupport.EnvEntry> strategy = GitSupport.lastEnvironment(runner, VARIABLE);
            String value = strategy.map(GitSupport.EnvEntry::value).orElse("");
            if (SAFE.contains(value)) {
                continue;
            }
            boolean explicitFetch = value.equals("fetch");
            Optional<Severity> severity = GitSupport.severity(DESCRIPTOR, context, runner)
                    .map(s -> explicitFetch ? s : s.lower());
            if (severity.isEmpty()) {
                continue;
            }
            String message;
            if (explicitFetch) {
                message = GitSupport.label(runner) + " (" + executor + ") sets GIT_STRATEGY=fetch: every job reuses "
                        + "the working copy earlier jobs left on the host";
            } else if (strategy.isPresent()) {
                message = GitSupport.label(runner) + " (" + executor + ") sets GIT_STRATEGY=" + value
                        + ", which gitlab-runner does not accept, so the project setting (fetch by default) decides "
                        + "whether jobs reuse working copies left on the host";
            } else {
                message = GitSupport.label(runner) + " (" + executor + ") does not set GIT_STRATEGY=clone: the "
                        + "project setting (fetch by default) decides whether jobs reuse working copies left on the "
                        + "host";
            }
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(), message, config.source(),
                    GitSupport.ref(runner),
                    strategy.map(GitSupport.EnvEntry::path).orElse(GitSupport.path(runner, "environment")),
                    strategy.map(GitSupport.EnvEntry::position).orElse(runner.position()),
                    DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
