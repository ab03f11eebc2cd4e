package io.github.runnerguard.rules.docker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.DockerSettings;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code docker.pull-policy-if-not-present}: jobs can use the {@code if-not-present} pull policy, so a job can run a
 * private image another project pulled to the same host earlier.
 *
 * <p>gitlab-runner's effective policies ({@code helpers/pull_policies}): with {@code allowed_pull_policies} empty, jobs
 * use {@code pull_policy} (default {@code always}); with it set, a job may pick any policy of that list. So the policy
 * is usable when {@code allowed_pull_policies} contains it, or when that list is empty and {@code pull_policy}
 * contains it. Policy names are compared exactly, as gitlab-runner does.
 *
 * <p>Stateless and thread-safe.
 */
public final class PullPolicyIfNotPresentRule implements SecurityRule {

    static final String IF_NOT_PRESENT = "if-not-present";

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.pull-policy-if-not-present",
            "Jobs can use images other projects pulled, without credentials",
            Severity.MEDIUM,
            TenancySeverity.of(null, Severity.MEDIUM, Severity.HIGH),
            "The leak is between projects: not reported for a dedicated runner, medium when projects of one "
                    + "organisation share it, high for several organisations. One level lower when every job gets "
                    + "a fresh VM (MaxBuilds = 1, or max_use_count = 1 with capacity_per_instance = 1), which "
                    + "leaves no image of another job behind.",
            "With the if-not-present pull policy the runner uses an image already on the host without asking the "
                    + "registry, even when the job could not have pulled it: a user without access to a private image "
                    + "runs it because another project pulled it earlier. A policy list such as [\"always\", "
                    + "\"if-not-present\"] falls back to the local image in the same way, and allowed_pull_policies "
                    + "lets jobs pick if-not-present in .gitlab-ci.yml.",
            "Pull every image on every job, and do not let jobs choose another policy:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  pull_policy = [\"always\"]\n"
                    + "  allowed_pull_policies = [\"always\"]\n",
            URI.create("https://docs.gitlab.com/runner/security/"
                    + "#usage-of-private-docker-images-with-if-not-present-pull-policy"),
            List.of("Security for self-managed runners: Usage of private Docker images with `if-not-present` pull "
                            + "policy (https://docs.gitlab.com/runner/security/"
                            + "#usage-of-private-docker-images-with-if-not-present-pull-policy)",
                    "CWE-862: Missing Authorization"),
            List.of("docker", "images", "pull-policy", "multi-project"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public PullPolicyIfNotPresentRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            if (!DockerRules.applies(config, runner)) {
                continue;
            }
            Optional<Severity> base = DockerRules.severity(DESCRIPTOR, runner, context);
            if (base.isEmpty()) {
                continue;
            }
            DockerSettings docker = runner.docker();
            List<DockerRules.Element> allowed = DockerRules.elements(runner, docker.raw(), "docker",
                    "allowed_pull_policies", docker.allowedPullPolicies());
            List<DockerRules.Element> policies = DockerRules.elements(runner, docker.raw(), "docker", "pull_policy",
                    docker.pullPolicy());
            // Unset, the model's allowed_pull_policies holds pull_policy's value; gitlab-runner then uses pull_policy.
            boolean fromAllowed = docker.allowedPullPolicies().isSet() && !allowed.isEmpty();
            List<DockerRules.Element> usable = fromAllowed ? allowed : policies;
            Optional<DockerRules.Element> ifNotPresent = usable.stream()
                    .filter(e -> e.value().equals(IF_NOT_PRESENT)).findFirst();
            if (ifNotPresent.isEmpty()) {
                continue;
            }
            List<String> values = usable.stream().map(DockerRules.Element::value).toList();
            String how = fromAllowed
                    ? "lets jobs choose the if-not-present pull policy (allowed_pull_policies = "
                    + DockerRules.toml(values) + ")"
                    : values.size() == 1 ? "pulls job images with the if-not-present policy (pull_policy)"
                    : "pulls job images with the policies " + DockerRules.toml(values)
                    + ", which fall back to a local image (pull_policy)";
            Optional<String> singleUse = VmReuse.singleUse(runner);
            Severity severity = singleUse.isPresent() ? base.get().lower() : base.get();
            String message = DockerRules.label(runner) + " " + how + ": a job can run a private image that another "
                    + "project pulled to the same host earlier, without credentials for it."
                    + singleUse.map(s -> " Each job gets a fresh VM (" + s + "), which leaves no other job's images "
                    + "behind.").orElse("");
            findings.add(DockerRules.finding(DESCRIPTOR, severity, config, runner, ifNotPresent.get().keyPath(),
                    ifNotPresent.get().position(), message, DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
