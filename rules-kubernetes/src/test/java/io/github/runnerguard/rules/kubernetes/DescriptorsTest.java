package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.CRITICAL;
import static io.github.runnerguard.spi.Severity.HIGH;
import static io.github.runnerguard.spi.Severity.INFO;
import static io.github.runnerguard.spi.Severity.LOW;
import static io.github.runnerguard.spi.Severity.MEDIUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.TenancySeverity;
import io.github.runnerguard.testkit.RuleTestKit;
import io.github.runnerguard.testkit.ServiceRegistrationCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The descriptors match the issue's rule table (ids are a contract) and the registrations agree. */
class DescriptorsTest {

    private static final Map<String, TenancySeverity> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("kubernetes.privileged", TenancySeverity.of(HIGH, CRITICAL, CRITICAL));
        TABLE.put("kubernetes.privilege-escalation", TenancySeverity.of(LOW, MEDIUM, HIGH));
        TABLE.put("kubernetes.host-path", TenancySeverity.of(MEDIUM, HIGH, CRITICAL));
        TABLE.put("kubernetes.dangerous-capability", TenancySeverity.of(HIGH, HIGH, CRITICAL));
        TABLE.put("kubernetes.capabilities-not-dropped", TenancySeverity.of(null, LOW, MEDIUM));
        TABLE.put("kubernetes.runs-as-root", TenancySeverity.of(LOW, MEDIUM, HIGH));
        TABLE.put("kubernetes.unconfined-profile", TenancySeverity.of(HIGH, HIGH, CRITICAL));
        TABLE.put("kubernetes.namespace-overwrite", TenancySeverity.of(MEDIUM, HIGH, CRITICAL));
        TABLE.put("kubernetes.service-account-overwrite", TenancySeverity.of(MEDIUM, HIGH, CRITICAL));
        TABLE.put("kubernetes.bearer-token-overwrite", TenancySeverity.of(MEDIUM, HIGH, CRITICAL));
        TABLE.put("kubernetes.scheduling-overwrite", TenancySeverity.of(LOW, MEDIUM, HIGH));
        TABLE.put("kubernetes.pod-spec-patch", TenancySeverity.of(MEDIUM, MEDIUM, HIGH));
        TABLE.put("kubernetes.pull-policy-if-not-present", TenancySeverity.of(null, MEDIUM, HIGH));
        TABLE.put("kubernetes.service-account-token-automount", TenancySeverity.of(null, LOW, MEDIUM));
        TABLE.put("kubernetes.allowed-images-unrestricted", TenancySeverity.of(null, LOW, MEDIUM));
        TABLE.put("kubernetes.pss-level", TenancySeverity.always(INFO));
        TABLE.put("kubernetes.pss-admission-denied", TenancySeverity.always(HIGH));
    }

    @Test
    void everyRuleOfTheTableExistsWithItsSeverities() {
        List<SecurityRule> rules = KubernetesRules.all();
        assertEquals(List.copyOf(TABLE.keySet()), rules.stream().map(r -> r.descriptor().id()).toList());
        for (SecurityRule rule : rules) {
            assertEquals(TABLE.get(rule.descriptor().id()), rule.descriptor().tenancy(), rule.descriptor().id());
            TenancySeverity t = rule.descriptor().tenancy();
            assertEquals(t.shared() != null ? t.shared() : t.multiTenant(), rule.descriptor().defaultSeverity(),
                    rule.descriptor().id());
        }
    }

    @TestFactory
    List<DynamicTest> descriptorsAreValid() {
        return KubernetesRules.all().stream().map(rule -> DynamicTest.dynamicTest(rule.descriptor().id(), () -> {
            RuleTestKit.assertDescriptorValid(rule);
            assertTrue(rule.descriptor().helpUri().toString().startsWith("https://docs.gitlab.com/"));
            assertTrue(rule.descriptor().remediation().contains("[runners"), "remediation has a TOML snippet");
            assertTrue(rule.descriptor().tags().contains("kubernetes"));
            assertEquals("0.1.0", rule.descriptor().since());
        })).toList();
    }

    @Test
    void moduleInfoAndServiceFileAgreeAndListEveryRule() throws java.io.IOException {
        ServiceRegistrationCheck.assertConsistent(Path.of(""));
        List<String> listed = java.nio.file.Files.readAllLines(
                        Path.of("src/main/resources/META-INF/services/" + ServiceRegistrationCheck.SERVICE))
                .stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        assertEquals(KubernetesRules.all().stream().map(r -> r.getClass().getName()).sorted().toList(), listed);
    }
}
