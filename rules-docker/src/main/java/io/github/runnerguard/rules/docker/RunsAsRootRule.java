package io.github.runnerguard.rules.docker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.DockerSettings;
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
 * {@code docker.runs-as-root}: {@code [runners.docker] user} is unset, {@code root}, {@code 0} or {@code 0:…}, so
 * jobs run as root in their containers.
 *
 * <p>Stateless and thread-safe.
 */
public final class RunsAsRootRule implements SecurityRule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "docker.runs-as-root",
            "Jobs run as root in their containers",
            Severity.LOW,
            TenancySeverity.of(null, Severity.LOW, Severity.MEDIUM),
            "Root in the container is one step from root on the host when any other weakness exists: not reported "
                    + "for a dedicated runner, low on a shared one, medium when several organisations share it.",
            "The user key of [runners.docker] wins over the image and the job; when it is unset a job runs as its "
                    + "image's default user, which is root for most images, and (without allowed_users) a job may "
                    + "ask for any user, root included. GitLab's guidance is to run jobs as a non-root user. Not "
                    + "reported for docker-windows, where users are not Linux UIDs.",
            "Run jobs as an unprivileged user that exists in the job images:\n"
                    + "\n"
                    + "[runners.docker]\n"
                    + "  user = \"1000:1000\"\n",
            URI.create("https://docs.gitlab.com/runner/executors/docker/#specify-which-user-runs-the-job"),
            List.of("Security for self-managed runners: Usage of Docker executor (https://docs.gitlab.com/runner/"
                            + "security/#usage-of-docker-executor)",
                    "CWE-250: Execution with Unnecessary Privileges"),
            List.of("docker", "user", "hardening"),
            List.of(),
            DockerRules.SINCE);

    /** Creates the rule (for {@link java.util.ServiceLoader}). */
    public RunsAsRootRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            if (!DockerRules.applies(config, runner) || DockerRules.windows(runner)) {
                continue;
            }
            Optional<Severity> severity = DockerRules.severity(DESCRIPTOR, runner, context);
            if (severity.isEmpty()) {
                continue;
            }
            DockerSettings docker = runner.docker();
            Value<String> user = docker.user();
            String value = user.orElse("");
            String message;
            if (value.isEmpty()) {
                List<String> allowed = docker.allowedUsers().orElse(List.of());
                message = DockerRules.label(runner) + " sets no user ("
                        + (user.isSet() ? "user = \"\"" : "user is unset")
                        + "), so jobs run as their image's default user, root for most images"
                        + (allowed.isEmpty() ? ", and a job may ask for any user, root included."
                        : (allowed.stream().anyMatch(RunsAsRootRule::isRoot)
                        ? ", and allowed_users = " + DockerRules.toml(allowed) + " lets a job ask for root."
                        : "."));
            } else if (isRoot(value)) {
                message = DockerRules.label(runner) + " runs every job as root (user = \"" + value + "\").";
            } else {
                continue;
            }
            findings.add(DockerRules.finding(DESCRIPTOR, severity.get(), config, runner,
                    DockerRules.dockerPath(runner, "user"), DockerRules.at(user, runner), message,
                    DESCRIPTOR.remediation()));
        }
        return findings;
    }

    /** True for {@code root}, {@code 0}, and either with a group ({@code 0:0}, {@code root:wheel}). */
    static boolean isRoot(String user) {
        int colon = user.indexOf(':');
        String name = colon < 0 ? user : user.substring(0, colon);
        return name.equals("root") || !name.isEmpty() && name.chars().allMatch(c -> c == '0');
    }
}
