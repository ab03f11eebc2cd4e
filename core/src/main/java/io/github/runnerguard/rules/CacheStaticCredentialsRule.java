package io.github.runnerguard.rules;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
 * {@code cache.static-credentials}: a cache section holds a credential inline: {@code [runners.cache.s3]}
 * {@code SecretKey} or {@code SessionToken}, {@code [runners.cache.gcs] PrivateKey}, {@code [runners.cache.azure]
 * AccountKey}.
 *
 * <p>One finding per section that holds one, at the first secret key written. The credential is flagged whether or
 * not {@code Type} selects that section: it is in the file either way. An S3 {@code AccessKey} alone is an
 * identifier, not a secret. Messages never show the value. Stateless and thread-safe.
 */
public final class CacheStaticCredentialsRule implements SecurityRule {

    private static final String REMEDIATION = "Let the runner manager get credentials from its platform instead of "
            + "the file: an IAM instance profile or IRSA role for S3 (AuthenticationType = \"iam\", or RoleARN), a "
            + "credentials file or Workload Identity for GCS, a managed identity for Azure; then delete the keys and "
            + "rotate them:\n"
            + "\n"
            + "  [runners.cache.s3]\n"
            + "    AuthenticationType = \"iam\"\n"
            + "    BucketName = \"runner-cache\"\n"
            + "  [runners.cache.gcs]\n"
            + "    CredentialsFile = \"/etc/gitlab-runner/gcs-cache.json\"\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "cache.static-credentials",
            "Cache storage credentials written in config.toml",
            Severity.LOW,
            TenancySeverity.always(Severity.LOW),
            "The same for every tenancy: the exposure is through the file, and the runner manager (not the jobs) "
                    + "uses the keys.",
            "Static cache keys in config.toml usually grant bucket-wide access; they travel with every copy, backup "
                    + "and commit of the file and do not expire. The runner manager can instead obtain short-lived "
                    + "credentials from its platform (instance roles, workload or managed identities).",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                    + "#the-runnerscaches3-section"),
            List.of("Advanced configuration: Authentication, S3 static credentials vs. the AWS SDK default credential "
                            + "chain (https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                            + "#authentication)",
                    "Advanced configuration: The `[runners.cache.gcs]` section, CredentialsFile takes precedence over "
                            + "inline AccessID and PrivateKey (https://docs.gitlab.com/runner/configuration/"
                            + "advanced-configuration/#the-runnerscachegcs-section)",
                    "Advanced configuration: Azure workload and managed identities, omit AccountKey "
                            + "(https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                            + "#azure-workload-and-managed-identities)",
                    "gitlab-runner 19.4.0 common/config.go: Config.Masked() treats [runners.cache.s3] AccessKey, "
                            + "SecretKey and SessionToken, [runners.cache.gcs] PrivateKey and [runners.cache.azure] "
                            + "AccountKey as secrets (https://gitlab.com/gitlab-org/gitlab-runner/-/blob/main/common/"
                            + "config.go)",
                    "CWE-522: Insufficiently Protected Credentials"),
            List.of("cache", "secret"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public CacheStaticCredentialsRule() {
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
            var s3 = runner.cache().s3();
            if (written(s3.secretKey()) || written(s3.sessionToken())) {
                add(findings, config, runner, severity.get(), "S3", "cache.s3",
                        List.of(new Key("SecretKey", s3.secretKey()), new Key("SessionToken", s3.sessionToken())));
            }
            if (written(runner.cache().gcs().privateKey())) {
                add(findings, config, runner, severity.get(), "GCS", "cache.gcs",
                        List.of(new Key("PrivateKey", runner.cache().gcs().privateKey())));
            }
            if (written(runner.cache().azure().accountKey())) {
                add(findings, config, runner, severity.get(), "Azure", "cache.azure",
                        List.of(new Key("AccountKey", runner.cache().azure().accountKey())));
            }
        }
        return findings;
    }

    private static void add(List<Finding> findings, RunnerConfig config, Runner runner, Severity severity,
                            String store, String section, List<Key> keys) {
        Key first = null;
        StringBuilder names = new StringBuilder();
        for (Key key : keys) {
            if (written(key.value())) {
                if (first == null) {
                    first = key;
                } else {
                    names.append(" and ");
                }
                names.append(key.name());
            }
        }
        if (first == null) {
            return;
        }
        findings.add(new Finding(DESCRIPTOR.id(), severity,
                CoreRuleSupport.label(runner) + " has its " + store + " cache " + names + " written in the file",
                config.source(), CoreRuleSupport.ref(runner),
                CoreRuleSupport.path(runner, section + "." + first.name()),
                CoreRuleSupport.at(first.value(), runner), DESCRIPTOR.remediation()));
    }

    /** True when the key is written with a non-empty value: the store reads it from the file. */
    private static boolean written(Value<String> value) {
        return value.isSet() && !value.orElse("").isEmpty();
    }

    private record Key(String name, Value<String> value) {
    }
}
