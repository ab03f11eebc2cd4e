package io.github.runnerguard.rules.kubernetes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import io.github.runnerguard.rules.kubernetes.internal.PatchScanner.PatchSetting;
import io.github.runnerguard.rules.kubernetes.internal.PodSecurity.Control;
import org.junit.jupiter.api.Test;

class PatchScannerTest {

    private static List<String> described(PatchScanner.Scan scan) {
        return scan.settings().stream().map(s -> s.location() + "=" + s.value()).toList();
    }

    @Test
    void jsonPatchOperationsGiveTheirPathAndValue() {
        PatchScanner.Scan scan = PatchScanner.scan("""
                [{"op": "add", "path": "/hostNetwork", "value": true},
                 {"op": "replace", "path": "/containers/0/securityContext", "value": {"privileged": true}},
                 {"op": "remove", "path": "/containers/1/securityContext/allowPrivilegeEscalation"},
                 {"op": "test", "path": "/hostPID", "value": true}]
                """, "json");
        assertFalse(scan.textual());
        assertEquals(List.of("hostNetwork=true", "containers[0].securityContext=<nested>",
                "containers[0].securityContext.privileged=true",
                "containers[1].securityContext.allowPrivilegeEscalation=<removed>"), described(scan));
    }

    @Test
    void mergePatchesAreWalked() {
        PatchScanner.Scan scan = PatchScanner.scan(
                "{\"volumes\": [{\"name\": \"n\", \"hostPath\": {\"path\": \"/\"}}], \"hostUsers\": true}", "merge");
        assertTrue(described(scan).contains("volumes[0].hostPath.path=/"), described(scan).toString());
        assertTrue(described(scan).contains("hostUsers=true"));
    }

    @Test
    void yamlIsScannedWithParentsFromIndentation() {
        PatchScanner.Scan scan = PatchScanner.scan("""
                  containers:
                    - name: build   # the build container
                      securityContext:
                        privileged: true
                        capabilities:
                          add:
                            - SYS_ADMIN
                          drop: ["ALL"]
                  hostPID: "true"
                  securityContext:
                    seccompProfile:
                      type: Unconfined
                """, "strategic");
        assertTrue(scan.textual());
        List<String> settings = described(scan);
        assertTrue(settings.contains("containers.name=build"), settings.toString());
        assertTrue(settings.contains("containers.securityContext.privileged=true"), settings.toString());
        assertTrue(settings.contains("containers.securityContext.capabilities.add[-]=SYS_ADMIN"),
                settings.toString());
        assertTrue(settings.contains("containers.securityContext.capabilities.drop[0]=ALL"), settings.toString());
        // a quoted "true" is a string, not a boolean
        assertTrue(settings.contains("hostPID=true"));
        PatchSetting pid = scan.settings().stream().filter(s -> s.key().equals("hostPID")).findFirst().orElseThrow();
        assertFalse(pid.isTrue());
        List<Control> controls = scan.settings().stream().map(PodSecurity::patchViolation)
                .filter(java.util.Objects::nonNull).toList();
        assertEquals(List.of(Control.PRIVILEGED_CONTAINERS, Control.CAPABILITIES_BASELINE, Control.SECCOMP_BASELINE),
                controls);
    }

    @Test
    void yamlLinesAreNumbered() {
        PatchScanner.Scan scan = PatchScanner.scan("\nhostNetwork: true\n", "strategic");
        assertEquals(2, scan.settings().get(0).line());
    }
}
