package io.github.runnerguard.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The one-line entry point for embedders.
 *
 * <pre class="code">
 * AuditReport report = Runnerguard.audit(Path.of("/etc/gitlab-runner/config.toml"));
 * if (report.fails(FailOn.HIGH)) { ... }
 * </pre>
 *
 * <p>Thread-safe.
 */
public final class Runnerguard {

    private static final String VERSION = readVersion();

    private Runnerguard() {
    }

    /**
     * Audits one config file with every rule on the class path or module path, under the policy file
     * {@code runnerguard.toml} next to it when there is one (else the default policy: shared tenancy, no waivers).
     *
     * @throws PolicyException when the policy file next to it is not valid
     */
    public static AuditReport audit(Path configFile) {
        Auditor.Builder builder = Auditor.builder().rules(DefaultRules.REGISTRY);
        Policy.fileNextTo(configFile).ifPresent(policy -> builder.policy(Policy.load(policy)));
        return builder.build().audit(configFile);
    }

    /** This library's version, e.g. {@code 0.1.0}; {@code unknown} when it cannot be told. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Runnerguard.class.getResourceAsStream("runnerguard.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        String implementation = Runnerguard.class.getPackage().getImplementationVersion();
        return implementation != null ? implementation : "unknown";
    }

    /** Rules discovered once, on first use. */
    private static final class DefaultRules {
        static final RuleRegistry REGISTRY = RuleRegistry.discover();
    }
}
