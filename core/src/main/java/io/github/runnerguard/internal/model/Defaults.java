package io.github.runnerguard.internal.model;

import io.github.runnerguard.config.Value;
import org.jspecify.annotations.Nullable;

/**
 * gitlab-runner's defaults that depend on other settings, used by {@link SectionReaders} for keys the file leaves out.
 *
 * <p>A default never replaces a value written in the file, even one gitlab-runner corrects at run time
 * ({@code check_interval = 0} stays 0): rules see what the file says. Stateless and thread-safe.
 */
final class Defaults {

    private Defaults() {
    }

    /** {@code read} when the file sets it, else gitlab-runner's default {@code fallback} (absent when null). */
    static <T> Value<T> or(Value<T> read, @Nullable T fallback) {
        return read.value() != null ? read : Value.defaulted(fallback);
    }

    /** {@code read} when the file sets it, else {@code fallback}: a default shared by every table that lacks it. */
    static <T> Value<T> orShared(Value<T> read, Value<T> fallback) {
        return read.value() != null ? read : fallback;
    }

    /**
     * {@code [[runners]] clean_git_config}: true, except with the shell executor. ({@code GIT_STRATEGY=none} also turns
     * it off, but that is a job variable, not a setting of the file.)
     */
    static Boolean cleanGitConfig(Scope scope) {
        return !scope.executorIn("shell");
    }

    /**
     * {@code [runners.custom_build_dir] enabled}: true for the executors that isolate each job's build directory
     * (docker, docker-windows, docker+machine, docker-autoscaler, kubernetes), false for the others; the instance
     * executor runs jobs on a shared VM and defaults to false ({@code DefaultCustomBuildsDirEnabled} of each executor).
     */
    static Boolean customBuildDirEnabled(Scope scope) {
        return scope.executorIn("docker", "docker-windows", "docker+machine", "docker-autoscaler", "kubernetes");
    }

    /**
     * {@code [runners.cache.s3] AuthenticationType}: {@code access-key} when {@code ServerAddress}, {@code AccessKey}
     * and {@code SecretKey} are all non-empty, else {@code iam}.
     */
    static String s3AuthenticationType(Value<String> serverAddress, Value<String> accessKey, Value<String> secretKey) {
        boolean keys = !serverAddress.orElse("").isEmpty() && !accessKey.orElse("").isEmpty()
                && !secretKey.orElse("").isEmpty();
        return keys ? "access-key" : "iam";
    }

    /** {@code connector_config protocol}: {@code winrm} for a Windows instance, else {@code ssh}. */
    static String connectorProtocol(Value<String> os) {
        return "windows".equalsIgnoreCase(os.orElse("").trim()) ? "winrm" : "ssh";
    }

    /** {@code connector_config protocol_port}: the port of {@code protocol}, or none for an unknown protocol. */
    static @Nullable Long connectorProtocolPort(Value<String> protocol) {
        switch (protocol.orElse("")) {
            case "ssh":
                return 22L;
            case "winrm":
                return 5985L;
            case "winrm+https":
                return 5986L;
            default:
                return null;
        }
    }

    /** {@code [[...policy]] preemptive_mode}: true when the policy keeps idle capacity ({@code idle_count > 0}). */
    static Boolean preemptiveMode(Value<Long> idleCount) {
        return idleCount.orElse(0L) > 0;
    }
}
