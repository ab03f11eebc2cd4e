/**
 * The runnerguard command: audit config.toml files, list rules, explain one rule.
 *
 * @uses io.github.runnerguard.spi.SecurityRule
 */
module io.github.runnerguard.cli {
    requires io.github.runnerguard.core;
    requires info.picocli;

    opens io.github.runnerguard.cli to info.picocli;

    uses io.github.runnerguard.spi.SecurityRule;
}
