package io.github.runnerguard.rules.kubernetes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPathsTest {

    @ParameterizedTest(name = "{0} + {1} is {2}")
    @CsvSource({
        "/var/run/docker.sock,,RUNTIME_SOCKET",
        "/run/containerd,,RUNTIME_SOCKET",
        "/var/run,docker.sock,RUNTIME_SOCKET",
        "/var//run/./crio/crio.sock,,RUNTIME_SOCKET",
        "/,,RUNTIME_SOCKET",
        "/var,,RUNTIME_SOCKET",
        "/home/user/podman.sock,,RUNTIME_SOCKET",
        "/etc/,,SENSITIVE",
        "/etc/kubernetes/pki,,SENSITIVE",
        "/var/lib/kubelet/pods,,SENSITIVE",
        "/var/lib/containers/storage,,SENSITIVE",
        "/proc/1/root,,SENSITIVE",
        "/dev/fuse,,SENSITIVE",
        "/root/.ssh,,SENSITIVE",
        "/var/lib,,SENSITIVE",
        "/srv/cache,,OTHER",
        "/etc/ssl/certs,,OTHER",
        "/data/../srv/x,,OTHER",
    })
    void classifies(String hostPath, String subPath, HostPaths.Kind expected) {
        assertEquals(expected, HostPaths.classify(HostPaths.mounted(hostPath, subPath == null ? "" : subPath)));
    }
}
