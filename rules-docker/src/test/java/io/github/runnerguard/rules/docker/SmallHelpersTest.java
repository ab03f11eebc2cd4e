package io.github.runnerguard.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Capabilities, security options, image patterns, root users, device rules and host addresses. */
class SmallHelpersTest {

    @Test
    void capabilitiesFollowDockersTweakCapabilities() {
        List<String> none = List.of();
        assertTrue(Capabilities.kept("SETUID", none, none, false), "default set keeps SETUID");
        assertFalse(Capabilities.kept("SETUID", none, List.of("setuid"), false));
        assertFalse(Capabilities.kept("SETUID", none, List.of("CAP_SETUID"), false));
        assertFalse(Capabilities.kept("SETUID", none, List.of("ALL"), false));
        assertTrue(Capabilities.kept("SETUID", List.of("SETUID"), List.of("ALL"), false), "drop ALL keeps cap_add");
        assertTrue(Capabilities.kept("SETUID", List.of("SETUID"), List.of("SETUID"), false), "add wins over drop");
        assertFalse(Capabilities.kept("SETUID", List.of("ALL"), List.of("SETUID"), false), "add ALL minus drop");
        assertTrue(Capabilities.kept("SETUID", none, List.of("ALL"), true), "privileged keeps everything");
        assertEquals("SYS_ADMIN", Capabilities.normalize(" cap_sys_admin "));
    }

    @Test
    void aListNamesACapabilityInAnySpellingThatNormalizesToIt() {
        List<String> spellings = List.of("sys_admin", "SYS_ADMIN", "cap_sys_admin", " Cap_Sys_Admin\t", "CAP_SYS_ADMIN",
                "CAP_CAP_SYS_ADMIN", "sys_admin2", "sys admin", "cap_", "", "\u017fys_admin", "SYS_ADMİN", "stra\u00dfe");
        for (String spelling : spellings) {
            for (String wanted : List.of("SYS_ADMIN", "cap_sys_admin", "STRASSE", "CAP_SYS_ADMIN", "ALL")) {
                assertEquals(Capabilities.normalize(spelling).equals(Capabilities.normalize(wanted)),
                        Capabilities.contains(List.of("NET_RAW", spelling), wanted), spelling + " / " + wanted);
            }
        }
        assertTrue(Capabilities.contains(List.of(" cap_sys_admin "), "SYS_ADMIN"));
        assertTrue(Capabilities.contains(List.of("stra\u00dfe"), "STRASSE"), "non-ASCII names are upper-cased fully");
        assertFalse(Capabilities.contains(List.of("CAP_CAP_SYS_ADMIN"), "SYS_ADMIN"), "one CAP_ prefix is dropped");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"seccomp=unconfined|true", "seccomp:unconfined|true",
        "apparmor=unconfined|true", "apparmor:unconfined|true", "label=disable|true", "label:disable|true",
        "disable|true", "label=type:spc_t|true", "label:type:spc_t|true", "seccomp=/etc/p.json|false",
        "Seccomp=unconfined|false", "seccomp=Unconfined|false", "label=level:s0:c1,c2|false",
        "systempaths=unconfined|false", "no-new-privileges|false", "apparmor=docker-default|false"})
    void unconfiningOptions(String option, boolean unconfines) {
        assertEquals(unconfines, SecurityOpts.unconfines(option).isPresent(), option);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"no-new-privileges|true|false", "no-new-privileges=true|true|false",
        "no-new-privileges:true|true|false", "no-new-privileges=1|true|false", "no-new-privileges=True|true|false",
        "no-new-privileges=false|false|true", "no-new-privileges:0|false|true", "no-new-privileges=yes|false|false",
        "No-New-Privileges|false|false", "seccomp=unconfined|false|false"})
    void noNewPrivileges(String option, boolean on, boolean off) {
        assertEquals(on, SecurityOpts.enablesNoNewPrivileges(option), option);
        assertEquals(off, SecurityOpts.disablesNoNewPrivileges(option), option);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"**|true", "*|true", "**/*|true", "*/*:*|true", "*:*|true", "**:*|true",
        "''|false", "/|false", "registry.example.com/*:*|false", "docker:*|false", "!**|false", "?|false"})
    void matchEverythingPatterns(String pattern, boolean matchesEverything) {
        assertEquals(matchesEverything, ImagePatterns.matchesEverything(pattern), pattern);
    }

    @Test
    void allowListsRestrictAndAdmit() {
        assertTrue(ImagePatterns.admitsSome(List.of()));
        assertFalse(ImagePatterns.admitsSome(List.of("!*", "!docker:*")));
        assertTrue(ImagePatterns.admitsSome(List.of("!*", "docker:*")));
        assertFalse(ImagePatterns.restricts(List.of()));
        assertFalse(ImagePatterns.restricts(List.of("docker:*", "**")));
        assertTrue(ImagePatterns.restricts(List.of("docker:*")));
        assertEquals(Optional.of("*/*:*"), ImagePatterns.firstMatchAll(List.of("a/*", "*/*:*", "**")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"root|true", "0|true", "00|true", "0:0|true", "root:wheel|true",
        "0:1000|true", "1000|false", "1000:0|false", "rooted|false", "Root|false", "nobody|false", ":0|false"})
    void rootUsers(String user, boolean root) {
        assertEquals(root, RunsAsRootRule.isRoot(user), user);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a *:* rwm|true", "a *:* r|true", "b *:* rw|true", "b *:0 rw|true",
        "c *:* rwm|false", "c 189:* rmw|false", "a 1:3 rwm|false", "a|false", "''|false"})
    void deviceRulesThatGrantEverything(String rule, boolean all) {
        assertEquals(all, HostDevicesRule.grantsAll(rule).isPresent(), rule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"tcp://user:secret@10.0.0.1:2375|tcp://10.0.0.1:2375",
        "tcp://10.0.0.1:2375|tcp://10.0.0.1:2375", "tcp://10.0.0.1:2375/a@b|tcp://10.0.0.1:2375/a@b"})
    void hostAddressesLoseTheirCredentials(String host, String shown) {
        assertEquals(shown, DaemonUnencryptedRule.withoutUserInfo(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "docker-windows", "docker+machine", "docker-autoscaler"})
    void theFamilyIsTheFourDockerExecutors(String executor) {
        assertTrue(DockerRules.EXECUTORS.contains(executor));
        assertEquals(4, DockerRules.EXECUTORS.size());
    }
}
