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
 * {@code runner.metrics-public}: the global {@code listen_address} binds every interface ({@code 0.0.0.0:p},
 * {@code [::]:p}, {@code :p}, or such a host without a port, which gitlab-runner completes with {@code :9252}).
 *
 * <p>That listener serves {@code /metrics}, {@code /debug/jobs/list} and {@code /debug/pprof/*} without
 * authentication ({@code commands/multi.go}). An address gitlab-runner would reject is not flagged: nothing listens.
 * A {@code --listen-address} flag or {@code LISTEN_ADDRESS} variable of the process takes precedence and cannot be
 * seen here. The severity is the worst over the file's runners' tenancies. Stateless and thread-safe.
 */
public final class MetricsPublicRule implements SecurityRule {

    private static final String REMEDIATION = "Bind the metrics server to loopback, or to the one interface your "
            + "Prometheus scrapes from, and firewall that port:\n"
            + "\n"
            + "  listen_address = \"127.0.0.1:9252\"\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "runner.metrics-public",
            "Metrics and debug server listens on every interface",
            Severity.MEDIUM,
            TenancySeverity.always(Severity.MEDIUM),
            "The same for every tenancy: the exposure is to the network, not to the runner's jobs.",
            "listen_address starts an HTTP server without authentication that serves Prometheus metrics, the "
                    + "list of running jobs (/debug/jobs/list) and Go's pprof profiler (/debug/pprof). Bound to "
                    + "every "
                    + "interface, it tells anyone who can reach the host which projects run there and lets them "
                    + "load the runner with profiling requests.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/#the-global-section"),
            List.of("Security for self-managed runners: Network segmentation (https://docs.gitlab.com/runner/security/"
                            + "#network-segmentation)",
                    "Advanced configuration: The global section, `listen_address` (https://docs.gitlab.com/runner/"
                            + "configuration/advanced-configuration/#the-global-section)",
                    "gitlab-runner 19.4.0 commands/multi.go: the listen_address server also serves /debug/jobs/list "
                            + "and /debug/pprof (https://gitlab.com/gitlab-org/gitlab-runner/-/blob/main/commands/"
                            + "multi.go)",
                    "CWE-306: Missing Authentication for Critical Function",
                    "CWE-200: Exposure of Sensitive Information to an Unauthorized Actor"),
            List.of("network", "metrics"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public MetricsPublicRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        Value<String> address = config.global().listenAddress();
        String text = address.orElse("");
        if (!address.isSet() || text.isEmpty()) {
            return List.of();
        }
        Optional<String> host = CoreRuleSupport.listenHost(text, true);
        if (host.isEmpty() || !CoreRuleSupport.isUnspecifiedHost(host.get())) {
            return List.of();
        }
        Optional<Severity> severity = CoreRuleSupport.worstSeverity(DESCRIPTOR, context, config);
        if (severity.isEmpty()) {
            return List.of();
        }
        return List.of(new Finding(DESCRIPTOR.id(), severity.get(),
                "listen_address = \"" + text + "\" serves metrics, /debug/jobs/list and /debug/pprof without "
                        + "authentication on every interface",
                config.source(), null, "listen_address", address.position(), DESCRIPTOR.remediation()));
    }
}
