package io.github.runnerguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import io.github.runnerguard.audit.RuleRegistry;
import io.github.runnerguard.report.RuleCatalogWriter;
import io.github.runnerguard.spi.RuleDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runnerguard explain RULE-ID}: prints everything about one rule. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Explains one rule: why it matters, what to do, how tenancy changes its severity.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE-ID", description = "A rule id, or a former id of a rule.")
    String ruleId = "";

    @Override
    public Integer call() throws IOException {
        RuleRegistry registry = RuleRegistry.discover();
        Optional<RuleDescriptor> descriptor = registry.descriptor(ruleId.trim());
        if (descriptor.isEmpty()) {
            String hint = registry.closestId(ruleId.trim()).map(id -> " (did you mean " + id + "?)").orElse("");
            spec.commandLine().getErr().println("runnerguard: no rule has the id " + ruleId + hint
                    + "; 'runnerguard rules' lists them");
            return Main.ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!descriptor.get().id().equals(ruleId.trim())) {
            out.println(ruleId.trim() + " is a former id of " + descriptor.get().id() + ".");
            out.println();
        }
        RuleCatalogWriter.writeExplanation(descriptor.get(), out);
        out.flush();
        return Main.OK;
    }
}
