package io.github.runnerguard.rules.git;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.nio.file.Path;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** This rules module uses only core's exported API, and no other rules module. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .importPath(Path.of("target", "classes").toAbsolutePath());

    @Test
    void rulesUseOnlyCoresExportedPackages() {
        classes().that().resideInAPackage("io.github.runnerguard.rules.git..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..",
                        "io.github.runnerguard.rules.git..", "io.github.runnerguard.config..",
                        "io.github.runnerguard.load..", "io.github.runnerguard.spi..", "io.github.runnerguard.audit..",
                        "io.github.runnerguard.report..")
                .because("a rules module may rely only on core's exported, stable API, never on its internal "
                        + "packages or on another rules module")
                .check(CLASSES);
    }
}
