/**
 * Runnerguard core: the config.toml model and loader, the SecurityRule SPI, the audit engine, report writers and the
 * executor-independent rules.
 */
module io.github.runnerguard.core {
    requires static transitive org.jspecify;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.toml;

    exports io.github.runnerguard.config;
    exports io.github.runnerguard.load;
    exports io.github.runnerguard.spi;
}
