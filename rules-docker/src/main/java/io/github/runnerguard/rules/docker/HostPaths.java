package io.github.runnerguard.rules.docker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a host path bound into a job container exposes: a container-engine socket, a sensitive part of the host, or
 * nothing this module knows of.
 *
 * <p>Each host path belongs to at most one class, so a volume entry is reported by at most one of
 * {@link SocketMountRule} and {@link SensitiveHostMountRule}. A directory that holds an engine socket by default
 * ({@code /}, {@code /var/run}, {@code /run}, ...) counts as a socket mount, because the socket comes with it.
 *
 * <p>Stateless and thread-safe.
 */
final class HostPaths {

    /** The file names of the sockets through which a process controls a container engine. */
    static final List<String> ENGINE_SOCKETS = List.of("docker.sock", "podman.sock", "containerd.sock", "crio.sock");

    /** Directories that hold an engine socket in a default installation (rootful, and rootless under /run/user). */
    private static final List<String> SOCKET_DIRECTORIES = List.of("/var/run", "/run", "/var/run/docker", "/run/docker",
            "/run/containerd", "/var/run/containerd", "/run/podman", "/var/run/podman", "/run/crio", "/var/run/crio");
    private static final Pattern ROOTLESS_SOCKET_DIRECTORY =
            Pattern.compile("/run/user(?:/\\d+(?:/(?:podman|docker))?)?");

    /** Host paths (Linux) whose exposure to a job endangers the host, its other jobs or the runner's secrets. */
    static final List<String> SENSITIVE_LINUX = List.of("/", "/etc", "/root", "/home", "/boot", "/dev", "/proc", "/sys",
            "/usr", "/lib", "/lib64", "/bin", "/sbin", "/var/lib/docker", "/var/lib/containerd", "/var/lib/kubelet",
            "/var/run", "/run");

    /** Host paths (Windows, lower case) whose exposure to a job endangers the host or the runner's secrets. */
    private static final List<String> SENSITIVE_WINDOWS = List.of("windows", "users", "programdata\\docker",
            "program files\\docker", "gitlab-runner");

    private HostPaths() {
    }

    /** Why a host path is dangerous to bind into a job container. */
    record Exposure(String what) {
    }

    /**
     * The engine socket a host path exposes, if any: the socket itself, any {@code *.sock} under {@code /run} or
     * {@code /var/run}, a directory that holds an engine socket by default, or (Windows) a named pipe such as
     * {@code \\.\pipe\docker_engine}.
     */
    static Optional<Exposure> socket(VolumeSpec volume, boolean windows) {
        if (volume.kind() == VolumeSpec.Kind.NAMED_PIPE) {
            return Optional.of(new Exposure("the host named pipe " + volume.source()
                    + (volume.source().toLowerCase(Locale.ROOT).endsWith("docker_engine")
                    ? ", the Docker Engine API" : ", a host service's API")));
        }
        if (volume.kind() != VolumeSpec.Kind.HOST_PATH || windows) {
            return Optional.empty();
        }
        String path = cleanLinux(volume.source());
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (ENGINE_SOCKETS.contains(name)) {
            return Optional.of(new Exposure("the container engine socket " + path));
        }
        if (name.endsWith(".sock") && (under(path, "/run") || under(path, "/var/run"))) {
            return Optional.of(new Exposure("the socket " + path));
        }
        if (path.equals("/") || path.equals("/var") || SOCKET_DIRECTORIES.contains(path)
                || ROOTLESS_SOCKET_DIRECTORY.matcher(path).matches()) {
            return Optional.of(new Exposure(describeDirectory(path) + ", which holds the container engine socket"));
        }
        return Optional.empty();
    }

    /**
     * The sensitive part of the host a host path exposes, if any: one of {@link #SENSITIVE_LINUX} (or its Windows
     * counterparts), anything under one, or a directory above one. Paths that {@link #socket} reports are not
     * reported again here.
     */
    static Optional<Exposure> sensitive(VolumeSpec volume, boolean windows) {
        if (volume.kind() != VolumeSpec.Kind.HOST_PATH || socket(volume, windows).isPresent()) {
            return Optional.empty();
        }
        if (windows) {
            return sensitiveWindows(volume.source());
        }
        String path = cleanLinux(volume.source());
        for (String sensitive : SENSITIVE_LINUX) {
            if (path.equals(sensitive) || !sensitive.equals("/") && under(path, sensitive)) {
                return Optional.of(new Exposure(path.equals(sensitive) ? "the host's " + sensitive + describe(sensitive)
                        : path + ", under the host's " + sensitive + describe(sensitive)));
            }
        }
        for (String sensitive : SENSITIVE_LINUX) {
            if (under(sensitive, path)) {
                return Optional.of(new Exposure(path + ", which contains the host's " + sensitive
                        + describe(sensitive)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Exposure> sensitiveWindows(String source) {
        String path = cleanWindows(source);
        int colon = path.indexOf(':');
        String rest = path.substring(colon + 1);
        if (rest.isEmpty() || rest.equals("\\")) {
            return Optional.of(new Exposure("the root of the host drive " + path.substring(0, colon + 1)));
        }
        rest = rest.substring(1);
        for (String sensitive : SENSITIVE_WINDOWS) {
            if (rest.equals(sensitive) || rest.startsWith(sensitive + "\\")) {
                return Optional.of(new Exposure(source + ", under the host's " + sensitive));
            }
            if (sensitive.startsWith(rest + "\\")) {
                return Optional.of(new Exposure(source + ", which contains the host's " + sensitive));
            }
        }
        return Optional.empty();
    }

    private static String describe(String sensitive) {
        return switch (sensitive) {
            case "/" -> " (the whole file system)";
            case "/etc" -> " (system configuration, and /etc/gitlab-runner/config.toml with the runner tokens)";
            case "/root", "/home" -> " (users' files, SSH keys and credentials)";
            case "/dev" -> " (raw devices, including disks)";
            case "/proc", "/sys" -> " (kernel interfaces of the host)";
            case "/var/lib/docker", "/var/lib/containerd" -> " (every container's and image's files)";
            case "/var/lib/kubelet" -> " (pod volumes and service account tokens)";
            case "/boot" -> " (the kernel and boot loader)";
            default -> " (host executables and libraries)";
        };
    }

    private static String describeDirectory(String path) {
        return path.equals("/") ? "the host's whole file system" : "the host directory " + path;
    }

    /** True when {@code path} is {@code base} or below it (both clean and absolute). */
    static boolean under(String path, String base) {
        return path.equals(base) || path.startsWith(base.equals("/") ? "/" : base + "/");
    }

    /** The absolute path with {@code .}, {@code ..}, repeated and trailing slashes resolved, as Docker cleans it. */
    static String cleanLinux(String path) {
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

    /** The Windows path in lower case with {@code \} separators, no {@code \\?\} prefix and no trailing separator. */
    static String cleanWindows(String path) {
        String clean = path.replace('/', '\\').toLowerCase(Locale.ROOT);
        if (clean.startsWith("\\\\?\\")) {
            clean = clean.substring(4);
        }
        int colon = clean.indexOf(':');
        String drive = clean.substring(0, colon + 1);
        Deque<String> parts = new ArrayDeque<>();
        for (String part : clean.substring(colon + 1).split("\\\\")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return drive + "\\" + String.join("\\", parts);
    }
}
