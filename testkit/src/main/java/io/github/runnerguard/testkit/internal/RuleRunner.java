package io.github.runnerguard.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.SecurityRule;
import org.opentest4j.AssertionFailedError;

/**
 * Runs rules over a loaded config the way a test needs: any exception or broken contract becomes an assertion
 * failure that names the rule.
 *
 * <p>Checked contracts: {@code check} returns a non-null list without null elements; every finding carries the
 * rule's own id and the config's source as its file; no finding's message, remediation or key path contains the
 * value of a secret-bearing key of the config.
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleRunner {

    /** Keys whose values are secrets (config-schema.md §4), compared lower-case. */
    private static final Set<String> SECRET_KEYS = Set.of("token", "bearer_token", "password", "accesskey",
            "secretkey", "sessiontoken", "privatekey", "accountkey");

    /** Secret values shorter than this are not searched for (placeholders such as {@code "xxx"}). */
    private static final int MIN_SECRET_LENGTH = 8;

    private RuleRunner() {
    }

    /** Runs every rule and returns all findings, in rule order then the rule's own order. */
    public static List<Finding> run(List<SecurityRule> rules, LoadedConfig loaded, AuditContext context) {
        Map<String, String> secrets = secretValues(loaded.config().raw());
        List<Finding> all = new ArrayList<>();
        for (SecurityRule rule : rules) {
            String id = rule.descriptor().id();
            List<Finding> findings;
            try {
                findings = rule.check(loaded.config(), context);
            } catch (RuntimeException | LinkageError e) {
                throw new AssertionFailedError("Rule " + id + " (" + rule.getClass().getName() + ") threw " + e
                        + " while checking " + loaded.source() + "; a rule must not throw on a loaded config", e);
            }
            if (findings == null) {
                throw new AssertionFailedError("Rule " + id + " returned null instead of a list of findings");
            }
            for (Finding finding : findings) {
                if (finding == null) {
                    throw new AssertionFailedError("Rule " + id + " returned a null finding");
                }
                if (!finding.ruleId().equals(id)) {
                    throw new AssertionFailedError("Rule " + id + " returned a finding with the rule id '"
                            + finding.ruleId() + "': " + FindingFormat.describe(finding));
                }
                if (!finding.file().equals(loaded.config().source())) {
                    throw new AssertionFailedError("Rule " + id + " returned a finding whose file is '"
                            + finding.file() + "' instead of the config's source '" + loaded.config().source()
                            + "': " + FindingFormat.describe(finding));
                }
                checkNoSecret(id, finding, secrets);
                all.add(finding);
            }
        }
        return all;
    }

    private static void checkNoSecret(String id, Finding finding, Map<String, String> secrets) {
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            String value = secret.getKey();
            if (finding.message().contains(value) || finding.remediation().contains(value)
                    || finding.keyPath().contains(value)) {
                throw new AssertionFailedError("Rule " + id + " put the value of the secret " + secret.getValue()
                        + " into a finding; findings must never show a secret (show a prefix such as 'glrt-…' at "
                        + "most). Finding at " + finding.position() + " with key " + finding.keyPath());
            }
        }
    }

    /** Every secret value of the raw config (value to its key path), for leak checks. */
    public static Map<String, String> secretValues(ConfigTable root) {
        Map<String, String> secrets = new LinkedHashMap<>();
        collect(root, secrets);
        return secrets;
    }

    private static void collect(ConfigNode node, Map<String, String> secrets) {
        if (node instanceof ConfigTable table) {
            for (ConfigEntry entry : table.entries()) {
                String name = (entry.field() != null ? entry.field() : entry.key()).toLowerCase(Locale.ROOT);
                if (SECRET_KEYS.contains(name) && entry.value() instanceof ConfigScalar scalar
                        && scalar.value() instanceof String text && text.strip().length() >= MIN_SECRET_LENGTH) {
                    secrets.put(text.strip(), scalar.path());
                }
                collect(entry.value(), secrets);
            }
        } else if (node instanceof ConfigArray array) {
            for (ConfigNode element : array.elements()) {
                collect(element, secrets);
            }
        }
    }
}
