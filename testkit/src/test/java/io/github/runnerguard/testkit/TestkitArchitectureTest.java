package io.github.runnerguard.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

class TestkitArchitectureTest {

    /** The testkit's main classes (Maven runs tests in the module directory). */
    private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void theImportFoundTheTestkit() {
        assertEquals(true, MAIN.contain(RuleTestKit.class), "target/classes must hold the testkit's classes");
    }

    @Test
    void usesOnlyCoresExportedApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.github.runnerguard.internal..")
                .because("the testkit is a client of the public API, as rule authors are")
                .check(MAIN);
    }

    @Test
    void neverTouchesJackson() {
        // A checker of the JSON report contract (planned in the engine's branch) parses reports with Jackson on
        // purpose; everything for rule authors stays free of it.
        noClasses().that().doNotHaveSimpleName("JsonReportContract")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "tools.jackson..")
                .because("rule tests go through the public model; Jackson is core's internal parser")
                .check(MAIN);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.github.runnerguard.testkit.(**)").should().beFreeOfCycles()
                .because("the internal package serves the API package and never calls back").check(MAIN);
    }

    @Test
    void publicSignaturesNeverExposeInternalTypes() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass javaClass : MAIN) {
            Class<?> type = javaClass.reflect();
            if (javaClass.getName().equals("module-info")
                    || !javaClass.getPackageName().equals("io.github.runnerguard.testkit")
                    || !Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
            members.addAll(List.<Constructor<?>>of(type.getDeclaredConstructors()));
            for (Executable member : members) {
                if (!Modifier.isPublic(member.getModifiers()) && !Modifier.isProtected(member.getModifiers())) {
                    continue;
                }
                List<Class<?>> types = new ArrayList<>(List.of(member.getParameterTypes()));
                if (member instanceof Method method) {
                    types.add(method.getReturnType());
                }
                for (Class<?> used : types) {
                    if (used.getPackageName().startsWith("io.github.runnerguard.testkit.internal")
                            || used.getPackageName().equals("io.github.runnerguard.testkit")
                            && !Modifier.isPublic(used.getModifiers())) {
                        leaks.add(type.getSimpleName() + "." + member.getName() + " uses " + used.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }
}
