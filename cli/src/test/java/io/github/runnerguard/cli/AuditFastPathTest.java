package io.github.runnerguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import picocli.CommandLine;

/**
 * Keeps {@link AuditFastPath} a faithful shortcut: whatever argument list it reads, picocli reads to the same options
 * without an error; the plain forms it is there for are all read; and a plain audit in a child JVM never initialises
 * picocli.
 */
class AuditFastPathTest {

    private static final Environment ENVIRONMENT = new Environment(new ByteArrayInputStream(new byte[0]), false);

    /** Option names, forms picocli reads differently or rejects, values and paths, to combine at random. */
    private static final String[] WORDS = {"-f", "--format", "-o", "--output", "--fail-on", "--tenancy", "--policy",
        "--kubernetes-pss", "--baseline", "--write-baseline", "--source-root", "--no-color", "-h", "--help", "-V",
        "--version", "--", "-x", "--unknown", "-fjson", "-f=json", "--format=json", "--format=sarif=out.sarif",
        "--fail-on=high", "--fail-on=bogus", "--tenancy=shared", "--tenancy=nope", "--output=", "--no-color=true",
        "--policy=p.toml", "--FORMAT", "json", "text", "sarif=r.sarif", "high", "HIGH", "never", "bogus", "dedicated",
        "multi-tenant", "restricted", "a.toml", "dir/", "-", "@args.txt", "", " ", "a b", "x\u0000y", "audit",
        "rules", "--format=", "-o=out.txt"};

    @Test
    void whateverTheShortcutReadsPicocliReadsTheSame() {
        AtomicInteger read = new AtomicInteger();
        qt().withExamples(3_000).forAll(argumentLists()).checkAssert(args -> {
            AuditCommand fast = AuditFastPath.parse(args, ENVIRONMENT);
            if (fast != null) {
                read.incrementAndGet();
                assertEquals(options(picocli(args)), options(fast), () -> String.join(" | ", args));
            }
        });
        assertTrue(read.get() >= 100, "too few random argument lists were plain enough to test: " + read.get());
    }

    @Test
    void everyPlainAuditLineIsReadAsPicocliReadsIt() {
        qt().withExamples(300).forAll(plainAuditLines()).checkAssert(args -> {
            AuditCommand fast = AuditFastPath.parse(args, ENVIRONMENT);
            assertNotNull(fast, () -> "not read: " + String.join(" | ", args));
            assertEquals(options(picocli(args)), options(fast), () -> String.join(" | ", args));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit", "audit --help", "audit a.toml -h", "audit --version a.toml", "rules",
        "--help audit a.toml", "audit @args a.toml", "audit a.toml -- b.toml", "audit -o a -o b c.toml",
        "audit --fail-on bogus a.toml", "audit --tenancy nope a.toml", "audit --format", "audit --policy -x a.toml",
        "audit -fjson a.toml", "audit --no-color --no-color a.toml", "audit --unknown a.toml"})
    void everythingElseGoesToPicocli(String line) {
        assertNull(AuditFastPath.parse(line.split(" "), ENVIRONMENT), line);
    }

    @Test
    void aPlainAuditNeverInitialisesPicocli() throws Exception {
        Path example = projectRoot().resolve("examples/shell.toml");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "audit",
                "--format", "json", example.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(Main.FINDINGS, process.exitValue(), out);
        assertTrue(out.contains("\"ruleId\""), "the audit wrote its JSON report:\n" + out);
        assertTrue(out.contains(AuditFastPath.class.getName()), "the class-loading log is there");
        assertFalse(out.lines().anyMatch(l -> l.contains("[class,load] picocli.CommandLine ")),
                "picocli.CommandLine was loaded:\n" + out.lines().filter(l -> l.contains("picocli")).toList());
    }

    /** Sample option values and paths of each kind, as the plain forms take them. */
    private static Gen<String[]> plainAuditLines() {
        Gen<List<List<String>>> options = SourceDSL.lists().of(Generate.pick(List.of(
                List.of("-f", "json"), List.of("--format", "sarif=r.sarif"), List.of("--format=text"),
                List.of("-f", "junit=x/j.xml"), List.of("--no-color"), List.of("--fail-on", "medium"),
                List.of("--fail-on=NEVER"), List.of("--tenancy", "multi-tenant"), List.of("--tenancy=dedicated"),
                List.of("--policy", "runnerguard.toml"), List.of("--kubernetes-pss=baseline"),
                List.of("--baseline", "b.json"), List.of("--write-baseline=w.json"), List.of("--source-root", "."),
                List.of("-o", "out.txt")))).ofSizeBetween(0, 6).map(AuditFastPathTest::onceEach);
        Gen<List<String>> paths = SourceDSL.lists().of(Generate.pick(List.of("a.toml", "-", "dir", "/etc/c.toml",
                "with space.toml", "x=y.toml"))).ofSizeBetween(1, 3);
        return options.zip(paths, Generate.longRange(0, Long.MAX_VALUE), (o, p, seed) -> {
            List<String> args = new ArrayList<>(List.of("audit"));
            // paths and options in any order: picocli takes options after positional parameters too
            List<List<String>> parts = new ArrayList<>(o);
            p.forEach(path -> parts.add(List.of(path)));
            java.util.Collections.shuffle(parts, new java.util.Random(seed));
            parts.forEach(args::addAll);
            return args.toArray(String[]::new);
        });
    }

    /** The options with their values, each single-valued option at most once (picocli rejects a repeat). */
    private static List<List<String>> onceEach(List<List<String>> options) {
        List<List<String>> kept = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (List<String> option : options) {
            String name = option.get(0).replaceFirst("=.*", "");
            String key = name.equals("-o") ? "--output" : name;
            if (key.equals("-f") || key.equals("--format") || !seen.contains(key)) {
                seen.add(key);
                kept.add(option);
            }
        }
        return kept;
    }

    private static Gen<String[]> argumentLists() {
        Gen<String> first = Generate.pick(List.of("audit", "audit", "audit", "rules", "--help", "AUDIT"));
        return first.zip(SourceDSL.lists().of(Generate.pick(Arrays.asList(WORDS))).ofSizeBetween(0, 7),
                (head, tail) -> {
                    List<String> args = new ArrayList<>(List.of(head));
                    args.addAll(tail);
                    return args.toArray(String[]::new);
                });
    }

    /** The audit command as picocli fills it from the arguments; fails when picocli rejects them. */
    private static AuditCommand picocli(String[] args) {
        CommandLine.ParseResult result = Main.commandLine(ENVIRONMENT).parseArgs(args);
        assertTrue(result.hasSubcommand(), "picocli parsed no subcommand");
        assertFalse(result.subcommand().isUsageHelpRequested() || result.subcommand().isVersionHelpRequested());
        return (AuditCommand) result.subcommand().commandSpec().userObject();
    }

    private static List<Object> options(AuditCommand command) {
        return Arrays.asList(command.formats, command.output, command.failOn, command.tenancy, command.policy,
                command.kubernetesPss, command.baseline, command.writeBaseline, command.sourceRoot, command.noColor,
                command.paths);
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !dir.resolve("examples/shell.toml").toFile().isFile()) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "examples/shell.toml is not above the working directory");
        return dir;
    }
}
