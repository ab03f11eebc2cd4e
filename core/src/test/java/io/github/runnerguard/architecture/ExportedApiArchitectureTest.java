package io.github.runnerguard.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packages core exports stay free of Jackson and of core's internal packages. */
class ExportedApiArchitectureTest {

    private static final String[] EXPORTED = {"io.github.runnerguard.config..", "io.github.runnerguard.load..",
        "io.github.runnerguard.spi..", "io.github.runnerguard.audit..", "io.github.runnerguard.report.."};
    private static final String[] MODEL_AND_SPI = {"io.github.runnerguard.config..", "io.github.runnerguard.spi..",
        "io.github.runnerguard.audit..", "io.github.runnerguard.report.."};
    private static final String INTERNAL = "io.github.runnerguard.internal..";
    private static final String[] JACKSON = {"tools.jackson..", "com.fasterxml.."};

    /** The internal entry points of the load pipeline, the only internal types the loader may call. */
    private static final DescribedPredicate<JavaClass> PIPELINE_ENTRY_POINTS = DescribedPredicate.describe(
            "the pipeline entry points TomlFrontEnd, ParseOutcome, Binder, BindResult, ModelBuilder",
            type -> type.getName().matches("io\\.github\\.runnerguard\\.internal\\.(toml\\.TomlFrontEnd"
                    + "|toml\\.ParseOutcome(\\$\\w+)?|bind\\.Binder|bind\\.BindResult|model\\.ModelBuilder)"));

    private static JavaClasses classes;

    @BeforeAll
    static void importCore() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.runnerguard");
        assertTrue(classes.contain("io.github.runnerguard.config.RunnerConfig"), "core's classes were imported");
        assertTrue(classes.contain("io.github.runnerguard.load.ConfigLoader"), "core's classes were imported");
    }

    @Test
    void exportedPackagesDoNotDependOnJackson() {
        noClasses().that().resideInAnyPackage(EXPORTED)
                .should().dependOnClassesThat().resideInAnyPackage(JACKSON)
                .because("Jackson is how the loader parses TOML, not part of the API: users must be able to use the "
                        + "model and the SPI without Jackson, and we must be able to replace it")
                .check(classes);
    }

    @Test
    void modelAndSpiDoNotDependOnInternalPackages() {
        noClasses().that().resideInAnyPackage(MODEL_AND_SPI)
                .should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .because("the model, the SPI, the audit engine and the reports are what rule authors and embedders "
                        + "use; internal packages are not exported and may change at any time")
                .check(classes);
    }

    @Test
    void theLoaderReachesInternalCodeOnlyThroughThePipelineEntryPoints() {
        noClasses().that().resideInAPackage("io.github.runnerguard.load..")
                .should().dependOnClassesThat(resideInAPackage(INTERNAL).and(not(PIPELINE_ENTRY_POINTS)))
                .because("ConfigLoader is the facade of the internal pipeline (TOML front end, binder, model "
                        + "builder): it calls each step's entry point and nothing else of it")
                .check(classes);
    }

    @Test
    void noPublicSignatureOfAnExportedPackageNamesAnInternalOrJacksonType() {
        members().that().areDeclaredInClassesThat().resideInAnyPackage(EXPORTED)
                .and().arePublic()
                .should(exposeOnlyTypesOutsideOf(INTERNAL, JACKSON[0], JACKSON[1]))
                .because("a type in a public signature is part of the API: internal and Jackson types must never "
                        + "reach callers, even through the loader")
                .check(classes);
    }

    private static ArchCondition<JavaMember> exposeOnlyTypesOutsideOf(String... packages) {
        DescribedPredicate<JavaClass> forbidden = resideInAnyPackage(packages);
        return new ArchCondition<>("expose no type from " + String.join(", ", packages)) {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                if (!member.getOwner().getModifiers().contains(JavaModifier.PUBLIC)) {
                    return;
                }
                Set<JavaClass> types = new HashSet<>();
                if (member instanceof JavaField field) {
                    types.addAll(field.getType().getAllInvolvedRawTypes());
                } else if (member instanceof JavaCodeUnit code) {
                    types.addAll(code.getReturnType().getAllInvolvedRawTypes());
                    code.getParameterTypes().forEach(type -> types.addAll(type.getAllInvolvedRawTypes()));
                    code.getThrowsClause().getTypes().forEach(types::add);
                }
                for (JavaClass type : types) {
                    if (forbidden.test(type)) {
                        events.add(SimpleConditionEvent.violated(member,
                                member.getFullName() + " exposes " + type.getName()));
                    }
                }
            }
        };
    }
}
