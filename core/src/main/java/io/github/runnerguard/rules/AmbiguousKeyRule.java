package io.github.runnerguard.rules;

import java.util.List;
import java.util.Set;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code config.ambiguous-key}: two keys of one table land on the same gitlab-runner field ({@code privileged} and
 * {@code Privileged}); which one wins can change on every load.
 */
public final class AmbiguousKeyRule extends DiagnosticRule {

    /** The rule id. */
    public static final String ID = "config.ambiguous-key";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID,
            "Two keys set the same setting",
            Severity.HIGH, TenancySeverity.always(Severity.HIGH),
            "Tenancy does not change it: the effective value of a setting is unknown whoever uses the runner.",
            "Two keys in one table land on the same gitlab-runner field, for example privileged and Privileged "
                    + "(gitlab-runner matches keys ignoring case). Its TOML decoder applies them in no fixed order, "
                    + "so the effective value can change from one reload to the next. Runnerguard audits the less "
                    + "safe of the two values.",
            "Keep one spelling, the one gitlab-runner documents, and delete the other:\n"
                    + "[runners.docker]\n"
                    + "privileged = false",
            ADVANCED_CONFIGURATION,
            List.of("Advanced configuration: the config.toml keys (https://docs.gitlab.com/runner/configuration/"
                            + "advanced-configuration/)",
                    "gitlab-runner 19.4.0 common/config.go: LoadConfig decodes with BurntSushi/toml v1.6.0, which "
                            + "matches a key to the field of exactly that name, else to the first field whose name is "
                            + "equal ignoring case, strings.EqualFold (https://gitlab.com/gitlab-org/gitlab-runner/-/"
                            + "blob/main/common/config.go)"),
            List.of("config", "hygiene"), List.of(), "0.1.0");

    /** Creates the rule (ServiceLoader needs a public no-argument constructor). */
    public AmbiguousKeyRule() {
        super(Set.of(Diagnostic.Kind.AMBIGUOUS_KEY));
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
        String where = diagnostic.otherPosition() == null ? "" : " (the other one is on line "
                + diagnostic.otherPosition().line() + ")";
        return "Keep one of the two keys for " + lastKey(diagnostic.path()) + " and delete the other" + where + ".";
    }
}
