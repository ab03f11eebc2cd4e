package io.github.runnerguard.rules;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.github.runnerguard.config.CacheS3;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code cache.insecure-transport}: {@code [runners.cache.s3] Insecure = true} on a runner whose distributed cache is
 * S3 ({@code [runners.cache] Type = "s3"}, or {@code "s3v2"}) with a {@code ServerAddress}.
 *
 * <p>{@code Insecure} only changes the scheme of the endpoint built from {@code ServerAddress}
 * ({@code cacheconfig.go GetEndpoint}); without a {@code ServerAddress} the AWS endpoint (HTTPS) is used and the flag
 * has no effect, and without an S3 {@code Type} the section is not used: neither is flagged. A loopback
 * {@code ServerAddress} is not flagged (the traffic stays on the host). Stateless and thread-safe.
 */
public final class CacheInsecureTransportRule implements SecurityRule {

    private static final Set<String> S3_TYPES = Set.of("s3", "s3v2");

    private static final String REMEDIATION = "Serve the S3-compatible store over HTTPS and drop Insecure:\n"
            + "\n"
            + "  [runners.cache]\n"
            + "    Type = \"s3\"\n"
            + "    [runners.cache.s3]\n"
            + "      ServerAddress = \"minio.example.com:9000\"\n"
            + "      Insecure = false\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "cache.insecure-transport",
            "Distributed cache over plain HTTP",
            Severity.MEDIUM,
            TenancySeverity.always(Severity.MEDIUM),
            "The same for every tenancy: the attacker is on the network, not on the runner.",
            "With Insecure = true the runner and its jobs upload and download cache archives, and the pre-signed "
                    + "URLs that authorise them, over plain HTTP. Anyone on the path can read cached dependencies "
                    + "and build outputs or replace them with poisoned archives that later jobs restore and run.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                    + "#the-runnerscaches3-section"),
            List.of("Advanced configuration: The `[runners.cache.s3]` section, `Insecure` \"Set to true if the S3 "
                            + "service is available by HTTP\" (https://docs.gitlab.com/runner/configuration/"
                            + "advanced-configuration/#the-runnerscaches3-section)",
                    "CWE-319: Cleartext Transmission of Sensitive Information",
                    "CWE-494: Download of Code Without Integrity Check"),
            List.of("cache", "transport"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public CacheInsecureTransportRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            if (!S3_TYPES.contains(runner.cache().type().orElse(""))) {
                continue;
            }
            CacheS3 s3 = runner.cache().s3();
            String server = s3.serverAddress().orElse("");
            if (!s3.insecure().orElse(Boolean.FALSE) || server.isEmpty()
                    || CoreRuleSupport.isLoopback(CoreRuleSupport.stripPort(server))) {
                continue;
            }
            Optional<Severity> severity = CoreRuleSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                    CoreRuleSupport.label(runner) + " reaches its S3 cache at "
                            + server.substring(server.lastIndexOf('@') + 1)
                            + " over plain HTTP (Insecure = true)",
                    config.source(), CoreRuleSupport.ref(runner), CoreRuleSupport.path(runner, "cache.s3.Insecure"),
                    CoreRuleSupport.at(s3.insecure(), runner), DESCRIPTOR.remediation()));
        }
        return findings;
    }
}
