package io.github.runnerguard.audit;

import java.net.URI;
import java.util.List;
import java.util.function.BiFunction;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/** Rules for engine tests. */
final class TestRules {

    private TestRules() {
    }

    static RuleDescriptor descriptor(String id, List<String> aliases) {
        return new RuleDescriptor(id, "Title of " + id, Severity.MEDIUM, TenancySeverity.always(Severity.MEDIUM),
                "none", "description", "remediation of " + id, URI.create("https://example.com/" + id), List.of(),
                List.of(), aliases, "0.1.0");
    }

    /** A finding of {@code ruleId} at a line and column of the first runner. */
    static Finding at(RunnerConfig config, String ruleId, Severity severity, int line, int column, String message) {
        RunnerRef runner = config.runners().isEmpty() ? null
                : new RunnerRef(0, config.runners().get(0).name().orElse(""));
        return new Finding(ruleId, severity, message, config.source(), runner, "runners[0].key" + line,
                new Position(line, column), "fix it");
    }

    /** A rule with a fixed id that finds nothing. */
    static final class Fixed implements SecurityRule {
        private final RuleDescriptor descriptor;

        Fixed(String id, List<String> aliases) {
            this.descriptor = TestRules.descriptor(id, aliases);
        }

        @Override
        public RuleDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public List<Finding> check(RunnerConfig config, AuditContext context) {
            return List.of();
        }
    }

    /** Another class with possibly the same id. */
    static final class Other implements SecurityRule {
        private final RuleDescriptor descriptor;

        Other(String id, List<String> aliases) {
            this.descriptor = TestRules.descriptor(id, aliases);
        }

        @Override
        public RuleDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public List<Finding> check(RunnerConfig config, AuditContext context) {
            return List.of();
        }
    }

    /** A rule whose check is a lambda. */
    static final class Lambda implements SecurityRule {
        private final RuleDescriptor descriptor;
        private final BiFunction<RunnerConfig, AuditContext, List<Finding>> check;

        Lambda(String id, BiFunction<RunnerConfig, AuditContext, List<Finding>> check) {
            this.descriptor = TestRules.descriptor(id, List.of());
            this.check = check;
        }

        Lambda(String id, List<String> aliases, BiFunction<RunnerConfig, AuditContext, List<Finding>> check) {
            this.descriptor = TestRules.descriptor(id, aliases);
            this.check = check;
        }

        @Override
        public RuleDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public List<Finding> check(RunnerConfig config, AuditContext context) {
            return check.apply(config, context);
        }
    }
}
