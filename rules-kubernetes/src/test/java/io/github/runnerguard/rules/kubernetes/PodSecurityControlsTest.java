package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.APPARMOR;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.CAPABILITIES_BASELINE;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.CAPABILITIES_RESTRICTED;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.HOST_NAMESPACES;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.HOST_PATH_VOLUMES;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.HOST_PORTS;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.HOST_PROCESS;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.PRIVILEGED_CONTAINERS;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.PRIVILEGE_ESCALATION;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.PROC_MOUNT;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.RUNNING_AS_NON_ROOT;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.RUNNING_AS_NON_ROOT_USER;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.SECCOMP_BASELINE;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.SECCOMP_RESTRICTED;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.SELINUX;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.SYSCTLS;
import static io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control.VOLUME_TYPES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.rules.kubernetes.internal.PodSecurity;
import io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control;
import io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Baseline and Restricted control of the Pod Security Standards, with a firing and a passing config. */
class PodSecurityControlsTest {

    static Stream<Arguments> controls() {
        return Stream.of(
                // ---- Baseline
                Arguments.of(HOST_PROCESS,
                        patch("{\"securityContext\": {\"windowsOptions\": {\"hostProcess\": true}}}"),
                        patch("{\"securityContext\": {\"windowsOptions\": {\"hostProcess\": false}}}")),
                Arguments.of(HOST_NAMESPACES, patch("{\"hostIPC\": true}"), patch("{\"hostIPC\": false}")),
                Arguments.of(PRIVILEGED_CONTAINERS,
                        "[runners.kubernetes.helper_container_security_context]\n  privileged = true",
                        "privileged = false"),
                Arguments.of(CAPABILITIES_BASELINE, "cap_add = [\"NET_RAW\"]",
                        "cap_add = [\"CHOWN\", \"NET_BIND_SERVICE\"]"),
                Arguments.of(HOST_PATH_VOLUMES,
                        "[[runners.kubernetes.volumes.host_path]]\n  name = \"h\"\n  mount_path = \"/data\"",
                        "[[runners.kubernetes.volumes.empty_dir]]\n  name = \"e\"\n  mount_path = \"/data\""),
                Arguments.of(HOST_PORTS,
                        patch("{\"containers\": [{\"name\": \"build\", \"ports\": [{\"containerPort\": 80, "
                                + "\"hostPort\": 8080}]}]}"),
                        patch("{\"containers\": [{\"name\": \"build\", \"ports\": [{\"containerPort\": 80, "
                                + "\"hostPort\": 0}]}]}")),
                Arguments.of(APPARMOR,
                        "[runners.kubernetes.build_container_security_context.app_armor_profile]\n"
                                + "  type = \"Unconfined\"",
                        "[runners.kubernetes.build_container_security_context.app_armor_profile]\n"
                                + "  type = \"RuntimeDefault\""),
                Arguments.of(APPARMOR,
                        "[runners.kubernetes.pod_annotations]\n"
                                + "  \"container.apparmor.security.beta.kubernetes.io/build\" = \"unconfined\"",
                        "[runners.kubernetes.pod_annotations]\n"
                                + "  \"container.apparmor.security.beta.kubernetes.io/build\" = \"runtime/default\""),
                Arguments.of(SELINUX,
                        "[runners.kubernetes.pod_security_context]\n  selinux_type = \"spc_t\"",
                        "[runners.kubernetes.pod_security_context]\n  selinux_type = \"container_t\""),
                Arguments.of(SELINUX,
                        patch("{\"securityContext\": {\"seLinuxOptions\": {\"user\": \"system_u\"}}}"),
                        patch("{\"securityContext\": {\"seLinuxOptions\": {\"type\": \"container_init_t\"}}}")),
                Arguments.of(PROC_MOUNT,
                        "[runners.kubernetes.build_container_security_context]\n  proc_mount = \"unmasked\"",
                        "[runners.kubernetes.build_container_security_context]\n  proc_mount = \"default\""),
                Arguments.of(SECCOMP_BASELINE,
                        "[runners.kubernetes.helper_container_security_context.seccomp_profile]\n"
                                + "  type = \"Unconfined\"",
                        "[runners.kubernetes.helper_container_security_context.seccomp_profile]\n"
                                + "  type = \"Localhost\"\n  localhost_profile = \"profiles/helper.json\""),
                Arguments.of(SYSCTLS,
                        patch("{\"securityContext\": {\"sysctls\": [{\"name\": \"kernel.msgmax\", "
                                + "\"value\": \"65536\"}]}}"),
                        patch("{\"securityContext\": {\"sysctls\": [{\"name\": \"net.ipv4.ip_local_port_range\", "
                                + "\"value\": \"1024 65535\"}]}}")),
                // ---- Restricted
                Arguments.of(VOLUME_TYPES,
                        "[[runners.kubernetes.volumes.nfs]]\n  name = \"n\"\n  mount_path = \"/n\"\n"
                                + "  server = \"nfs.example.com\"\n  path = \"/export\"",
                        "[[runners.kubernetes.volumes.pvc]]\n  name = \"p\"\n  mount_path = \"/p\"\n"
                                + "[[runners.kubernetes.volumes.secret]]\n  name = \"s\"\n  mount_path = \"/s\""),
                Arguments.of(PRIVILEGE_ESCALATION,
                        "[runners.kubernetes.build_container_security_context]\n  allow_privilege_escalation = false",
                        "allow_privilege_escalation = false"),
                Arguments.of(RUNNING_AS_NON_ROOT,
                        "[runners.kubernetes.build_container_security_context]\n  run_as_non_root = true",
                        "[runners.kubernetes.pod_security_context]\n  run_as_non_root = true"),
                Arguments.of(RUNNING_AS_NON_ROOT_USER,
                        "[runners.kubernetes.init_permissions_container_security_context]\n  run_as_user = 0",
                        "[runners.kubernetes.init_permissions_container_security_context]\n  run_as_user = 1000"),
                Arguments.of(SECCOMP_RESTRICTED,
                        "[runners.kubernetes.build_container_security_context.seccomp_profile]\n"
                                + "  type = \"RuntimeDefault\"",
                        "[runners.kubernetes.pod_security_context.seccomp_profile]\n  type = \"RuntimeDefault\""),
                Arguments.of(CAPABILITIES_RESTRICTED, "cap_drop = [\"NET_RAW\", \"SYS_ADMIN\"]",
                        "cap_drop = [\"ALL\"]\ncap_add = [\"NET_BIND_SERVICE\"]"));
    }

