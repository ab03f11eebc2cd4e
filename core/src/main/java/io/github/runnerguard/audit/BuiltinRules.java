package io.github.runnerguard.audit;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/** The ids the engine itself reports under: failed rules, expired waivers, bad inline suppressions. */
final class BuiltinRules {

    static final String RULE_FAILED = "engine.rule-failed";
    static final String WAIVER_EXPIRED = "policy.waiver-expired";
    static final String SUPPRESSION_EXPIRED = "policy.suppression-expired";
    static final String SUPPRESSION_INVALID = "policy.suppression-invalid";

    private static final URI README = URI.create("https://github.com/runnerguard/runnerguard#policy-and-suppressions");
    private static final String TENANCY_NOTE = "Tenancy does not change it.";

    static final List<RuleDescriptor> DESCRIPTORS = List.of(
            new RuleDescriptor(RULE_FAILED, "A rule failed, so its checks are missing from the audit",
                    Severity.HIGH, TenancySeverity.always(Severity.HIGH), TENANCY_NOTE,
                    "A rule threw an exception or an error, or did not finish within its time budget. The audit went "
                            + "on without it, so whatever that rule checks was not checked in this file.",
                    "Report the failure to the rule's authors with the message. A LinkageError usually means a rules "
                            + "jar built for another Runnerguard version: align the versions with runnerguard-bom. "
                            + "To accept the gap for now, add a waiver for engine.rule-failed to the policy file.",
                    URI.create("https://github.com/runnerguard/runnerguard#writing-a-rule"),
                    List.of("Runnerguard engine"), List.of("engine"), List.of(), "0.1.0"),
            new RuleDescriptor(WAIVER_EXPIRED, "A waiver in the policy file has expired",
                    Severity.LOW, TenancySeverity.always(Severity.LOW), TENANCY_NOTE,
                    "A [[waivers]] entry is past its expires date. It no longer suppresses anything, so the findings "
                            + "it covered are reported again at their own severity.",
                    "Fix the waived findings, or renew the waiver with a new expires date and a current reason:\n"
                            + "[[waivers]]\nrule = \"docker.privileged\"\nrunner = \"dind-builder\"\n"
                            + "reason = \"image builds need DinD; runner dedicated to the platform team\"\n"
                            + "expires = 2027-06-30",
                    README, List.of("Runnerguard policy file"), List.of("policy"), List.of(), "0.1.0"),
            new RuleDescriptor(SUPPRESSION_EXPIRED, "An inline suppression has expired",
                    Severity.LOW, TenancySeverity.always(Severity.LOW), TENANCY_NOTE,
                    "A '# runnerguard:ignore ... until DATE' comment is past its date. It no longer suppresses, so "
                            + "the finding on its line is reported again.",
                    "Fix the finding, or move the exception to the policy file (gitlab-runner drops comments when it "
                            + "rewrites config.toml) with a new expires date.",
                    README, List.of("Runnerguard inline suppression"), List.of("policy"), List.of(), "0.1.0"),
            new RuleDescriptor(SUPPRESSION_INVALID, "An inline suppression cannot be used",
                    Severity.LOW, TenancySeverity.always(Severity.LOW), TENANCY_NOTE,
                    "A '# runnerguard:ignore' comment names no known rule, has no reason after '--', or has an "
                            + "unreadable 'until' date. It suppresses nothing.",
                    "Write it as '# runnerguard:ignore <rule-id> [until YYYY-MM-DD] -- <reason>' at the end of the "
                            + "flagged line or alone on the line above it.",
                    README, List.of("Runnerguard inline suppression"), List.of("policy"), List.of(), "0.1.0"));

    static final Map<String, RuleDescriptor> BY_ID = DESCRIPTORS.stream()
            .collect(Collectors.toUnmodifiableMap(RuleDescriptor::id, Function.identity()));

    private BuiltinRules() {
    }

    static boolean isReservedFamily(String id) {
        return id.startsWith("engine.") || id.startsWith("policy.");
    }
}
