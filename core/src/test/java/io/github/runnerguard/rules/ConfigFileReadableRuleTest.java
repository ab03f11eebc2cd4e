package io.github.runnerguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.FileFacts;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** host.config-file-readable reads the POSIX mode the engine gathered into the audit context. */
class ConfigFileReadableRuleTest {

    private static final String TOML = """
            [[runners]]
              name = "a"
              token = "glrt-secret-value"
              executor = "shell"
            """;

    private final ConfigFileReadableRule rule = new ConfigFileReadableRule();

    private static RunnerConfig config() {
        RunnerConfig config = ConfigLoader.defaults().load(TOML, "/etc/gitlab-runner/config.toml").config();
        assertTrue(config != null);
        return config;
    }

    private static AuditContext withMode(String mode) {
        return AuditContext.defaults().withFile(new FileFacts(Path.of("/etc/gitlab-runner/config.toml"),
                PosixFilePermissions.fromString(mode), "root"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----", "rw-----w-", "rwx--x---",
            "rw-rw-rw-", "------r--"})
    void anyAccessForGroupOrOthersIsReported(String mode) {
        List<Finding> findings = rule.check(config(), withMode(mode));
        assertEquals(1, findings.size(), mode);
        Finding finding = findings.get(0);
        assertEquals("host.config-file-readable", finding.ruleId());
        assertEquals(Severity.HIGH, finding.severity());
        assertNull(finding.runner());
        assertNull(finding.position());
        assertTrue(finding.message().contains(mode), finding.message());
        assertTrue(!finding.message().contains("glrt-secret-value"), finding.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "r--------", "---------", "rwx------"})
    void ownerOnlyIsFine(String mode) {
        assertEquals(List.of(), rule.check(config(), withMode(mode)));
    }

    @Test
    void unknownPermissionsAreNotJudged() {
        assertEquals(List.of(), rule.check(config(), AuditContext.defaults()));
        assertEquals(List.of(), rule.check(config(), AuditContext.defaults()
                .withFile(new FileFacts(Path.of("C:/runner/config.toml"), null, null))));
    }

    @Test
    void messageNamesTheModeInOctalAndWho() {
        Finding finding = rule.check(config(), withMode("rw-r--r--")).get(0);
        assertTrue(finding.message().contains("0644"), finding.message());
        assertTrue(finding.message().contains("its group and all other users"), finding.message());
        Finding groupOnly = rule.check(config(), withMode("rw-r-----")).get(0);
        assertTrue(groupOnly.message().contains("0640") && groupOnly.message().contains("its group can"),
                groupOnly.message());
    }

    @Test
    void severityIsTheSameForEveryTenancy() {
        for (Tenancy tenancy : Tenancy.values()) {
            assertEquals(Severity.HIGH, rule.check(config(), withMode("rw-r--r--").withDefaultTenancy(tenancy))
                    .get(0).severity());
        }
    }

    @Test
    void octal() {
        assertEquals("0600", ConfigFileReadableRule.octal(PosixFilePermissions.fromString("rw-------")));
        assertEquals("0755", ConfigFileReadableRule.octal(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertEquals("0000", ConfigFileReadableRule.octal(PosixFilePermissions.fromString("---------")));
    }
}
