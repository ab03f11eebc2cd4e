package io.github.runnerguard.testkit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.github.runnerguard.testkit.Spec.Array;
import io.github.runnerguard.testkit.Spec.Defaulted;
import io.github.runnerguard.testkit.Spec.Field;
import io.github.runnerguard.testkit.Spec.Table;
import io.github.runnerguard.testkit.Spec.Type;

/**
 * The settings the generator writes, with realistic candidate values (safe and risky), taken from
 * config-schema.md §5 (key spellings, types, executors and their sections).
 *
 * <p>Immutable and thread-safe.
 */
final class Catalog {

    /** Every executor gitlab-runner registers, simplest first. */
    public static final List<String> EXECUTORS = List.of("shell", "ssh", "docker", "docker-windows",
            "docker+machine", "docker-autoscaler", "kubernetes", "parallels", "virtualbox", "custom", "instance");

    /** The global (root) table, without {@code runners}. */
    public static final Table GLOBAL;

    /** The keys of a {@code [[runners]]} entry other than name, token and executor (written specially). */
    public static final Table RUNNER;

    /** {@code feature_flags}: a table of booleans, typed as a map. */
    public static final Field FEATURE_FLAGS = new Field("feature_flags", "featureFlags", Type.BOOL_MAP, List.of(
            Map.of("FF_NETWORK_PER_BUILD", true),
            Map.of("FF_USE_FASTZIP", true, "FF_SCRIPT_SECTIONS", true),
            Map.of("FF_DISABLE_UMASK_FOR_DOCKER_EXECUTOR", true, "FF_USE_FASTZIP", false)), false, false);

    /** Sections every executor may have. */
    public static final List<Table> COMMON_SECTIONS;

    /** The sections each executor uses, in the order they are written. */
    public static final Map<String, List<Table>> SECTIONS_BY_EXECUTOR;

    /** Every distinct executor section, in a fixed order. */
    public static final List<Table> EXECUTOR_SECTIONS;

    /** Every top-level runner section the catalog knows, by model accessor (for "absent" expectations). */
    public static final Map<String, Table> ALL_SECTIONS;

