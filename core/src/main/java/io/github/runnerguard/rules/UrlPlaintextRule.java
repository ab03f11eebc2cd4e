package io.github.runnerguard.rules;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * {@code runner.url-plaintext}: a runner's {@code url} or {@code clone_url} uses plain {@code http://}, so the runner
 * token and every job token cross the network in clear text.
 *
 * <p>A URL whose host is {@code localhost} or a loopback address is not flagged: that traffic never leaves the host.
 * A {@code $VAR} value cannot be judged and is not flagged. Stateless and thread-safe.
 */
public final class UrlPlaintextRule implements SecurityRule {

    private static final String REMEDIATION = "Serve GitLab over HTTPS and point the runner at the https:// address; "
            + "if clones must use another address, give that one HTTPS too:\n"
            + "\n"
            + "  [[runners]]\n"
            + "    url = \"https://gitlab.example.com\"\n"
            + "    clone_url = \"https://gitlab-internal.example.com\"\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "runner.url-plaintext",
            "GitLab URL or clone URL uses plain HTTP",
            Severity.HIGH,
            TenancySeverity.always(Severity.HIGH),
            "The same for every tenancy: whoever can read the network between the runner and GitLab gets the "
                    + "runner token and the job tokens, whoever shares the runner.",
            "The runner authenticates to GitLab with its runner token on every request to url, and clones through "
                    + "clone_url with the job token in the URL (http://gitlab-ci-token:<job token>@host/...). Over "
                    + "http:// both travel in clear text, so anyone on the path can take over the runner's jobs or "
                    + "act with a job's permissions while it runs.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/#how-clone_url-works"),
            List.of("Advanced configuration: How `clone_url` works, the job token in the clone URL "
                            + "(https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                            + "#how-clone_url-works)",
                    "Advanced configuration: The `[[runners]]` section, `url` (https://docs.gitlab.com/runner/"
                            + "configuration/advanced-configuration/#the-runners-section)",
                    "CWE-319: Cleartext Transmission of Sensitive Information"),
            List.of("runner", "token", "transport"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public UrlPlaintextRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            Optional<Severity> severity = CoreRuleSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            check(config, runner, runner.url(), "url", "its runner token and every job token", severity.get(),
                    findings);
            check(config, runner, runner.cloneUrl(), "clone_url", "every job token", severity.get(), findings);
        }
        return findings;
    }

    private static void check(RunnerConfig config, Runner runner, Value<String> url, String key, String what,
                              Severity severity, List<Finding> findings) {
        String text = url.orElse("");
        if (!url.isSet() || !text.toLowerCase(Locale.ROOT).startsWith("http://")) {
            return;
        }
        String host = CoreRuleSupport.urlHost(text);
        if (host.isEmpty() || CoreRuleSupport.isLoopback(host)) {
            return;
        }
        findings.add(new Finding(DESCRIPTOR.id(), severity,
                CoreRuleSupport.label(runner) + " sends " + what + " over plain HTTP: " + key + " = \""
                        + CoreRuleSupport.redactUserInfo(text) + "\"",
                config.source(), CoreRuleSupport.ref(runner), CoreRuleSupport.path(runner, key),
                CoreRuleSupport.at(url, runner), DESCRIPTOR.remediation()));
    }
}
