package io.github.runnerguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class ServiceRegistrationCheckTest {

    private static final String SERVICES = "src/main/resources/META-INF/services/io.github.runnerguard.spi.SecurityRule";

    @TempDir
    Path module;

    @Test
    void equalRegistrationsPass() throws IOException {
        write("src/main/java/module-info.java", """
                /** Rules. */
                module com.example.rules {
                    requires io.github.runnerguard.core;
                    // provides io.github.runnerguard.spi.SecurityRule with com.example.Commented;
                    provides io.github.runnerguard.spi.SecurityRule
                            with com.example.rules.FirstRule,
                                 com.example.rules.SecondRule;
                }
                """);
        write(SERVICES, "# the rules\ncom.example.rules.SecondRule\n\ncom.example.rules.FirstRule  # first\n");
        sources("com/example/rules/FirstRule.java", "com/example/rules/SecondRule.java");
        ServiceRegistrationCheck.assertConsistent(module);
        assertEquals(new ServiceRegistrationCheck.Registrations(
                List.of("com.example.rules.FirstRule", "com.example.rules.SecondRule"),
                List.of("com.example.rules.SecondRule", "com.example.rules.FirstRule")),
                ServiceRegistrationCheck.read(module));
    }

    @Test
    void importedSimpleNamesAreResolved() throws IOException {
        write("src/main/java/module-info.java", """
                import io.github.runnerguard.spi.SecurityRule;
                import com.example.rules.FirstRule;
                module com.example.rules {
                    provides SecurityRule with FirstRule;
                    provides java.lang.Runnable with com.example.rules.NotARule;
                }
                """);
        write(SERVICES, "com.example.rules.FirstRule\n");
        sources("com/example/rules/FirstRule.java");
        ServiceRegistrationCheck.assertConsistent(module);
    }

    @Test
    void aClassInOnlyOnePlaceFailsNamingIt() throws IOException {
        write("src/main/java/module-info.java", """
                module com.example.rules {
                    provides io.github.runnerguard.spi.SecurityRule with com.example.rules.FirstRule,
                        com.example.rules.OnlyInModuleInfo;
                }
                """);
        write(SERVICES, "com.example.rules.FirstRule\ncom.example.rules.OnlyInServices\n");
        sources("com/example/rules/FirstRule.java", "com/example/rules/OnlyInModuleInfo.java",
                "com/example/rules/OnlyInServices.java");
        String message = assertThrows(AssertionFailedError.class,
                () -> ServiceRegistrationCheck.assertConsistent(module)).getMessage();
        assertTrue(message.contains("com.example.rules.OnlyInModuleInfo is in module-info.java 'provides' but not in "
                + "META-INF/services"), message);
        assertTrue(message.contains("com.example.rules.OnlyInServices is in META-INF/services/"
                + "io.github.runnerguard.spi.SecurityRule but not in module-info.java 'provides'"), message);
    }

    @Test
    void aRegisteredClassWithoutSourceFails() throws IOException {
        write("src/main/java/module-info.java",
                "module m { provides io.github.runnerguard.spi.SecurityRule with com.example.Renamed; }");
        write(SERVICES, "com.example.Renamed\n");
        String message = assertThrows(AssertionFailedError.class,
                () -> ServiceRegistrationCheck.assertConsistent(module)).getMessage();
        assertTrue(message.contains("com.example.Renamed has no source file"), message);
    }

    @Test
    void duplicatesAndMissingFilesFail() throws IOException {
        String message = assertThrows(AssertionFailedError.class,
                () -> ServiceRegistrationCheck.assertConsistent(module)).getMessage();
        assertTrue(message.contains("there is no") && message.contains("module-info.java"), message);

        write("src/main/java/module-info.java", "module m { }");
        write(SERVICES, "# nothing yet\n");
        message = assertThrows(AssertionFailedError.class,
                () -> ServiceRegistrationCheck.assertConsistent(module)).getMessage();
        assertTrue(message.contains("the module registers no io.github.runnerguard.spi.SecurityRule"), message);

        write("src/main/java/module-info.java",
                "module m { provides io.github.runnerguard.spi.SecurityRule with a.B; }");
        write(SERVICES, "a.B\na.B\n");
        sources("a/B.java");
        message = assertThrows(AssertionFailedError.class,
                () -> ServiceRegistrationCheck.assertConsistent(module)).getMessage();
        assertTrue(message.contains("a.B is listed twice"), message);
    }

    @Test
    void aLoadableClassMustBeAConcreteRuleWithANoArgumentConstructor() throws IOException {
        write("src/main/java/module-info.java", "module m { provides io.github.runnerguard.spi.SecurityRule with "
                + "io.github.runnerguard.testkit.sample.PrivilegedFlagRule, java.lang.String; }");
        write(SERVICES, "io.github.runnerguard.testkit.sample.PrivilegedFlagRule\njava.lang.String\n");
        sources("io/github/runnerguard/testkit/sample/PrivilegedFlagRule.java", "java/lang/String.java");
        String message = assertThrows(AssertionFailedError.class,
                () -> ServiceRegistrationCheck.assertConsistent(module)).getMessage();
        assertTrue(message.contains("java.lang.String does not implement io.github.runnerguard.spi.SecurityRule"),
                message);
        assertTrue(!message.contains("PrivilegedFlagRule"), message);
    }

    private void write(String path, String text) throws IOException {
        Path file = module.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void sources(String... paths) throws IOException {
        for (String path : paths) {
            write("src/main/java/" + path, "// source\n");
        }
    }
}
