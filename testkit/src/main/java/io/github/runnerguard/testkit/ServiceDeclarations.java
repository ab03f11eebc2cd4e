package io.github.runnerguard.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.github.runnerguard.spi.SecurityRule;

/**
 * Checks that a rules module registers the same rules for the module path and the class path: the
 * {@code provides io.github.runnerguard.spi.SecurityRule with ...} clause of its {@code module-info} and its
 * {@code META-INF/services/io.github.runnerguard.spi.SecurityRule} file must list the same classes, and each must be
 * a public {@link SecurityRule} with a public no-argument constructor.
 *
 * <pre class="code">
 * &#64;Test
 * void registrationsAgree() {
 *     ServiceDeclarations.assertConsistent(MyRule.class);   // any class of the module
 * }
 * </pre>
 *
 * <p>It reads the compiled module (its classes directory or jar), so it runs after compilation, as tests do.
 * Stateless and thread-safe.
 */
public final class ServiceDeclarations {

    static final String SERVICE = SecurityRule.class.getName();
    static final String SERVICE_FILE = "META-INF/services/" + SERVICE;

    private ServiceDeclarations() {
    }

    /**
     * Asserts that the module holding {@code anyClassOfTheModule} declares the same rules both ways.
     *
     * @throws AssertionError naming every class declared only one way, or declared but unusable
     */
    public static void assertConsistent(Class<?> anyClassOfTheModule) {
        Path root = locationOf(anyClassOfTheModule);
        Declarations declarations = read(root);
        List<String> problems = new ArrayList<>();
        if (declarations.moduleInfo == null) {
            problems.add(root + " has no module-info.class");
        } else {
            for (String provider : declarations.moduleInfo) {
                if (!declarations.serviceFile.contains(provider)) {
                    problems.add("module-info provides " + provider + " but " + SERVICE_FILE + " does not list it "
                            + "(it is invisible on the class path)");
                }
            }
            for (String provider : declarations.serviceFile) {
                if (!declarations.moduleInfo.contains(provider)) {
                    problems.add(SERVICE_FILE + " lists " + provider + " but module-info does not provide it "
                            + "(it is invisible on the module path)");
                }
            }
        }
        Set<String> all = new TreeSet<>(declarations.serviceFile);
        if (declarations.moduleInfo != null) {
            all.addAll(declarations.moduleInfo);
        }
        for (String provider : all) {
            problems.addAll(checkUsable(provider, anyClassOfTheModule.getClassLoader()));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Rule registrations of " + root + " disagree:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** The rule classes the module's {@code module-info} provides, sorted. */
    public static Set<String> providedInModuleInfo(Class<?> anyClassOfTheModule) {
        Set<String> provided = read(locationOf(anyClassOfTheModule)).moduleInfo;
        return provided == null ? Set.of() : provided;
    }

    /** The rule classes the module's services file lists, sorted. */
    public static Set<String> listedInServiceFile(Class<?> anyClassOfTheModule) {
        return read(locationOf(anyClassOfTheModule)).serviceFile;
    }

    private static List<String> checkUsable(String provider, ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        try {
            Class<?> type = Class.forName(provider, false, loader);
            if (!SecurityRule.class.isAssignableFrom(type)) {
                problems.add(provider + " does not implement " + SERVICE);
            } else if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
                problems.add(provider + " must be a public, concrete class");
            } else {
                try {
                    if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
                        problems.add(provider + " needs a public no-argument constructor");
                    }
                } catch (NoSuchMethodException e) {
                    problems.add(provider + " needs a public no-argument constructor");
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(provider + " cannot be loaded: " + e);
        }
        return problems;
    }

    private record Declarations(Set<String> moduleInfo, Set<String> serviceFile) {
    }

    private static Declarations read(Path root) {
        try {
            if (Files.isDirectory(root)) {
                return read(root.resolve("module-info.class"), root.resolve(SERVICE_FILE));
            }
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                return read(jar.getPath("module-info.class"), jar.getPath(SERVICE_FILE));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read the rule registrations of " + root + ": " + e, e);
        }
    }

    private static Declarations read(Path moduleInfo, Path serviceFile) throws IOException {
        Set<String> provided = null;
        if (Files.exists(moduleInfo)) {
            try (InputStream in = Files.newInputStream(moduleInfo)) {
                ModuleDescriptor descriptor = ModuleDescriptor.read(in);
                provided = new TreeSet<>();
                for (ModuleDescriptor.Provides provides : descriptor.provides()) {
                    if (provides.service().equals(SERVICE)) {
                        provided.addAll(provides.providers());
                    }
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        if (Files.exists(serviceFile)) {
            for (String line : Files.readAllLines(serviceFile, StandardCharsets.UTF_8)) {
                int comment = line.indexOf('#');
                String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!name.isEmpty()) {
                    listed.add(name);
                }
            }
        }
        return new Declarations(provided, listed);
    }

    private static Path locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new AssertionError("cannot tell where " + type.getName() + " was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError("cannot tell where " + type.getName() + " was loaded from: " + e, e);
        }
    }
}
