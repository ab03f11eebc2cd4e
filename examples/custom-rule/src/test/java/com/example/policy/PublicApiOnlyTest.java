package com.example.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.nio.file.Path;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rule uses only what Runnerguard exports, so it keeps working when Runnerguard's internals change. */
class PublicApiOnlyTest {

    private static final JavaClasses RULES = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void dependsOnlyOnRunnerguardsExportedPackages() {
        classes().that().resideInAPackage("com.example.policy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.example.policy..", "java..",
                        "org.jspecify.annotations..", "io.github.runnerguard.config..", "io.github.runnerguard.load..",
                        "io.github.runnerguard.spi..", "io.github.runnerguard.audit..",
                        "io.github.runnerguard.report..")
                .because("a custom rule must build against Runnerguard's exported API only")
                .check(RULES);
    }

    @Test
    void neverTouchesRunnerguardInternals() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.github.runnerguard.internal..",
                        "com.fasterxml.jackson..", "tools.jackson..")
                .because("internal packages and the parser behind them are not exported and may change any time")
                .check(RULES);
    }
}
