/**
 * ACME's Runnerguard policy rules.
 */
module com.example.policy {
    requires io.github.runnerguard.core;

    exports com.example.policy;

    provides io.github.runnerguard.spi.SecurityRule with com.example.policy.ImageRegistryRule;
}
