package io.github.runnerguard.testkit;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.runnerguard.spi.SecurityRule;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * Keeps a rules module's two registrations of its rules equal: the {@code provides} clause of
 * {@code module-info.java} (read on the module path) and the {@code META-INF/services} file (read on the class path).
 * A rule listed in only one of them silently disappears in the other deployment.
 *
 * <pre class="code">
 * &#64;Test
 * void registrationsAgree() {
 *     ServiceRegistrationCheck.assertConsistent(Path.of(""));   // the module directory under Maven
 * }
 * </pre>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class ServiceRegistrationCheck {

    /** The service interface rules are registered under. */
    public static final String SERVICE = SecurityRule.class.getName();

    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+(?:static\\s+)?([\\w.]+)\\s*;");
    private static final Pattern PROVIDES = Pattern.compile("\\bprovides\\s+([\\w.]+)\\s+with\\s+([\\w.\\s,]+?)\\s*;");

    private ServiceRegistrationCheck() {
    }

    /**
     * The classes a module registers as {@link SecurityRule} providers.
     *
     * @param moduleInfo the classes named by {@code provides ... with} in {@code module-info.java}, in order
     * @param services   the classes listed in the {@code META-INF/services} file, in order (duplicates kept)
     */
    public record Registrations(List<String> moduleInfo, List<String> services) {

        /** Copies the lists. */
        public Registrations {
            moduleInfo = List.copyOf(moduleInfo);
            services = List.copyOf(services);
        }
    }

    /**
     * Asserts that the module at {@code moduleRoot} registers the same, existing {@link SecurityRule} classes in
     * {@code src/main/java/module-info.java} and in
     * {@code src/main/resources/META-INF/services/io.github.runnerguard.spi.SecurityRule}, and at least one.
     * Each class must have a source file under {@code src/main/java}; when it is on the class path, it must be a
     * public, concrete {@link SecurityRule} with a public no-argument constructor.
     *
     * @param moduleRoot the module's directory (the one holding {@code pom.xml}); under Maven the working directory
     * @throws AssertionFailedError naming every class registered in one place only, and every other problem
     */
    public static void assertConsistent(Path moduleRoot) {
        Objects.requireNonNull(moduleRoot, "moduleRoot");
        Path moduleInfo = moduleRoot.resolve("src/main/java/module-info.java");
        Path services = moduleRoot.resolve("src/main/resources/META-INF/services/" + SERVICE);
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(moduleInfo)) {
            problems.add("there is no " + moduleInfo);
        }
        if (!Files.isRegularFile(services)) {
            problems.add("there is no " + services);
        }
        if (!problems.isEmpty()) {
            fail(moduleRoot, problems);
        }
        Registrations registrations = read(moduleRoot);
        Set<String> declared = new LinkedHashSet<>(registrations.moduleInfo());
        Set<String> listed = new LinkedHashSet<>();
        for (String name : registrations.services()) {
            if (!listed.add(name)) {
                problems.add(name + " is listed twice in " + services.getFileName());
            }
        }
        if (declared.size() != registrations.moduleInfo().size()) {
            problems.add("module-info.java names a class twice in 'provides " + SERVICE + " with ...'");
        }
        Set<String> onlyModuleInfo = new TreeSet<>(declared);
        onlyModuleInfo.removeAll(listed);
        Set<String> onlyServices = new TreeSet<>(listed);
        onlyServices.removeAll(declared);
        for (String name : onlyModuleInfo) {
            problems.add(name + " is in module-info.java 'provides' but not in META-INF/services/" + SERVICE
                    + " (invisible on the class path)");
        }
        for (String name : onlyServices) {
            problems.add(name + " is in META-INF/services/" + SERVICE + " but not in module-info.java 'provides' "
                    + "(invisible on the module path)");
        }
        if (declared.isEmpty() && listed.isEmpty()) {
            problems.add("the module registers no " + SERVICE + ": add 'provides " + SERVICE + " with ...;' to "
                    + "module-info.java and list the same classes in META-INF/services/" + SERVICE);
        }
        Set<String> all = new TreeSet<>(declared);
        all.addAll(listed);
        for (String name : all) {
            checkClass(moduleRoot, name, problems);
        }
        if (!problems.isEmpty()) {
            fail(moduleRoot, problems);
        }
    }

    /**
     * Reads both registrations of the module at {@code moduleRoot}; a missing file reads as no registration.
     *
     * @throws java.io.UncheckedIOException when a file exists but cannot be read
     */
    public static Registrations read(Path moduleRoot) {
        Path moduleInfo = moduleRoot.resolve("src/main/java/module-info.java");
        Path services = moduleRoot.resolve("src/main/resources/META-INF/services/" + SERVICE);
        List<String> provided = Files.isRegularFile(moduleInfo) ? parseModuleInfo(readText(moduleInfo)) : List.of();
        List<String> listed = Files.isRegularFile(services) ? parseServicesFile(readText(services)) : List.of();
        return new Registrations(provided, listed);
    }

    /** The classes {@code module-info.java} text provides for {@link #SERVICE}, resolving imported simple names. */
    static List<String> parseModuleInfo(String text) {
        String code = stripComments(text);
        Map<String, String> imports = new HashMap<>();
        Matcher importMatcher = IMPORT.matcher(code);
        while (importMatcher.find()) {
            String name = importMatcher.group(1);
            imports.put(name.substring(name.lastIndexOf('.') + 1), name);
        }
        List<String> classes = new ArrayList<>();
        Matcher provides = PROVIDES.matcher(code);
        while (provides.find()) {
            if (!resolve(provides.group(1), imports).equals(SERVICE)) {
                continue;
            }
            for (String name : provides.group(2).split(",")) {
                String trimmed = name.strip();
                if (!trimmed.isEmpty()) {
                    classes.add(resolve(trimmed.replaceAll("\\s+", ""), imports));
                }
            }
        }
        return classes;
    }

    /** The class names of a services file: one per line, {@code #} starts a comment, blank lines ignored. */
    static List<String> parseServicesFile(String text) {
        List<String> classes = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!name.isEmpty()) {
                classes.add(name);
            }
        }
        return classes;
    }

    private static String resolve(String name, Map<String, String> imports) {
        return name.contains(".") ? name : imports.getOrDefault(name, name);
    }

    private static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
                out.append(' ');
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (text.charAt(i) == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                out.append("\"\"");
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static void checkClass(Path moduleRoot, String name, List<String> problems) {
        if (!name.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
                + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*")) {
            problems.add("'" + name + "' is not a class name");
            return;
        }
        if (sourceFile(moduleRoot, name) == null) {
            problems.add(name + " has no source file under " + moduleRoot.resolve("src/main/java")
                    + " (renamed or moved?)");
        }
        Class<?> type = load(name);
        if (type == null) {
            return;
        }
        if (!SecurityRule.class.isAssignableFrom(type)) {
            problems.add(name + " does not implement " + SERVICE);
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            problems.add(name + " must be a public, concrete class");
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            if (!Modifier.isPublic(constructor.getModifiers())) {
                problems.add(name + " needs a public no-argument constructor");
            }
        } catch (NoSuchMethodException e) {
            problems.add(name + " needs a public no-argument constructor");
        }
    }

    private static @Nullable Path sourceFile(Path moduleRoot, String name) {
        String[] parts = name.split("\\.");
        // A nested class is named outer.Inner in module-info; try the longest prefix that is a file.
        for (int end = parts.length; end >= 1; end--) {
            Path candidate = moduleRoot.resolve("src/main/java");
            for (int i = 0; i < end - 1; i++) {
                candidate = candidate.resolve(parts[i]);
            }
            candidate = candidate.resolve(parts[end - 1] + ".java");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static @Nullable Class<?> load(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name, false, loader != null ? loader : ServiceRegistrationCheck.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String readText(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void fail(Path moduleRoot, List<String> problems) {
        throw new AssertionFailedError("The SecurityRule registrations of the module at "
                + moduleRoot.toAbsolutePath().normalize() + " are not consistent:\n  - " + String.join("\n  - ", problems));
    }
}
