package io.github.runnerguard.rules;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import org.jspecify.annotations.Nullable;

/**
 * A rule that turns the loader's diagnostics of some kinds into findings, so they can be filtered, suppressed and
 * exported like any other finding. Stateless and thread-safe.
 */
abstract class DiagnosticRule implements SecurityRule {

    static final URI ADVANCED_CONFIGURATION =
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/");

    private static final String RUNNERS = "runners[";

    private final Set<Diagnostic.Kind> kinds;

    DiagnosticRule(Set<Diagnostic.Kind> kinds) {
        this.kinds = Set.copyOf(kinds);
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        RuleDescriptor descriptor = descriptor();
        for (Diagnostic diagnostic : config.diagnostics()) {
            if (!kinds.contains(diagnostic.kind())) {
                continue;
            }
            RunnerRef runner = runnerOf(config, diagnostic.path());
            findings.add(new Finding(descriptor.id(), severityOf(diagnostic), messageOf(diagnostic, runner),
                    config.source(), runner, diagnostic.path(), diagnostic.position(),
                    remediationOf(diagnostic)));
        }
        return findings;
    }

    /** The severity of the finding for {@code diagnostic}. */
    abstract Severity severityOf(Diagnostic diagnostic);

    /** The remediation of the finding for {@code diagnostic}. */
    abstract String remediationOf(Diagnostic diagnostic);

    String messageOf(Diagnostic diagnostic, @Nullable RunnerRef runner) {
        StringBuilder message = new StringBuilder(diagnostic.message().length() + 64);
        if (runner != null && !runner.name().isEmpty() && !diagnostic.message().contains(runner.name())) {
            message.append("Runner \"").append(runner.name()).append("\": ");
        }
        message.append(diagnostic.message());
        String suggestion = diagnostic.suggestion();
        if (suggestion != null && !diagnostic.message().contains(suggestion)) {
            message.append(" (did you mean ").append(suggestion).append("?)");
        }
        return message.toString();
    }

    /** The runner a dotted path belongs to ({@code runners[2]...}), or null for a global key. */
    static @Nullable RunnerRef runnerOf(RunnerConfig config, String path) {
        // ^runners\[(\d+)]
        if (!path.startsWith(RUNNERS)) {
            return null;
        }
        int end = RUNNERS.length();
        while (end < path.length() && path.charAt(end) >= '0' && path.charAt(end) <= '9') {
            end++;
        }
        if (end == RUNNERS.length() || end >= path.length() || path.charAt(end) != ']') {
            return null;
        }
        int index;
        try {
            index = Integer.parseInt(path, RUNNERS.length(), end, 10);
        } catch (NumberFormatException e) {
            return null;
        }
        List<Runner> runners = config.runners();
        if (index < runners.size() && runners.get(index).index() == index) {
            return new RunnerRef(index, runners.get(index).name().orElse(""));
        }
        for (Runner runner : runners) {
            if (runner.index() == index) {
                return new RunnerRef(index, runner.name().orElse(""));
            }
        }
        return new RunnerRef(index, "");
    }

    /** The last key of a dotted path or key name, without an array index: {@code privileged}. */
    static String lastKey(String pathOrKey) {
        String last = pathOrKey.substring(pathOrKey.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        return bracket >= 0 ? last.substring(0, bracket) : last;
    }
}
