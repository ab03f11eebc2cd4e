/**
 * Runnerguard core: the config.toml model and loader, the SecurityRule SPI, the audit engine, report writers and the
 * executor-independent rules.
 *
 * @uses io.github.runnerguard.spi.SecurityRule
 * @provides io.github.runnerguard.spi.SecurityRule
 */
module io.github.runnerguard.core {
    requires static transitive org.jspecify;
    requires tools.jackson.core;
    requires tools.jackson.databind;

    exports io.github.runnerguard.audit;
    exports io.github.runnerguard.config;
    exports io.github.runnerguard.load;
    exports io.github.runnerguard.report;
    exports io.github.runnerguard.spi;

    uses io.github.runnerguard.spi.SecurityRule;

    provides io.github.runnerguard.spi.SecurityRule with
            io.github.runnerguard.rules.AmbiguousKeyRule,
            io.github.runnerguard.rules.TypeMismatchRule,
            io.github.runnerguard.rules.UnknownKeyRule,
            io.github.runnerguard.rules.UrlPlaintextRule,
            io.github.runnerguard.rules.TokenDuplicatedRule,
            io.github.runnerguard.rules.TokenInlineRule,
            io.github.runnerguard.rules.SecretInEnvironmentRule,
            io.github.runnerguard.rules.DebugTraceAllowedRule,
            io.github.runnerguard.rules.TokenMaskingDisabledRule,
            io.github.runnerguard.rules.MetricsPublicRule,
            io.github.runnerguard.rules.SessionServerPublicRule,
            io.github.runnerguard.rules.ExecutorUnknownRule,
            io.github.runnerguard.rules.ExecutorDeprecatedRule,
            io.github.runnerguard.rules.ConfigFileReadableRule,
            io.github.runnerguard.rules.CacheInsecureTransportRule,
            io.github.runnerguard.rules.CacheStaticCredentialsRule;
}
