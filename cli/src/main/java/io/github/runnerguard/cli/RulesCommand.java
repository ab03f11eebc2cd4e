package io.github.runnerguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import io.github.runnerguard.audit.DiscoveryProblem;
import io.github.runnerguard.audit.Redactor;
import io.github.runnerguard.audit.RuleRegistry;
import io.github.runnerguard.report.RuleCatalogWriter;
import io.github.runnerguard.spi.RuleDescriptor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runnerguard rules}: lists every discovered rule. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lists every rule found on the class path or module path.")
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String format = "text";

    @Override
    public Integer call() throws IOException {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!chosen.equals("text") && !chosen.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Unknown format '" + format
                    + "' (expected text or json)");
        }
        RuleRegistry registry = RuleRegistry.discover();
        PrintWriter err = spec.commandLine().getErr();
        for (DiscoveryProblem problem : registry.problems()) {
            err.println("runnerguard: warning: " + Redactor.patterns().redact(problem.message()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (chosen.equals("json")) {
            RuleCatalogWriter.writeJson(registry.descriptors(), out);
        } else {
            RuleCatalogWriter.writeText(registry.descriptors(), out);
            out.println("Reported by Runnerguard itself: " + String.join(", ",
                    RuleRegistry.builtinDescriptors().stream().map(RuleDescriptor::id).toList())
                    + ". 'runnerguard explain RULE-ID' tells more.");
        }
        out.flush();
        return Main.OK;
    }
}
