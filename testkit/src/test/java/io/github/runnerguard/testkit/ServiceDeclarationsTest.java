package io.github.runnerguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import io.github.runnerguard.audit.Runnerguard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceDeclarationsTest {

    @Test
    void coreDeclaresItsRulesBothWays() {
        ServiceDeclarations.assertConsistent(Runnerguard.class);
        Set<String> expected = Set.of("io.github.runnerguard.rules.AmbiguousKeyRule",
                "io.github.runnerguard.rules.TypeMismatchRule", "io.github.runnerguard.rules.UnknownKeyRule");
        assertTrue(ServiceDeclarations.providedInModuleInfo(Runnerguard.class).containsAll(expected));
        assertEquals(ServiceDeclarations.providedInModuleInfo(Runnerguard.class),
                ServiceDeclarations.listedInServiceFile(Runnerguard.class));
    }

    @Test
    void aRuleDeclaredOnlyOneWayIsNamed(@TempDir Path temp) throws Exception {
        Path classes = Files.createDirectory(temp.resolve("classes"));
        Path src = Files.createDirectory(temp.resolve("src"));
        Files.writeString(src.resolve("module-info.java"), "module acme.policy {\n"
                + "  requires io.github.runnerguard.core;\n"
                + "  provides io.github.runnerguard.spi.SecurityRule with acme.policy.A, acme.policy.B;\n}\n");
        Files.createDirectories(src.resolve("acme/policy"));
        for (String name : List.of("A", "B", "C")) {
            Files.writeString(src.resolve("acme/policy/" + name + ".java"), "package acme.policy;\n"
                    + "public class " + name + " implements io.github.runnerguard.spi.SecurityRule {\n"
                    + "  public io.github.runnerguard.spi.RuleDescriptor descriptor() { return null; }\n"
                    + "  public java.util.List<io.github.runnerguard.spi.Finding> check("
                    + "io.github.runnerguard.config.RunnerConfig c, io.github.runnerguard.spi.AuditContext x) {"
                    + " return java.util.List.of(); }\n}\n");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac")
                .toString(), "-d", classes.toString(), "--release", "17", "--module-path", modulePath()));
        try (var files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> command.add(p.toString()));
        }
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        javac.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, javac.exitValue(), output);
        Path services = classes.resolve("META-INF/services/io.github.runnerguard.spi.SecurityRule");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# rules\nacme.policy.A\nacme.policy.C\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                Runnerguard.class.getClassLoader())) {
            Class<?> a = loader.loadClass("acme.policy.A");
            AssertionError error = assertThrows(AssertionError.class, () -> ServiceDeclarations.assertConsistent(a));
            assertTrue(error.getMessage().contains("module-info provides acme.policy.B but"), error.getMessage());
            assertTrue(error.getMessage().contains("lists acme.policy.C but module-info does not"),
                    error.getMessage());
            assertTrue(!error.getMessage().contains("acme.policy.A "), error.getMessage());
        }
    }

    private static String modulePath() throws URISyntaxException, ClassNotFoundException {
        List<String> entries = new ArrayList<>();
        for (String name : List.of("io.github.runnerguard.audit.Runnerguard", "tools.jackson.core.JsonParser",
                "tools.jackson.databind.ObjectMapper", "tools.jackson.dataformat.toml.TomlMapper",
                "com.fasterxml.jackson.annotation.JsonProperty", "org.jspecify.annotations.NullMarked")) {
            Class<?> type = Class.forName(name, false, ServiceDeclarationsTest.class.getClassLoader());
            entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
