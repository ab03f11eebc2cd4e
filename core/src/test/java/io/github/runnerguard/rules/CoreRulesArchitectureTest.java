package io.github.runnerguard.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.nio.file.Path;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The runner, host and cache rules are written like any third-party rule: against the exported API only. */
class CoreRulesArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .importPath(Path.of("target", "classes", "io", "github", "runnerguard", "rules").toAbsolutePath());

    @Test
    void coreRulesUseOnlyTheExportedApi() {
        classes().that().belongToAnyOf(CoreRuleSupport.class, UrlPlaintextRule.class, TokenDuplicatedRule.class,
                        TokenInlineRule.class, SecretInEnvironmentRule.class, DebugTraceAllowedRule.class,
                        TokenMaskingDisabledRule.class, MetricsPublicRule.class, SessionServerPublicRule.class,
                        ExecutorUnknownRule.class, ExecutorDeprecatedRule.class, ConfigFileReadableRule.class,
                        CacheInsecureTransportRule.class, CacheStaticCredentialsRule.class)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..",
                        "io.github.runnerguard.rules", "io.github.runnerguard.config", "io.github.runnerguard.load",
                        "io.github.runnerguard.spi")
                .because("the built-in rules are the model for custom rules: no Jackson, no internal packages, "
                        + "no engine")
                .check(CLASSES);
    }
}