    static {
        GLOBAL = Table.of("", "global", List.of(
                integer("concurrent", 1, 4, 10, 50).req(),
                integer("check_interval", 3, 0, 10),
                string("log_level", "info", "debug", "warn"),
                string("log_format", "runner", "json", "text"),
                string("listen_address", ":9252", "127.0.0.1:9252", "0.0.0.0:9252"),
                integer("shutdown_timeout", 30, 120)),
                List.of(Table.of("session_server", "sessionServer", List.of(
                        string("listen_address", "[::]:8093", "0.0.0.0:8093").req(),
                        string("advertise_address", "runner-host.example.com:8093"),
                        integer("session_timeout", 1800, 3600)), List.of(), List.of())),
                List.of());

        RUNNER = Table.of("", "runner", List.of(
                string("url", "https://gitlab.example.com/", "https://gitlab.com/",
                        "https://gitlab.internal.example:8443/").req(),
                integer("id", 101, 4242),
                datetime("token_obtained_at", "2026-01-15T09:30:00Z"),
                datetime("token_expires_at", "2027-01-15T09:30:00Z"),
                string("tls-ca-file", "/etc/gitlab-runner/certs/gitlab.example.com.crt"),
                integer("limit", 1, 4, 10),
                integer("request_concurrency", 1, 4),
                integer("output_limit", 4096, 16384),
                string("shell", "bash", "sh", "pwsh"),
                string("builds_dir", "/builds", "/home/gitlab-runner/builds", "/tmp/builds"),
                string("cache_dir", "/cache", "/home/gitlab-runner/cache"),
                string("clone_url", "https://gitlab.example.com", "http://gitlab.internal"),
                strings("environment", List.of("DOCKER_DRIVER=overlay2"),
                        List.of("DOCKER_TLS_CERTDIR=/certs", "DOCKER_DRIVER=overlay2"),
                        List.of("GIT_DEPTH=10", "FF_NETWORK_PER_BUILD=true"),
                        List.of("HTTPS_PROXY=http://proxy.example.com:3128")),
                string("pre_get_sources_script", "echo 'fetching sources'",
                        "git config --global http.sslVerify false"),
                string("pre_build_script", "echo \"preparing\"", "export PATH=\"/opt/tools/bin:$PATH\""),
                bool("debug_trace_disabled"),
                bool("clean_git_config")), List.of(), List.of());

        Table cache = Table.of("cache", "cache", List.of(
                string("Type", "s3", "gcs", "azure").fold(),
                string("Path", "runner-cache"),
                bool("Shared")), List.of(Table.of("s3", "s3", List.of(
                        string("ServerAddress", "s3.amazonaws.com", "minio.example.com:9000").req(),
                        string("BucketName", "runner-cache", "ci-cache-eu").req(),
                        string("BucketLocation", "eu-central-1"),
                        string("AuthenticationType", "access-key", "iam"),
                        string("AccessKey", "AKIAIOSFODNN7EXAMPLE"),
                        string("SecretKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                        bool("Insecure").fold()), List.of(), List.of())),
                List.of());
        Table customBuildDir = Table.of("custom_build_dir", "customBuildDir", List.of(bool("enabled").req()),
                List.of(), List.of());
        COMMON_SECTIONS = List.of(cache, customBuildDir);

        Table docker = docker(false);
        Table dockerWindows = docker(true);
        Table machine = Table.of("machine", "machine", List.of(
                integer("IdleCount", 0, 2, 5).fold(),
                floating("IdleScaleFactor", 0.5, 1.0),
                integer("IdleCountMin", 1, 2),
                integer("IdleTime", 600, 1800, 3600).fold(),
                integer("MaxBuilds", 1, 10, 100).fold(),
                integer("MaxGrowthRate", 5, 10),
                string("MachineDriver", "amazonec2", "google", "digitalocean").req(),
                string("MachineName", "gitlab-docker-machine-%s", "auto-scale-%s").req(),
                strings("MachineOptions",
                        List.of("amazonec2-region=eu-central-1", "amazonec2-instance-type=m5.large"),
                        List.of("google-project=ci-project", "google-zone=europe-west1-b"))),
                List.of(), List.of(new Array("autoscaling", "autoscaling", Table.of("", "", List.of(
                        strings("Periods", List.of("* * 9-17 * * mon-fri *"), List.of("* * * * * sat,sun *")).req(),
                        string("Timezone", "UTC", "Europe/Berlin"),
                        integer("IdleCount", 10, 0),
                        integer("IdleTime", 1800, 600)), List.of(), List.of()), 2)));
        Table connector = Table.of("connector_config", "connectorConfig", List.of(
                string("username", "ec2-user", "ubuntu", "Administrator"),
                string("os", "linux", "windows"),
                string("protocol", "ssh", "winrm"),
                string("key_path", "/etc/gitlab-runner/id_ed25519"),
                bool("use_static_credentials"),
                bool("use_external_addr"),
                duration("timeout", "10m", "1m30s")), List.of(), List.of());
        Table pluginConfig = new Table("plugin_config", "pluginConfig", List.of(
                string("name", "ci-runners-asg", "linux-fleet").req(),
                string("region", "eu-central-1", "us-east-1")), List.of(), List.of(), false, null);
        Table autoscaler = Table.of("autoscaler", "autoscaler", List.of(
                string("plugin", "aws", "googlecloud", "azure", "fleeting-plugin-aws").req(),
                integer("capacity_per_instance", 1, 4),
                integer("max_use_count", 1, 10, 50),
                integer("max_instances", 10, 50)),
                List.of(pluginConfig, connector),
                List.of(new Array("policy", "policy", Table.of("", "", List.of(
                        integer("idle_count", 0, 5).req(),
                        duration("idle_time", "20m0s", "30m", "1h"),
                        strings("periods", List.of("* * * * *"), List.of("* 7-19 * * mon-fri")),
                        string("timezone", "UTC", "Europe/Berlin")), List.of(), List.of()), 2)));
        Table instance = Table.of("instance", "instance", List.of(
                strings("allowed_images", List.of("macos-14-xcode-15"), List.of("ubuntu-*")).req(),
                bool("use_common_build_dir")), List.of(), List.of());
        Table ssh = Table.of("ssh", "ssh", List.of(
                string("host", "build-host.example.com", "10.0.0.15").req(),
                string("user", "gitlab-runner", "root", "ci"),
                string("port", "22", "2222"),
                string("identity_file", "/home/gitlab-runner/.ssh/id_ed25519"),
                string("password", "s3cr3t-ssh-passw0rd"),
                bool("disable_strict_host_key_checking").fold(),
                string("known_hosts_file", "/home/gitlab-runner/.ssh/known_hosts")), List.of(), List.of());
        Table parallels = Table.of("parallels", "parallels", List.of(
                string("base_name", "macos-14-base", "ubuntu-ci").req(),
                string("template_name", "ci-template"),
                bool("disable_snapshots"),
                string("time_server", "time.apple.com"),
                strings("allowed_images", List.of("^macos-.*$"))), List.of(), List.of());
        Table virtualbox = Table.of("virtualbox", "virtualbox", List.of(
                string("base_name", "ubuntu-24.04-ci", "windows-2022-ci").req(),
                string("base_snapshot", "clean-install"),
                string("base_folder", "/srv/vms"),
                bool("disable_snapshots"),
                string("start_type", "headless"),
                strings("allowed_images", List.of(".*"))), List.of(), List.of());
        Table custom = Table.of("custom", "custom", List.of(
                string("run_exec", "/opt/ci/run.sh").req(),
                string("config_exec", "/opt/ci/config.sh"),
                integer("config_exec_timeout", 200, 3600),
                string("prepare_exec", "/opt/ci/prepare.sh"),
                strings("prepare_args", List.of("--vm", "base")),
                string("cleanup_exec", "/opt/ci/cleanup.sh")), List.of(), List.of());
        Table kubernetes = kubernetes();

        Map<String, List<Table>> byExecutor = new LinkedHashMap<>();
        byExecutor.put("shell", List.of());
        byExecutor.put("ssh", List.of(ssh));
        byExecutor.put("docker", List.of(docker));
        byExecutor.put("docker-windows", List.of(dockerWindows));
        byExecutor.put("docker+machine", List.of(docker, machine));
        byExecutor.put("docker-autoscaler", List.of(docker, autoscaler));
        byExecutor.put("kubernetes", List.of(kubernetes));
        byExecutor.put("parallels", List.of(parallels, ssh));
        byExecutor.put("virtualbox", List.of(virtualbox, ssh));
        byExecutor.put("custom", List.of(custom));
        byExecutor.put("instance", List.of(autoscaler, instance));
        SECTIONS_BY_EXECUTOR = Map.copyOf(byExecutor);
        EXECUTOR_SECTIONS = List.of(docker, dockerWindows, machine, autoscaler, instance, kubernetes, ssh, parallels,
                virtualbox, custom);

        Map<String, Table> all = new LinkedHashMap<>();
        for (Table table : List.of(docker, machine, autoscaler, instance, kubernetes, ssh, parallels, virtualbox,
                custom, cache, customBuildDir)) {
            all.put(table.model(), table);
        }
        ALL_SECTIONS = java.util.Collections.unmodifiableMap(all);
    }

    private Catalog() {
    }

    private static Table docker(boolean windows) {
        List<Field> fields = new ArrayList<>();
        if (windows) {
            fields.add(string("host", "npipe:////./pipe/docker_engine"));
            fields.add(string("image", "mcr.microsoft.com/windows/servercore:ltsc2022",
                    "mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022").req().fold());
            fields.add(string("isolation", "process", "hyperv", "default"));
            fields.add(strings("volumes", List.of("c:\\cache"),
                    List.of("c:\\cache", "\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine")));
        } else {
            fields.add(string("host", "unix:///var/run/docker.sock", "tcp://docker.example.com:2376",
                    "tcp://127.0.0.1:2375"));
            fields.add(bool("tls_verify"));
            fields.add(string("tls_cert_path", "/certs/client"));
            fields.add(string("image", "alpine:3.20", "ruby:3.3", "docker:27.3",
                    "registry.example.com/ci/build-image:2.1", "ubuntu:24.04").req().fold());
            fields.add(strings("volumes", List.of("/cache"),
                    List.of("/cache", "/var/run/docker.sock:/var/run/docker.sock"),
                    List.of("/certs/client", "/cache"),
                    List.of("/var/run/docker.sock:/var/run/docker.sock:ro"),
                    List.of("/:/host"),
                    List.of("/srv/cache:/cache:rw")));
            fields.add(integer("shm_size", 0, 268435456));
            fields.add(strings("cap_add", List.of("NET_ADMIN"), List.of("SYS_ADMIN"), List.of("ALL"),
                    List.of("SYS_PTRACE", "NET_RAW")));
            fields.add(strings("cap_drop", List.of("ALL"), List.of("NET_RAW")));
            fields.add(strings("security_opt", List.of("no-new-privileges:true"), List.of("seccomp:unconfined"),
                    List.of("apparmor:unconfined")));
            fields.add(strings("devices", List.of("/dev/kvm"), List.of("/dev/fuse")));
            fields.add(string("network_mode", "bridge", "host"));
            fields.add(string("pid_mode", "host"));
            fields.add(string("userns_mode", "host"));
            fields.add(string("user", "1000:1000", "root"));
            fields.add(bool("oom_kill_disable"));
            fields.add(strings("allowed_privileged_images", List.of("docker:*-dind")));
        }
        fields.add(bool("privileged").fold());
        fields.add(bool("services_privileged"));
        fields.add(bool("disable_entrypoint_overwrite"));
        fields.add(bool("disable_cache"));
        fields.add(new Field("pull_policy", "pullPolicy", Type.STRING_OR_ARRAY, List.of(List.of("always"),
                List.of("if-not-present"), List.of("never"), List.of("always", "if-not-present")), false, false));
        fields.add(strings("allowed_pull_policies", List.of("always"), List.of("always", "if-not-present")));
        fields.add(strings("allowed_images", List.of("ruby:*", "python:*"), List.of("registry.example.com/**")));
        fields.add(strings("allowed_services", List.of("postgres:*", "redis:*")));
        fields.add(string("memory", "2g", "512m"));
        fields.add(string("cpus", "2", "1.5"));
        fields.add(string("helper_image",
                "registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-latest"));
        fields.add(integer("wait_for_services_timeout", 30, -1, 120));
        Table service = Table.of("", "", List.of(
                string("name", "postgres:16", "redis:7", "docker:27-dind",
                        "registry.example.com/mirror/mysql:8.0").req(),
                string("alias", "db", "cache", "docker"),
                strings("command", List.of("--tls=false")),
                strings("entrypoint", List.of("dockerd-entrypoint.sh"))), List.of(), List.of());
        return Table.of("docker", "docker", fields, List.of(), List.of(new Array("services", "services", service, 2)))
                .withDefaults(Catalog::dockerDefaults);
    }

    /** services_privileged inherits privileged; pull_policy defaults to always. */
    private static List<Defaulted> dockerDefaults(Map<String, Object> written) {
        List<Defaulted> out = new ArrayList<>();
        if (written.containsKey("privileged") && !written.containsKey("servicesPrivileged")) {
            out.add(new Defaulted("servicesPrivileged", "services_privileged", written.get("privileged")));
        }
        if (!written.containsKey("pullPolicy")) {
            out.add(new Defaulted("pullPolicy", "pull_policy", List.of("always")));
        }
        return out;
    }

    private static Table kubernetes() {
        Table podSecurityContext = Table.of("pod_security_context", "podSecurityContext", List.of(
                bool("run_as_non_root"),
                integer("run_as_user", 1000, 0),
                integer("run_as_group", 1000),
                integer("fs_group", 1000)), List.of(), List.of());
        Table capabilities = Table.of("capabilities", "capabilities", List.of(
                strings("add", List.of("NET_ADMIN"), List.of("SYS_ADMIN")),
                strings("drop", List.of("ALL"), List.of("NET_RAW"))), List.of(), List.of());
        Table buildContext = Table.of("build_container_security_context", "buildContainerSecurityContext",
                List.of(bool("privileged"),
                        bool("allow_privilege_escalation"),
                        bool("read_only_root_filesystem"),
                        integer("run_as_user", 1000, 0)), List.of(capabilities), List.of());
        Table hostPath = Table.of("", "", List.of(
                string("name", "docker-sock", "cache", "repo").req(),
                string("mount_path", "/var/run/docker.sock", "/cache", "/srv").req(),
                string("host_path", "/var/run/docker.sock", "/srv/cache", "/"),
                bool("read_only")), List.of(), List.of())
                .withDefaults(written -> written.containsKey("hostPath") ? List.of()
                        : List.of(new Defaulted("hostPath", "host_path", written.get("mountPath"))));
        Table volumes = Table.of("volumes", "volumes", List.of(), List.of(),
                List.of(new Array("host_path", "hostPath", hostPath, 2)));
        Table service = Table.of("", "", List.of(
                string("name", "postgres:16", "redis:7").req(),
                string("alias", "db", "cache")), List.of(), List.of());
        return Table.of("kubernetes", "kubernetes", List.of(
                string("host", "https://kubernetes.default.svc", "https://10.0.0.1:6443"),
                string("namespace", "gitlab-runner", "ci-jobs", "default").req(),
                string("image", "alpine:3.20", "ubuntu:24.04", "registry.example.com/ci/build-image:2.1").fold(),
                bool("privileged").fold(),
                bool("allow_privilege_escalation"),
                string("service_account", "gitlab-runner", "default"),
                string("service_account_overwrite_allowed", ".*", "ci-.*"),
                string("namespace_overwrite_allowed", ".*", "ci-.*"),
                bool("bearer_token_overwrite_allowed"),
                string("bearer_token", "eyJhbGciOiJSUzI1NiIsImtpZCI6InJ1bm5lciJ9.c2VydmljZWFjY291bnQ"),
                new Field("pull_policy", "pullPolicy", Type.STRING_OR_ARRAY, List.of(List.of("always"),
                        List.of("if-not-present"), List.of("never")), false, false),
                strings("cap_add", List.of("NET_ADMIN"), List.of("SYS_ADMIN")),
                strings("cap_drop", List.of("ALL"), List.of("NET_RAW")),
                string("cpu_limit", "1", "2"),
                string("memory_limit", "1Gi", "4Gi"),
                bool("automount_service_account_token")),
                List.of(podSecurityContext, buildContext, volumes),
                List.of(new Array("services", "services", service, 2)));
    }

    /** The model accessor for a TOML key: lowerCamelCase, words split at {@code _}, {@code -} and case humps. */
    public static String camel(String key) {
        List<String> words = new ArrayList<>();
        for (String part : key.split("[_-]")) {
            int start = 0;
            for (int i = 1; i < part.length(); i++) {
                if (Character.isLowerCase(part.charAt(i - 1)) && Character.isUpperCase(part.charAt(i))) {
                    words.add(part.substring(start, i));
                    start = i;
                }
            }
            if (start < part.length()) {
                words.add(part.substring(start));
            }
        }
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            out.append(out.length() == 0 ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return out.toString();
    }

    private static Field field(String key, Type type, List<Object> values) {
        return new Field(key, camel(key), type, values, false, false);
    }

    private static Field bool(String key) {
        return field(key, Type.BOOL, List.of(false, true));
    }

    private static Field integer(String key, long... values) {
        return field(key, Type.INT, Arrays.stream(values).boxed().map(Object.class::cast).toList());
    }

    private static Field floating(String key, double... values) {
        return field(key, Type.FLOAT, Arrays.stream(values).boxed().map(Object.class::cast).toList());
    }

    private static Field string(String key, String... values) {
        return field(key, Type.STRING, List.of((Object[]) values));
    }

    @SafeVarargs
    private static Field strings(String key, List<String>... values) {
        return field(key, Type.STRINGS, List.of((Object[]) values));
    }

    private static Field duration(String key, String... goDurations) {
        return field(key, Type.DURATION,
                Arrays.stream(goDurations).map(GoDuration::parse).map(Object.class::cast).toList());
    }

    private static Field datetime(String key, String... values) {
        return field(key, Type.DATETIME,
                Arrays.stream(values).map(OffsetDateTime::parse).map(Object.class::cast).toList());
    }
}
