package io.github.runnerguard.rules;

import java.util.List;
import java.util.Set;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code config.type-mismatch}: a value gitlab-runner refuses (wrong TOML type, invalid value), so gitlab-runner
 * does not load the file at all.
 */
public final class TypeMismatchRule extends DiagnosticRule {

    /** The rule id. */
    public static final String ID = "config.type-mismatch";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID,
            "A value gitlab-runner refuses, so it does not load the file",
            Severity.HIGH, TenancySeverity.always(Severity.HIGH),
            "Tenancy does not change it: gitlab-runner refuses the whole file whoever uses the runner.",
            "A value has a type gitlab-runner's decoder refuses (privileged = \"true\", [runners.ssh] port = 22), "
                    + "or a value gitlab-runner rejects while loading (an invalid duration, a missing required key). "
                    + "gitlab-runner then refuses the whole file: at start it does not run, and on a reload it keeps "
                    + "the previous configuration, so the change just written, hardening included, is not in force.",
            "Write the value with the type the setting takes: booleans and integers unquoted, strings quoted, "
                    + "durations as strings. For example:\n"
                    + "[runners.docker]\n"
                    + "privileged = false      # not \"false\"\n"
                    + "[runners.ssh]\n"
                    + "port = \"22\"             # a string",
            ADVANCED_CONFIGURATION,
            List.of("Advanced configuration: the config.toml keys (https://docs.gitlab.com/runner/configuration/"
                            + "advanced-configuration/)",
                    "gitlab-runner 19.4.0 common/config.go: LoadConfig fails on a decode error, so the whole file is "
                            + "not loaded (https://gitlab.com/gitlab-org/gitlab-runner/-/blob/main/common/config.go)"),
            List.of("config", "availability"), List.of(), "0.1.0");

    /** Creates the rule (ServiceLoader needs a public no-argument constructor). */
    public TypeMismatchRule() {
        super(Set.of(Diagnostic.Kind.TYPE_MISMATCH, Diagnostic.Kind.INVALID_VALUE));
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    Severity severityOf(Diagnostic diagnostic) {
        return Severity.HIGH;
    }

    @Override
    String remediationOf(Diagnostic diagnostic) {
        return "Fix the value of " + lastKey(diagnostic.path()) + " so gitlab-runner can load the file; until then "
                + "it keeps running its previous configuration or does not start.";
    }
}