    private static String patch(String json) {
        return "[[runners.kubernetes.pod_spec]]\n  name = \"p\"\n  patch_type = \"strategic\"\n  patch = '" + json
                + "'";
    }

    private static Set<Control> failed(String body) {
        KubernetesRunner runner = KubernetesRunner.of(
                KubernetesRules.load(KubernetesRules.runner(body)).runners().get(0)).orElseThrow();
        return PodSecurity.assess(runner).violations().stream().map(PodSecurity.Violation::control)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Control.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controls")
    void controlFiresAndPasses(Control control, String firing, String passing) {
        assertTrue(failed(firing).contains(control), control + " should fail for:\n" + firing);
        assertFalse(failed(passing).contains(control), control + " should pass for:\n" + passing);
    }

    @Test
    void everyControlIsCovered() {
        Set<Control> covered = controls().map(a -> (Control) a.get()[0])
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Control.class)));
        assertEquals(EnumSet.allOf(Control.class), covered);
    }

    private static PodSecurity.Assessment assess(String body) {
        return PodSecurity.assess(KubernetesRunner.of(
                KubernetesRules.load(KubernetesRules.runner(body)).runners().get(0)).orElseThrow());
    }

    @Test
    void gitlabRunnerDefaultsMeetBaselineOnly() {
        PodSecurity.Assessment a = assess("namespace = \"ci\"");
        assertEquals(Level.BASELINE, a.level());
        assertEquals(EnumSet.of(PRIVILEGE_ESCALATION, RUNNING_AS_NON_ROOT, SECCOMP_RESTRICTED,
                CAPABILITIES_RESTRICTED), a.blockingNextLevel().stream().map(PodSecurity.Violation::control)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Control.class))));
    }

    @Test
    void hardenedRunnerMeetsRestricted() {
        PodSecurity.Assessment a = assess("""
                allow_privilege_escalation = false
                cap_drop = ["ALL"]
                [runners.kubernetes.pod_security_context]
                  run_as_non_root = true
                  run_as_user = 1000
                  [runners.kubernetes.pod_security_context.seccomp_profile]
                    type = "RuntimeDefault"
                """);
        assertEquals(Level.RESTRICTED, a.level(), a.violations().toString());
        assertEquals(List.of(), a.rejectedAt(Level.RESTRICTED));
    }

    @Test
    void helperAndInitContainersCountToo() {
        // the build container is hardened, the helper, service and init containers are not
        PodSecurity.Assessment a = assess("""
                [runners.kubernetes.build_container_security_context]
                  allow_privilege_escalation = false
                """);
        PodSecurity.Violation escalation = a.violations().stream()
                .filter(v -> v.control() == PRIVILEGE_ESCALATION).findFirst().orElseThrow();
        assertTrue(escalation.detail().contains("helper, services, init-permissions"), escalation.detail());
        assertFalse(escalation.detail().contains("build"), escalation.detail());
    }

    @Test
    void privilegedRunnerIsPrivilegedLevel() {
        PodSecurity.Assessment a = assess("privileged = true");
        assertEquals(Level.PRIVILEGED, a.level());
        assertEquals(List.of(PRIVILEGED_CONTAINERS),
                a.blockingNextLevel().stream().map(PodSecurity.Violation::control).toList());
        assertFalse(a.rejectedAt(Level.BASELINE).isEmpty());
    }

    @Test
    void patchesIgnoredWhenTheFeatureFlagIsOff() {
        String toml = """
                [[runners]]
                  name = "k8s"
                  executor = "kubernetes"
                  [runners.feature_flags]
                    FF_USE_ADVANCED_POD_SPEC_CONFIGURATION = false
                  [runners.kubernetes]
                    [[runners.kubernetes.pod_spec]]
                      name = "p"
                      patch = '{"hostNetwork": true}'
                """;
        PodSecurity.Assessment a = PodSecurity.assess(
                KubernetesRunner.of(KubernetesRules.load(toml).runners().get(0)).orElseThrow());
        assertFalse(a.violations().stream().anyMatch(v -> v.control() == HOST_NAMESPACES));
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("ignored")));
    }

    @Test
    void jobsThatMaySetAnnotationsAreNoted() {
        assertTrue(assess("pod_annotations_overwrite_allowed = \".*\"").notes().stream()
                .anyMatch(n -> n.contains("AppArmor off")));
        assertFalse(assess("pod_annotations_overwrite_allowed = '^team=[a-z]+$'").notes().stream()
                .anyMatch(n -> n.contains("AppArmor off")));
    }

    @Test
    void privilegedWithoutEscalationIsRefusedByTheApi() {
        assertTrue(assess("privileged = true\nallow_privilege_escalation = false").notes().stream()
                .anyMatch(n -> n.contains("refuses")));
        assertFalse(assess("privileged = true").notes().stream().anyMatch(n -> n.contains("refuses")));
    }
}
