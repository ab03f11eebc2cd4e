package io.github.runnerguard.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A deterministic generator of large config.toml files and a reader of the shared corpus, for benchmarks and
 * robustness tests.
 *
 * <p>{@link #generate(int)} writes exactly the requested number of {@code [[runners]]}, cycling through the common
 * executors (docker, kubernetes, shell, ssh, docker+machine, docker-autoscaler, virtualbox, custom), each with its
 * realistic sections: caches, volumes, security contexts, services, autoscaling policies, environment, feature
 * flags; some safe, some risky, so every rule family has work to do. The text depends only on the count.
 *
 * <p>Stateless and thread-safe.
 */
public final class FleetConfigs {

    private FleetConfigs() {
    }

    /** A config with {@code runners} runners (at least 1) of mixed executors. */
    public static String generate(int runners) {
        if (runners < 1) {
            throw new IllegalArgumentException("at least one runner");
        }
        StringBuilder out = new StringBuilder(runners * 900);
        out.append("concurrent = ").append(Math.min(runners, 64)).append('\n')
                .append("check_interval = 3\n")
                .append("log_level = \"info\"\n")
                .append("shutdown_timeout = 30\n\n")
                .append("[session_server]\n")
                .append("  listen_address = \"[::]:8093\"\n")
                .append("  session_timeout = 1800\n");
        for (int i = 0; i < runners; i++) {
            runner(out, i);
        }
        return out.toString();
    }

    private static void runner(StringBuilder out, int i) {
        String[] executors = {"docker", "kubernetes", "shell", "ssh", "docker+machine", "docker-autoscaler",
            "virtualbox", "custom"};
        String executor = executors[i % executors.length];
        boolean risky = i % 3 == 0;
        out.append("\n[[runners]]\n")
                .append("  name = \"runner-").append(i).append("\"\n")
                .append("  url = \"https://gitlab.example.com/\"\n")
                .append("  id = ").append(1000 + i).append('\n')
                .append("  token = \"glrt-").append(token(i)).append("\"\n")
                .append("  token_obtained_at = 2026-01-0").append(1 + i % 9).append("T10:00:00Z\n")
                .append("  token_expires_at = 0001-01-01T00:00:00Z\n")
                .append("  executor = \"").append(executor).append("\"\n")
                .append("  limit = ").append(i % 10).append('\n')
                .append("  request_concurrency = ").append(1 + i % 4).append('\n')
                .append("  environment = [\"DOCKER_DRIVER=overlay2\", \"RUNNER_INDEX=").append(i).append("\"")
                .append(risky ? ", \"GIT_SSL_NO_VERIFY=true\"" : "").append("]\n");
        if (i % 4 == 0) {
            out.append("  pre_build_script = \"echo start ").append(i).append("\"\n");
        }
        if (i % 5 == 0) {
            out.append("  [runners.custom_build_dir]\n    enabled = ").append(risky).append('\n');
        }
        out.append("  [runners.feature_flags]\n    FF_USE_FASTZIP = true\n")
                .append("    FF_NETWORK_PER_BUILD = ").append(!risky).append('\n');
        out.append("  [runners.cache]\n")
                .append("    Type = \"s3\"\n    Shared = ").append(risky).append('\n')
                .append("    [runners.cache.s3]\n")
                .append("      ServerAddress = \"s3.amazonaws.com\"\n")
                .append("      AccessKey = \"AKIA").append(token(i + 7).substring(0, 16).toUpperCase()).append("\"\n")
                .append("      SecretKey = \"").append(token(i + 11)).append("\"\n")
                .append("      BucketName = \"runner-cache\"\n")
                .append("      Insecure = ").append(risky).append('\n');
        switch (executor) {
            case "docker", "docker+machine", "docker-autoscaler" -> docker(out, i, risky);
            case "kubernetes" -> kubernetes(out, i, risky);
            case "ssh" -> out.append("  [runners.ssh]\n    user = \"ci\"\n    host = \"build-").append(i)
                    .append(".internal\"\n    port = \"22\"\n    identity_file = \"/home/ci/.ssh/id_ed25519\"\n")
                    .append("    disable_strict_host_key_checking = ").append(risky).append('\n');
            case "virtualbox" -> out.append("  [runners.virtualbox]\n    base_name = \"ubuntu-").append(i)
                    .append("\"\n    disable_snapshots = ").append(risky).append('\n')
                    .append("  [runners.ssh]\n    user = \"vagrant\"\n    password = \"").append(token(i + 3))
                    .append("\"\n");
            case "custom" -> out.append("  [runners.custom]\n    prepare_exec = \"/opt/ci/prepare.sh\"\n")
                    .append("    run_exec = \"/opt/ci/run.sh\"\n    cleanup_exec = \"/opt/ci/cleanup.sh\"\n");
            default -> {
            }
        }
        if (executor.equals("docker+machine")) {
            out.append("  [runners.machine]\n    IdleCount = 2\n    IdleTime = 1800\n    MaxBuilds = ")
                    .append(risky ? 0 : 1).append("\n    MachineDriver = \"amazonec2\"\n")
                    .append("    MachineName = \"auto-%s\"\n    MachineOptions = [\"amazonec2-region=eu-west-1\", ")
                    .append("\"amazonec2-instance-type=m5.large\"]\n")
                    .append("    [[runners.machine.autoscaling]]\n      Periods = [\"* * 9-17 * * mon-fri *\"]\n")
                    .append("      IdleCount = 10\n      IdleTime = 600\n      Timezone = \"UTC\"\n");
        }
        if (executor.equals("docker-autoscaler")) {
            out.append("  [runners.autoscaler]\n    plugin = \"aws:latest\"\n    capacity_per_instance = ")
                    .append(risky ? 4 : 1).append("\n    max_use_count = ").append(risky ? 0 : 1)
                    .append("\n    max_instances = 20\n")
                    .append("    [runners.autoscaler.plugin_config]\n      name = \"asg-").append(i).append("\"\n")
                    .append("    [runners.autoscaler.connector_config]\n      username = \"ec2-user\"\n")
                    .append("      use_external_addr = true\n")
                    .append("    [[runners.autoscaler.policy]]\n      idle_count = 2\n      idle_time = \"20m0s\"\n");
        }
    }

    private static void docker(StringBuilder out, int i, boolean risky) {
        out.append("  [runners.docker]\n")
                .append("    tls_verify = false\n")
                .append("    image = \"alpine:3.20\"\n")
                .append("    privileged = ").append(risky).append('\n')
                .append("    disable_entrypoint_overwrite = false\n")
                .append("    oom_kill_disable = false\n")
                .append("    disable_cache = false\n")
                .append("    volumes = [\"/cache\"").append(risky ? ", \"/var/run/docker.sock:/var/run/docker.sock\"" : "")
                .append("]\n")
                .append("    shm_size = 0\n")
                .append("    network_mode = \"").append(i % 6 == 0 ? "host" : "bridge").append("\"\n")
                .append("    pull_policy = [\"").append(risky ? "if-not-present" : "always").append("\"]\n")
                .append("    allowed_images = [\"registry.example.com/*:*\"]\n")
                .append("    cap_add = [").append(risky ? "\"SYS_ADMIN\"" : "").append("]\n")
                .append("    cap_drop = [\"NET_RAW\"]\n")
                .append("    security_opt = [").append(risky ? "\"seccomp:unconfined\"" : "").append("]\n");
        if (i % 2 == 0) {
            out.append("    [[runners.docker.services]]\n      name = \"postgres:16\"\n      alias = \"db\"\n")
                    .append("    [[runners.docker.services]]\n      name = \"redis:7\"\n");
        }
    }

    private static void kubernetes(StringBuilder out, int i, boolean risky) {
        out.append("  [runners.kubernetes]\n")
                .append("    host = \"\"\n")
                .append("    namespace = \"ci-").append(i % 7).append("\"\n")
                .append("    privileged = ").append(risky).append('\n')
                .append("    image = \"alpine:3.20\"\n")
                .append("    service_account = \"runner\"\n")
                .append("    cpu_limit = \"2\"\n    memory_limit = \"4Gi\"\n")
                .append("    pull_policy = [\"").append(risky ? "if-not-present" : "always").append("\"]\n")
                .append("    allow_privilege_escalation = ").append(risky).append('\n')
                .append("    [runners.kubernetes.node_selector]\n      \"kubernetes.io/os\" = \"linux\"\n")
                .append("    [runners.kubernetes.pod_security_context]\n      run_as_non_root = ").append(!risky)
                .append("\n      run_as_user = ").append(risky ? 0 : 1000).append('\n')
                .append("    [runners.kubernetes.build_container_security_context]\n")
                .append("      privileged = ").append(risky).append('\n')
                .append("      [runners.kubernetes.build_container_security_context.capabilities]\n")
                .append("        add = [").append(risky ? "\"NET_ADMIN\"" : "").append("]\n")
                .append("        drop = [\"ALL\"]\n");
        if (risky) {
            out.append("    [[runners.kubernetes.volumes.host_path]]\n      name = \"docker\"\n")
                    .append("      mount_path = \"/var/run/docker.sock\"\n");
        }
        out.append("    [[runners.kubernetes.volumes.empty_dir]]\n      name = \"scratch\"\n")
                .append("      mount_path = \"/scratch\"\n      medium = \"Memory\"\n");
    }

    private static String token(int i) {
        long x = 0x9E3779B97F4A7C15L * (i + 1);
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 29;
        String hex = Long.toHexString(x) + Long.toHexString(~x);
        while (hex.length() < 24) {
            hex += "a";
        }
        return hex.substring(0, 24);
    }

    /**
     * The {@code corpus/gitlab-runner} folder of the shared material next to the project root
     * ({@code <root>/../shared}), found by walking up from the working directory; empty when it is absent.
     */
    public static java.util.Optional<Path> sharedCorpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path parent = dir.getParent();
            if (Files.isRegularFile(dir.resolve("pom.xml")) && parent != null) {
                Path corpus = parent.resolve("shared").resolve("corpus").resolve("gitlab-runner");
                if (Files.isDirectory(corpus)) {
                    return java.util.Optional.of(corpus);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Every {@code .toml} file of the shared corpus, sorted by name; empty when the corpus is absent. */
    public static List<Path> corpusFiles() {
        List<Path> files = new ArrayList<>();
        sharedCorpus().ifPresent(dir -> {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().endsWith(".toml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return files;
    }

    /** Every corpus file's text joined into one list, in {@link #corpusFiles()} order. */
    public static List<String> corpusTexts() {
        List<String> texts = new ArrayList<>();
        for (Path file : corpusFiles()) {
            try {
                texts.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return texts;
    }
}
