package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.spi.RuleDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery over the class path: rules from jars (here: class directories) that no build of ours produced, loaded
 * through {@code META-INF/services} by a class loader of their own.
 */
class RuleDiscoveryTest {

    @TempDir
    static Path temp;

    private static Path good;
    private static Path broken;
    private static Path duplicateA;
    private static Path duplicateB;

    @BeforeAll
    static void compileProviders() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("acme/rules/GoodRule.java", rule("GoodRule", "acme.good", ""));
        sources.put("acme/rules/ThrowingConstructorRule.java", rule("ThrowingConstructorRule", "acme.throwing-ctor",
                "public ThrowingConstructorRule() { throw new IllegalStateException(\"cannot start\"); }"));
        sources.put("acme/rules/NotARule.java", "package acme.rules; public class NotARule { public NotARule() {} }");
        sources.put("acme/rules/BadDescriptorRule.java", "package acme.rules;\n"
                + "public class BadDescriptorRule implements io.github.runnerguard.spi.SecurityRule {\n"
                + "  public io.github.runnerguard.spi.RuleDescriptor descriptor() {"
                + " throw new UnsupportedOperationException(\"no descriptor\"); }\n"
                + "  public java.util.List<io.github.runnerguard.spi.Finding> check("
                + "io.github.runnerguard.config.RunnerConfig c, io.github.runnerguard.spi.AuditContext x) {"
                + " return java.util.List.of(); }\n}\n");
        sources.put("acme/rules/Missing.java", "package acme.rules; public class Missing { public static int X = 1; }");
        sources.put("acme/rules/LinkageRule.java", rule("LinkageRule", "acme.linkage",
                "public LinkageRule() { int x = Missing.X; }"));
        sources.put("acme/rules/AfterRule.java", rule("AfterRule", "acme.after", ""));
        sources.put("acme/a/FirstRule.java",
                rule("FirstRule", "acme.same-id", "").replace("package acme.rules", "package acme.a"));
        sources.put("acme/b/SecondRule.java",
                rule("SecondRule", "acme.same-id", "").replace("package acme.rules", "package acme.b"));
        Path all = Files.createDirectory(temp.resolve("all"));
        Javac.compile(all, List.of("-cp", Javac.locationOf(RuleRegistry.class).toString()), sources);

        good = jar("good", all, "acme/rules/GoodRule");
        Javac.services(good, "acme.rules.GoodRule");
        broken = jar("broken", all, "acme/rules/ThrowingConstructorRule", "acme/rules/NotARule",
                "acme/rules/BadDescriptorRule", "acme/rules/LinkageRule", "acme/rules/AfterRule");
        Javac.services(broken, "acme.rules.ThrowingConstructorRule", "acme.rules.DoesNotExist",
                "acme.rules.NotARule", "acme.rules.BadDescriptorRule", "acme.rules.LinkageRule",
                "acme.rules.AfterRule");
        duplicateA = jar("duplicate-a", all, "acme/a/FirstRule");
        Javac.services(duplicateA, "acme.a.FirstRule");
        duplicateB = jar("duplicate-b", all, "acme/b/SecondRule");
        Javac.services(duplicateB, "acme.b.SecondRule");
    }

    /** A class directory holding some of the compiled classes (standing in for a jar). */
    private static Path jar(String name, Path classes, String... classNames) throws IOException {
        Path dir = Files.createDirectory(temp.resolve(name));
        for (String className : classNames) {
            Path target = dir.resolve(className + ".class");
            Files.createDirectories(target.getParent());
            Files.copy(classes.resolve(className + ".class"), target);
        }
        return dir;
    }

    /** The source of a rule class that finds nothing. */
    static String rule(String className, String id, String extraMembers) {
        return "package acme.rules;\n"
                + "import io.github.runnerguard.spi.*;\n"
                + "import java.util.List;\n"
                + "public class " + className + " implements SecurityRule {\n"
                + "  " + extraMembers + "\n"
                + "  public RuleDescriptor descriptor() {\n"
                + "    return new RuleDescriptor(\"" + id + "\", \"t\", Severity.LOW, TenancySeverity.always("
                + "Severity.LOW), \"n\", \"d\", \"r\", java.net.URI.create(\"https://example.com\"), List.of(),"
                + " List.of(), List.of(), \"1.0\");\n"
                + "  }\n"
                + "  public List<Finding> check(io.github.runnerguard.config.RunnerConfig c, AuditContext x) {"
                + " return List.of(); }\n"
                + "}\n";
    }

    private static URLClassLoader loaderOver(Path... dirs) throws IOException {
        URL[] urls = new URL[dirs.length];
        for (int i = 0; i < dirs.length; i++) {
            urls[i] = dirs[i].toUri().toURL();
        }
        return new URLClassLoader(urls, RuleRegistry.class.getClassLoader());
    }

    private static List<String> ids(RuleRegistry registry) {
        return registry.descriptors().stream().map(RuleDescriptor::id).toList();
    }

    @Test
    void aGoodProviderIsFoundNextToTheCoreRules() throws IOException {
        try (URLClassLoader loader = loaderOver(good)) {
            RuleRegistry registry = RuleRegistry.discover(loader);
            assertTrue(ids(registry).contains("acme.good"), ids(registry).toString());
            assertTrue(ids(registry).contains("config.unknown-key"), ids(registry).toString());
            assertEquals(List.of(), registry.problems());
            assertTrue(registry.location("acme.good").orElseThrow().contains("good"),
                    registry.location("acme.good").orElseThrow());
        }
    }

    @Test
    void brokenProvidersBecomeProblemsAndTheOthersStillLoad() throws IOException {
        try (URLClassLoader loader = loaderOver(broken)) {
            RuleRegistry registry = RuleRegistry.discover(loader);
            assertTrue(ids(registry).contains("acme.after"), "discovery stopped at a broken provider: "
                    + ids(registry));
            List<String> messages = registry.problems().stream().map(DiscoveryProblem::message).toList();
            String all = String.join("\n", messages);
            assertTrue(all.contains("ThrowingConstructorRule"), all);
            assertTrue(all.contains("DoesNotExist"), all);
            assertTrue(all.contains("NotARule"), all);
            assertTrue(all.contains("BadDescriptorRule") && all.contains("no descriptor"), all);
            assertTrue(all.contains("LinkageRule") || all.contains("Missing"), all);
            assertEquals(5, registry.problems().size(), all);
            assertTrue(registry.problems().stream().allMatch(p -> p.cause() != null), all);
        }
    }

    @Test
    void twoClassesWithOneIdAreRefusedNamingBothClassesAndLocations() throws IOException {
        try (URLClassLoader loader = loaderOver(duplicateA, duplicateB)) {
            RuleConflictException conflict = assertThrows(RuleConflictException.class,
                    () -> RuleRegistry.discover(loader));
            String message = conflict.getMessage();
            assertTrue(message.contains("acme.same-id"), message);
            assertTrue(message.contains("acme.a.FirstRule") && message.contains("acme.b.SecondRule"), message);
            assertTrue(message.contains("duplicate-a") && message.contains("duplicate-b"), message);
        }
    }

    @Test
    void theSameClassListedTwiceLoadsOnce() throws IOException {
        Path again = temp.resolve("good-again");
        Files.createDirectories(again);
        Javac.services(again, "acme.rules.GoodRule");
        try (URLClassLoader loader = loaderOver(good, again)) {
            RuleRegistry registry = RuleRegistry.discover(loader);
            assertEquals(1, ids(registry).stream().filter("acme.good"::equals).count());
            assertEquals(List.of(), registry.problems());
        }
    }
}
