package io.github.runnerguard.rules.kubernetes.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Classifies node paths mounted into job pods: container runtime sockets (and the directories that hold them) and
 * sensitive system paths. Stateless and thread-safe.
 */
public final class HostPaths {

    /** The container runtime sockets of common nodes. */
    public static final List<String> RUNTIME_SOCKETS = List.of("/var/run/docker.sock", "/run/docker.sock",
            "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock", "/var/run/crio/crio.sock",
            "/run/crio/crio.sock", "/var/run/podman/podman.sock", "/run/podman/podman.sock",
            "/var/run/cri-dockerd.sock", "/run/cri-dockerd.sock", "/run/k3s/containerd/containerd.sock",
            "/var/snap/microk8s/common/run/containerd.sock", "/run/buildkit/buildkitd.sock");

    private static final List<String> SOCKET_NAMES = List.of("docker.sock", "containerd.sock", "crio.sock",
            "podman.sock", "cri-dockerd.sock", "buildkitd.sock");

    /** Paths that are sensitive themselves, and whose ancestors are too (mounting {@code /var} exposes them). */
    private static final List<String> SENSITIVE = List.of("/etc", "/root", "/home", "/proc", "/sys", "/dev",
            "/boot", "/usr", "/lib", "/lib64", "/bin", "/sbin", "/var/lib/kubelet", "/etc/kubernetes",
            "/var/lib/docker", "/var/lib/containerd", "/var/lib/containers", "/var/run", "/run", "/var/log",
            "/var/lib/etcd", "/etc/cni", "/opt/cni", "/var/lib/cni");

    /** Trees everything below which is sensitive. */
    private static final List<String> SENSITIVE_TREES = List.of("/proc", "/sys", "/dev", "/boot", "/root",
            "/etc/kubernetes", "/var/lib/kubelet", "/var/lib/docker", "/var/lib/containerd", "/var/lib/containers",
            "/var/lib/etcd", "/var/run", "/run", "/var/log", "/etc/cni", "/opt/cni", "/var/lib/cni", "/etc/ssh",
            "/etc/shadow", "/etc/sudoers", "/etc/sudoers.d", "/etc/passwd", "/etc/group", "/etc/pki");

    private HostPaths() {
    }

    /** What a mounted node path exposes. */
    public enum Kind {
        /** A container runtime socket or a directory holding one: control of every container on the node. */
        RUNTIME_SOCKET,
        /** A system path: node credentials, other pods' data, devices or kernel interfaces. */
        SENSITIVE,
        /** Any other node path. */
        OTHER
    }

    /** Normalizes a POSIX path: collapses {@code //}, {@code /./}, {@code ..}, drops a trailing slash. */
    public static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The path mounted from the node: the host path, plus the sub-path when one is set. */
    public static String mounted(String hostPath, String subPath) {
        return normalize(subPath.isEmpty() ? hostPath : hostPath + "/" + subPath);
    }

    /** Classifies a normalized absolute path. */
    public static Kind classify(String path) {
        return socketOf(path).isPresent() ? Kind.RUNTIME_SOCKET
                : sensitive(path) ? Kind.SENSITIVE : Kind.OTHER;
    }

    /** The runtime socket the path is or contains, if any. */
    public static Optional<String> socketOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (SOCKET_NAMES.contains(name)) {
            return Optional.of(path);
        }
        return RUNTIME_SOCKETS.stream().filter(socket -> isAncestor(path, socket)).findFirst();
    }

    private static boolean sensitive(String path) {
        return SENSITIVE.stream().anyMatch(s -> s.equals(path) || isAncestor(path, s))
                || SENSITIVE_TREES.stream().anyMatch(t -> t.equals(path) || isAncestor(t, path));
    }

    /** True when {@code ancestor} is a proper ancestor directory of {@code path}. */
    static boolean isAncestor(String ancestor, String path) {
        if (ancestor.equals("/")) {
            return !path.equals("/");
        }
        return path.startsWith(ancestor + "/");
    }
}
