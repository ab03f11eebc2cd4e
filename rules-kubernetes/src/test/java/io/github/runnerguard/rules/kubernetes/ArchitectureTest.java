package io.github.runnerguard.rules.kubernetes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** The module depends only on core's exported packages and never on another rules module. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.runnerguard.rules.kubernetes");

    @Test
    void usesOnlyTheExportedApiOfCore() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.github.runnerguard.internal..",
                        "tools.jackson..", "com.fasterxml..")
                .because("rules modules depend only on core's exported packages (config, load, spi, audit, report)")
                .check(CLASSES);
    }

    @Test
    void doesNotDependOnOtherRulesModules() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.github.runnerguard.rules.docker..",
                        "io.github.runnerguard.rules.git..", "io.github.runnerguard.rules.shell..",
                        "io.github.runnerguard.rules.ssh..", "io.github.runnerguard.rules.misc..")
                .because("rules modules are independent of each other")
                .check(CLASSES);
    }

    @Test
    void helpersDoNotDependOnTheRules() {
        noClasses().that().resideInAPackage("..rules.kubernetes.internal..")
                .should().dependOnClassesThat().resideInAPackage("io.github.runnerguard.rules.kubernetes")
                .because("the helpers are shared by the rules, not the other way round")
                .check(CLASSES);
        SlicesRuleDefinition.slices().matching("io.github.runnerguard.rules.(**)").should().beFreeOfCycles()
                .because("package cycles make the module hard to change").check(CLASSES);
    }
}
