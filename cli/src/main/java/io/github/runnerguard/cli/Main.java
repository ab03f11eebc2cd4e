package io.github.runnerguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import io.github.runnerguard.audit.Redactor;
import picocli.CommandLine;

/**
 * The entry point of the {@code runnerguard} command.
 *
 * <p>Exit codes: 0 when no unsuppressed finding is at or above {@code --fail-on}; 1 when one is; 2 for a usage
 * error, an unreadable file or a file that could not be audited.
 */
public final class Main {

    /** Exit code: nothing at or above the threshold. */
    public static final int OK = 0;
    /** Exit code: an unsuppressed finding at or above the threshold. */
    public static final int FINDINGS = 1;
    /** Exit code: usage error, unreadable file, or a file that could not be audited. */
    public static final int ERROR = 2;

    private Main() {
    }

    /** Runs the command and exits with its exit code. */
    public static void main(String[] args) {
        boolean terminal = System.console() != null && System.getenv("NO_COLOR") == null;
        Environment environment = new Environment(System.in, terminal, isTerminal(2), Clock.systemUTC());
        int code = run(args, System.out, System.err, environment);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs the command in-process.
     *
     * @param args     the arguments
     * @param in       standard input (read for the path {@code -})
     * @param out      standard output
     * @param err      standard error
     * @param terminal true when standard output is a terminal (text output is then coloured)
     * @return the exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        return run(args, out, err, new Environment(in, terminal));
    }

    /** Runs the command in-process in the given environment. */
    static int run(String[] args, PrintStream out, PrintStream err, Environment environment) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            AuditCommand plain = AuditFastPath.parse(args, environment);
            if (plain != null) {
                return execute(plain, outWriter, errWriter);
            }
            return execute(args, environment, outWriter, errWriter);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Runs any command line through picocli. */
    private static int execute(String[] args, Environment environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(environment);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /**
     * Runs an audit whose plain arguments {@link AuditFastPath} read, reporting a usage error or a failure exactly as
     * the handlers of {@link #commandLine} report them for the audit subcommand.
     */
    private static int execute(AuditCommand audit, PrintWriter out, PrintWriter err) {
        try {
            return audit.execute(out, err);
        } catch (AuditCommand.UsageException e) {
            err.println("runnerguard: " + Redactor.patterns().redact(e.getMessage()));
            err.println("Try 'runnerguard audit --help' for more information.");
            return ERROR;
        } catch (Exception e) {
            err.println("runnerguard: error: " + Redactor.patterns().redact(describe(e)));
            return ERROR;
        }
    }

    static CommandLine commandLine(Environment environment) {
        CommandLine commandLine = new CommandLine(new RunnerguardCommand());
        commandLine.addSubcommand(new CommandLine(new AuditCommand(environment)));
        commandLine.addSubcommand(new CommandLine(new RulesCommand()));
        commandLine.addSubcommand(new CommandLine(new ExplainCommand()));
        commandLine.setExecutionExceptionHandler((error, line, parseResult) -> {
            line.getErr().println("runnerguard: error: " + Redactor.patterns().redact(describe(error)));
            return ERROR;
        });
        commandLine.setParameterExceptionHandler((error, args) -> {
            CommandLine line = error.getCommandLine();
            line.getErr().println("runnerguard: " + Redactor.patterns().redact(error.getMessage()));
            line.getErr().println("Try 'runnerguard " + (line.getParent() == null ? "" : line.getCommandName() + " ")
                    + "--help' for more information.");
            return ERROR;
        });
        commandLine.setExitCodeExceptionMapper(error -> ERROR);
        return commandLine;
    }

    /**
     * True when the file descriptor ({@code 2} for standard error) is a terminal. Java tells only whether the process
     * has a console (standard input and output both terminals); on Linux the descriptor's link under
     * {@code /proc/self/fd} tells for each one. Elsewhere the console decides.
     */
    static boolean isTerminal(int descriptor) {
        try {
            Path link = Path.of("/proc/self/fd", String.valueOf(descriptor));
            if (Files.isSymbolicLink(link)) {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall through
        }
        return System.console() != null;
    }

    private static String describe(Exception error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
