package io.github.runnerguard.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import io.github.runnerguard.audit.FailOn;
import io.github.runnerguard.spi.Tenancy;
import org.jspecify.annotations.Nullable;

/**
 * The plain forms of {@code runnerguard audit}, read without picocli, which costs a short-lived command a good part of
 * its start-up (picocli's classes are Java 5 class files, which class-data sharing cannot archive, and its annotation
 * model is built by reflection).
 *
 * <p>Picocli stays the definition of the command line. This reads only argument lists that picocli would read the same
 * way without a word of output: {@code audit} first, then paths and the audit options as separate words or as
 * {@code --long-name=value}. Anything else (help, version, {@code --}, an {@code @file}, a value that starts with
 * {@code -} or {@code @}, a single-valued option given twice, an unknown option, a value the option's converter
 * rejects, no path) returns null and goes to picocli, which then prints what it always printed.
 * {@code AuditFastPathTest} checks that whatever this accepts, picocli parses to the same options.
 *
 * <p>Stateless and thread-safe.
 */
final class AuditFastPath {

    private AuditFastPath() {
    }

    /**
     * The audit command with its options and paths set from the arguments, or null when picocli has to read them.
     *
     * @param args        the arguments of the process
     * @param environment the environment of the command
     */
    static @Nullable AuditCommand parse(String[] args, Environment environment) {
        if (args.length < 2 || !args[0].equals("audit")) {
            return null;
        }
        AuditCommand command = new AuditCommand(environment);
        Set<String> given = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) {
                return null; // an argument file, which picocli expands
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                command.paths.add(arg);
                continue;
            }
            if (arg.equals("--no-color")) {
                if (!given.add(arg)) {
                    return null;
                }
                command.noColor = true;
                continue;
            }
            int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = canonical(equals < 0 ? arg : arg.substring(0, equals));
            if (name == null || !name.equals("--format") && !given.add(name)) {
                return null;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.startsWith("-") || value.startsWith("@") || !set(command, name, value)) {
                return null;
            }
        }
        return command.paths.isEmpty() ? null : command;
    }

    /** The long name of an audit option that takes a value, or null. */
    private static @Nullable String canonical(String name) {
        return switch (name) {
            case "-f", "--format" -> "--format";
            case "-o", "--output" -> "--output";
            case "--fail-on", "--tenancy", "--policy", "--kubernetes-pss", "--baseline", "--write-baseline",
                    "--source-root" -> name;
            default -> null;
        };
    }

    /** Sets one option; false when its converter rejects the value (picocli then reports it). */
    private static boolean set(AuditCommand command, String name, String value) {
        try {
            switch (name) {
                case "--format" -> command.formats.add(value);
                case "--output" -> command.output = Path.of(value);
                case "--fail-on" -> command.failOn = FailOn.parse(value);
                case "--tenancy" -> command.tenancy = Tenancy.parse(value);
                case "--policy" -> command.policy = Path.of(value);
                case "--kubernetes-pss" -> command.kubernetesPss = value;
                case "--baseline" -> command.baseline = Path.of(value);
                case "--write-baseline" -> command.writeBaseline = Path.of(value);
                case "--source-root" -> command.sourceRoot = Path.of(value);
                default -> throw new IllegalStateException("not an audit option: " + name);
            }
            return true;
        } catch (IllegalArgumentException e) { // InvalidPathException is one
            return false;
        }
    }
}
