package io.github.runnerguard.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;
import io.github.runnerguard.testkit.sample.NoLimitRule;
import io.github.runnerguard.testkit.sample.PrivilegedFlagRule;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class DescriptorValidationTest {

    @Test
    void completeDescriptorsPass() {
        RuleTestKit.assertDescriptorValid(new PrivilegedFlagRule());
        RuleTestKit.assertDescriptorValid(new NoLimitRule());
    }

    @Test
    void everyProblemIsListed() {
        RuleDescriptor bad = new RuleDescriptor("acme.bad-rule", " ", Severity.LOW,
                TenancySeverity.of(Severity.LOW, Severity.HIGH, null), "", "", "", URI.create("http://example.com/x"),
                List.of(), List.of(" "), List.of("acme.bad-rule", "Not An Id"), "");
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> RuleTestKit.assertDescriptorValid(rule(bad)));
        String message = error.getMessage();
        for (String expected : List.of("(acme.bad-rule) is not valid", "title is blank", "description is blank",
                "remediation is blank", "tenancyNote is blank", "since is blank",
                "helpUri 'http://example.com/x' is not an https URI", "references is empty",
                "defaultSeverity is low but must be high (the shared severity", "alias 'acme.bad-rule' is the id itself",
                "alias 'Not An Id' is not of the form family.kebab-name", "tags[0] is blank")) {
            assertTrue(message.contains(expected), () -> "missing '" + expected + "' in:\n" + message);
        }
    }

    @Test
    void defaultSeverityIsTheWorstWhenSharedHasNone() {
        RuleDescriptor notShared = descriptor(Severity.MEDIUM, TenancySeverity.of(null, null, Severity.HIGH),
                URI.create("https://docs.gitlab.com/runner/"));
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> RuleTestKit.assertDescriptorValid(rule(notShared)));
        assertTrue(error.getMessage().contains("must be high (the worst severity, as shared has none"),
                error.getMessage());
        RuleTestKit.assertDescriptorValid(rule(descriptor(Severity.HIGH, TenancySeverity.of(null, null,
                Severity.HIGH), URI.create("https://docs.gitlab.com/runner/"))));
    }

    @Test
    void aRuleThatNeverFiresIsInvalid() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> RuleTestKit.assertDescriptorValid(rule(descriptor(Severity.LOW,
                        TenancySeverity.of(null, null, null), URI.create("https://docs.gitlab.com/")))));
        assertTrue(error.getMessage().contains("tenancy has no severity for any tenancy"), error.getMessage());
    }

    @Test
    void relativeHelpUriIsInvalid() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> RuleTestKit.assertDescriptorValid(rule(descriptor(Severity.LOW,
                        TenancySeverity.always(Severity.LOW), URI.create("/runner/security")))));
        assertTrue(error.getMessage().contains("helpUri '/runner/security' is not absolute"), error.getMessage());
    }

    @Test
    void aDescriptorThatChangesBetweenCallsIsInvalid() {
        SecurityRule changing = new SecurityRule() {
            private int calls;

            @Override
            public RuleDescriptor descriptor() {
                calls++;
                return DescriptorValidationTest.descriptor(calls == 1 ? Severity.LOW : Severity.HIGH,
                        calls == 1 ? TenancySeverity.always(Severity.LOW) : TenancySeverity.always(Severity.HIGH),
                        URI.create("https://docs.gitlab.com/"));
            }

            @Override
            public List<Finding> check(RunnerConfig config, AuditContext context) {
                return List.of();
            }
        };
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> RuleTestKit.assertDescriptorValid(changing));
        assertTrue(error.getMessage().contains("returned different values on two calls"), error.getMessage());
    }

    private static RuleDescriptor descriptor(Severity defaultSeverity, TenancySeverity tenancy, URI helpUri) {
        return new RuleDescriptor("acme.sample", "Title", defaultSeverity, tenancy, "Note", "Description",
                "Remediation", helpUri, List.of("Seed section"), List.of("tag"), List.of(), "0.1.0");
    }

    private static SecurityRule rule(RuleDescriptor descriptor) {
        return new SecurityRule() {
            @Override
            public RuleDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public List<Finding> check(RunnerConfig config, AuditContext context) {
                return List.of();
            }
        };
    }
}
