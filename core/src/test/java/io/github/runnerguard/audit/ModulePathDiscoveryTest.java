package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery on the module path: a rules module that declares its rule only with {@code provides} (no
 * {@code META-INF/services}) is found by core's {@code uses} clause when both are resolved as named modules in a
 * module layer, exactly as {@code java --module-path} would.
 */
class ModulePathDiscoveryTest {

    @TempDir
    Path temp;

    @Test
    void aRulesModuleIsFoundThroughProvidesAndUses() throws Exception {
        List<Path> corePath = Javac.coreModulePath();
        Path module = Files.createDirectory(temp.resolve("acme.modrules"));
        Javac.compile(module, List.of("--module-path", Javac.join(corePath)), Map.of(
                "module-info.java", "module acme.modrules {\n"
                        + "  requires io.github.runnerguard.core;\n"
                        + "  provides io.github.runnerguard.spi.SecurityRule with acme.modrules.ModuleRule;\n"
                        + "}\n",
                "acme/modrules/ModuleRule.java", RuleDiscoveryTest.rule("ModuleRule", "acme.from-module", "")
                        .replace("package acme.rules", "package acme.modrules")));

        List<Path> entries = new ArrayList<>(corePath);
        entries.add(module);
        ModuleFinder finder = ModuleFinder.of(entries.toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("io.github.runnerguard.core"));
        assertTrue(configuration.findModule("acme.modrules").isPresent(),
                "service binding did not resolve the rules module: core must declare 'uses SecurityRule'");
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());

        ClassLoader coreLoader = layer.findLoader("io.github.runnerguard.core");
        Class<?> registryType = coreLoader.loadClass("io.github.runnerguard.audit.RuleRegistry");
        assertTrue(registryType.getModule().isNamed(), "core must be a named module in the layer");

        Object byLayer = registryType.getMethod("discover", ModuleLayer.class).invoke(null, layer);
        Object byLoader = registryType.getMethod("discover", ClassLoader.class).invoke(null, coreLoader);
        for (Object registry : List.of(byLayer, byLoader)) {
            List<String> ids = idsOf(registry);
            assertTrue(ids.contains("acme.from-module"), ids.toString());
            assertTrue(ids.containsAll(List.of("config.ambiguous-key", "config.type-mismatch", "config.unknown-key")),
                    "core's own rules come from its provides clause: " + ids);
            assertEquals(List.of(), registryType.getMethod("problems").invoke(registry));
            Object location = registryType.getMethod("location", String.class).invoke(registry, "acme.from-module");
            assertTrue(location.toString().contains("acme.modrules"), location.toString());
        }
    }

    private static List<String> idsOf(Object registry) throws Exception {
        List<?> descriptors = (List<?>) registry.getClass().getMethod("descriptors").invoke(registry);
        List<String> ids = new ArrayList<>();
        for (Object descriptor : descriptors) {
            Method id = descriptor.getClass().getMethod("id");
            ids.add((String) id.invoke(descriptor));
        }
        return ids;
    }
}
