package io.github.runnerguard.rules.docker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules module uses core's exported API only, and no other rules module. */
class ArchitectureTest {

    private static final JavaClasses RULES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.runnerguard.rules.docker");

    @Test
    void dependsOnlyOnCoresExportedPackages() {
        classes().that().resideInAPackage("io.github.runnerguard.rules.docker")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.github.runnerguard.rules.docker",
                        "io.github.runnerguard.config", "io.github.runnerguard.load", "io.github.runnerguard.spi",
                        "io.github.runnerguard.audit", "io.github.runnerguard.report", "java..", "org.jspecify..")
                .because("rules modules build on core's exported API, which is all a third-party rule can use")
                .check(RULES);
    }

    @Test
    void neverTouchesInternalsOrOtherRulesModules() {
        noClasses().that().resideInAPackage("io.github.runnerguard.rules.docker")
                .should().dependOnClassesThat().resideInAnyPackage("..internal..", "io.github.runnerguard.rules.git..",
                        "io.github.runnerguard.rules.kubernetes..", "io.github.runnerguard.rules.shellssh..",
                        "tools.jackson..", "com.fasterxml..")
                .because("internal packages are not exported and rules modules are independent of each other")
                .check(RULES);
    }
}
