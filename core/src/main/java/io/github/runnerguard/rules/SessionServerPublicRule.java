package io.github.runnerguard.rules;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.config.Value;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code runner.session-server-public}: {@code [session_server] listen_address} binds every interface
 * ({@code 0.0.0.0:p}, {@code [::]:p}, {@code :p}).
 *
 * <p>The session server opens interactive web terminals into running jobs. It uses TLS and a per-session token, but
 * bound to every interface it is reachable from every network the host is on. An address without a port is not
 * flagged: gitlab-runner cannot listen on it. The severity is the worst over the file's runners' tenancies.
 * Stateless and thread-safe.
 */
public final class SessionServerPublicRule implements SecurityRule {

    private static final String REMEDIATION = "Listen only on the interface GitLab reaches, advertise that address, "
            + "and allow only GitLab's addresses to the port; delete [session_server] if nobody uses web terminals:\n"
            + "\n"
            + "  [session_server]\n"
            + "    listen_address = \"10.0.0.5:8093\"\n"
            + "    advertise_address = \"runner-1.internal.example.com:8093\"\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "runner.session-server-public",
            "Web terminal server listens on every interface",
            Severity.LOW,
            TenancySeverity.of(Severity.LOW, Severity.LOW, Severity.MEDIUM),
            "Low for one organisation; medium when other organisations' jobs run on the runner, because a "
                    + "terminal session reaches into their jobs.",
            "The session server gives interactive web terminals into running jobs (a shell where the job runs, "
                    + "with its variables). Bound to every interface, its TLS endpoint is exposed to every network "
                    + "the host is on instead of only to GitLab, so any flaw or leaked session URL is reachable "
                    + "from there.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                    + "#the-session_server-section"),
            List.of("Security for self-managed runners: Network segmentation (https://docs.gitlab.com/runner/security/"
                            + "#network-segmentation)",
                    "Advanced configuration: The `[session_server]` section (https://docs.gitlab.com/runner/"
                            + "configuration/advanced-configuration/#the-session_server-section)",
                    "CWE-668: Exposure of Resource to Wrong Sphere"),
            List.of("network", "terminal"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public SessionServerPublicRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        Value<String> address = config.global().sessionServer().listenAddress();
        String text = address.orElse("");
        if (!address.isSet() || text.isEmpty()) {
            return List.of();
        }
        Optional<String> host = CoreRuleSupport.listenHost(text, false);
        if (host.isEmpty() || !CoreRuleSupport.isUnspecifiedHost(host.get())) {
            return List.of();
        }
        Optional<Severity> severity = CoreRuleSupport.worstSeverity(DESCRIPTOR, context, config);
        if (severity.isEmpty()) {
            return List.of();
        }
        return List.of(new Finding(DESCRIPTOR.id(), severity.get(),
                "[session_server] listen_address = \"" + text + "\" exposes web terminals into jobs on every "
                        + "interface",
                config.source(), null, "session_server.listen_address", address.position(),
                DESCRIPTOR.remediation()));
    }
}
