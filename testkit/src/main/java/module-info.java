/**
 * Runnerguard testkit: a fluent kit and data fixtures for testing {@link io.github.runnerguard.spi.SecurityRule}
 * implementations, a check that keeps a rules module's service registrations equal, and random config.toml
 * generators (library-neutral, with QuickTheories adapters); and a checker of the JSON report contract.
 *
 * @uses io.github.runnerguard.spi.SecurityRule
 */
module io.github.runnerguard.testkit {
    requires transitive io.github.runnerguard.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.opentest4j;
    requires transitive quicktheories;
    requires static transitive org.jspecify;
    requires tools.jackson.databind;

    exports io.github.runnerguard.testkit;

    uses io.github.runnerguard.spi.SecurityRule;
}
