package io.github.runnerguard.rules.kubernetes;

import static io.github.runnerguard.spi.Severity.CRITICAL;
import static io.github.runnerguard.spi.Severity.HIGH;
import static io.github.runnerguard.spi.Severity.MEDIUM;

import java.util.List;
import io.github.runnerguard.rules.kubernetes.internal.HostPaths;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * The rule {@code kubernetes.host-path}, which reports when a {@code [[runners.kubernetes.volumes.host_path]]} volume
 * mounts a node path into the job pod. The mounted path is {@code host_path}, or {@code mount_path} when {@code
 * host_path} is empty (as gitlab-runner does), joined with {@code sub_path}. A container runtime socket, or a
 * directory that holds one, is critical whatever the tenancy; a sensitive system path gets the tenancy severity; any
 * other path one level less.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubernetesHostPathRule extends KubernetesRule {

    static final RuleDescriptor DESCRIPTOR = describe("kubernetes.host-path",
            "Node path mounted into job pods",
            TenancySeverity.of(MEDIUM, HIGH, CRITICAL),
            "The severity is for a sensitive system path; other paths are one level lower, and a container runtime "
                    + "socket is critical on every runner because it gives control of the node.",
            "A hostPath volume shares a directory of the node with every job the runner accepts: a job can read "
                    + "and change what other pods and the node keep there. The container runtime socket gives full "
                    + "control of every container on the node, and system paths expose credentials and devices.",
            """
                    Remove the host_path volume; use an emptyDir, a PVC or a secret instead, and run Docker builds \
                    with a rootless builder rather than the node's socket:
                    [[runners.kubernetes.volumes.empty_dir]]
                      name = "cache"
                      mount_path = "/cache\"""",
            "#exposed-varrundockersock",
            List.of("Kubernetes executor: Exposed `/var/run/docker.sock` (https://docs.gitlab.com/runner/executors/"
                            + "kubernetes/#exposed-varrundockersock)",
                    "Pod Security Standards Baseline: HostPath Volumes (https://kubernetes.io/docs/concepts/security/"
                            + "pod-security-standards/#baseline)",
                    "CIS Docker Benchmark v1.6.0 5.6",
                    "CIS Docker Benchmark v1.6.0 5.32",
                    "CWE-668: Exposure of Resource to Wrong Sphere",
                    "Checkov CKV_K8S_27",
                    "kubesec DockerSock"),
            List.of("kubernetes", "isolation", "volumes", "pss-baseline"));

    /** Creates the rule. */
    public KubernetesHostPathRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    void check(KubernetesRunner runner, Emitter emit, AuditContext context) {
        for (KubernetesRunner.HostPathVolume volume : runner.hostPathVolumes()) {
            String path = HostPaths.mounted(volume.hostPath(), volume.subPath());
            HostPaths.Kind kind = HostPaths.classify(path);
            Severity severity = switch (kind) {
                case RUNTIME_SOCKET -> CRITICAL;
                case SENSITIVE -> emit.base();
                case OTHER -> emit.base().lower();
            };
            String what = switch (kind) {
                case RUNTIME_SOCKET -> HostPaths.socketOf(path).orElse(path).equals(path)
                        ? "the container runtime socket: a job controls every container on the node"
                        : "a directory holding the container runtime socket "
                                + HostPaths.socketOf(path).orElse("") + ": a job controls every container on the node";
                case SENSITIVE -> "a sensitive system path of the node";
                case OTHER -> "a directory of the node shared by all jobs";
            };
            String source = volume.hostPathSetting().value() == null || volume.hostPathSetting().value().isEmpty()
                    ? " (host_path is empty, so gitlab-runner mounts mount_path from the node)" : "";
            emit.report(severity, "host_path volume \"" + volume.name() + "\" mounts " + path
                    + (volume.readOnly() ? " read-only" : " read-write") + " at " + volume.mountPath() + source
                    + ": " + what, volume.path(), volume.position());
        }
    }
}
