package io.github.runnerguard.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Tenancy;
import io.github.runnerguard.testkit.RuleTestKit;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the rules over generated configs (QuickTheories). */
class DockerPropertiesTest {

    private static final List<SecurityRule> MOUNT_RULES = List.of(new SocketMountRule(),
            new SensitiveHostMountRule());

    /** Host paths worth trying: sockets, socket directories, sensitive paths, their neighbours, harmless ones. */
    private static final Gen<String> HOST_PATHS = Generate.pick(List.of("/", "/var", "/var/run", "/run",
            "/var/run/docker.sock", "/run/podman/podman.sock", "/run/user/1000", "/etc", "/etc/gitlab-runner",
            "/root", "/home/ci", "/boot", "/dev", "/dev/kvm", "/proc", "/sys", "/usr", "/usr/local", "/lib",
            "/var/lib", "/var/lib/docker", "/var/lib/kubelet", "/srv/cache", "/opt/tools", "/cache", "/builds",
            "/etcetera", "/var/cache", "/tmp/sock.sock", "/run/x.sock"));
    private static final Gen<String> SEGMENTS = lists().of(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 6))
            .ofSizeBetween(0, 3).map(parts -> parts.isEmpty() ? "" : "/" + String.join("/", parts));
    private static final Gen<String> MODES_WITHOUT_RO = Generate.pick(List.of("", ":rw", ":z", ":rw,z", ":Z",
            ":rshared", ":rw,rslave"));
    private static final Gen<Tenancy> TENANCIES = Generate.pick(List.of(Tenancy.values()));
    private static final Gen<String> DOCKER_EXECUTORS = Generate.pick(List.of("docker", "docker+machine",
            "docker-autoscaler"));

    private static String config(String executor, String dockerBody) {
        return "concurrent = 2\n\n[[runners]]\n  name = \"generated\"\n  url = \"https://gitlab.example.com\"\n"
                + "  token = \"glrt-generated\"\n  executor = \"" + executor + "\"\n  [runners.docker]\n"
                + dockerBody;
    }

    private static String volumes(String... entries) {
        List<String> quoted = new ArrayList<>();
        for (String entry : entries) {
            quoted.add("'" + entry + "'");
        }
        return "    volumes = [" + String.join(", ", quoted) + "]\n";
    }

    private static List<Finding> run(List<SecurityRule> rules, String config, Tenancy tenancy) {
        List<Finding> findings = new ArrayList<>();
        for (SecurityRule rule : rules) {
            findings.addAll(RuleTestKit.rule(rule).config(config).tenancy(tenancy).check().findings());
        }
        return findings;
    }

    /** The same entry made read-only: {@code :ro} replaces {@code rw} or comes first among the options. */
    private static String withReadOnly(String mode) {
        if (mode.isEmpty()) {
            return ":ro";
        }
        if (mode.startsWith(":rw")) {
            return ":ro" + mode.substring(3);
        }
        return ":ro," + mode.substring(1);
    }

    @Test
    void addingReadOnlyNeverRaisesAMountFindingsSeverity() {
        qt().withExamples(100).forAll(HOST_PATHS.zip(SEGMENTS, String::concat), MODES_WITHOUT_RO, DOCKER_EXECUTORS,
                TENANCIES).checkAssert((source, mode, executor, tenancy) -> {
                    String writable = source + ":/mnt/target" + mode;
                    String readOnly = source + ":/mnt/target" + withReadOnly(mode);
                    List<Finding> before = run(MOUNT_RULES, config(executor, volumes(writable)), tenancy);
                    List<Finding> after = run(MOUNT_RULES, config(executor, volumes(readOnly)), tenancy);
                    assertTrue(after.size() <= before.size(), () -> writable + " -> " + readOnly + ": " + after);
                    for (Finding finding : after) {
                        Optional<Finding> original = before.stream()
                                .filter(f -> f.ruleId().equals(finding.ruleId())).findFirst();
                        assertTrue(original.isPresent(), () -> readOnly + " found what " + writable + " did not");
                        assertTrue(original.get().severity().atLeast(finding.severity()),
                                () -> readOnly + " is " + finding.severity() + ", " + writable + " only "
                                        + original.get().severity());
                    }
                });
    }

    @Test
    void anonymousAndNamedVolumesNeverProduceAMountFinding() {
        Gen<String> linuxDestinations = HOST_PATHS.zip(SEGMENTS, String::concat);
        Gen<String> names = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 10);
        Gen<String> modes = Generate.pick(List.of("", ":ro", ":rw"));
        qt().withExamples(80).forAll(linuxDestinations, names, modes, TENANCIES)
                .checkAssert((destination, name, mode, tenancy) -> {
                    String config = config("docker", volumes(destination + mode, name + ":" + destination + mode));
                    assertEquals(List.of(), run(MOUNT_RULES, config, tenancy), config);
                });
        Gen<String> windowsDestinations = Generate.pick(List.of("c:\\cache", "C:\\", "C:\\Windows", "c:\\Users\\ci",
                "C:\\GitLab-Runner", "d:\\builds", "C:\\ProgramData\\docker"));
        qt().withExamples(40).forAll(windowsDestinations, names, modes)
                .checkAssert((destination, name, mode) -> {
                    String config = config("docker-windows", volumes(destination + mode,
                            name + ":" + destination + mode));
                    assertEquals(List.of(), run(MOUNT_RULES, config, Tenancy.MULTI_TENANT), config);
                });
    }

    @Test
    void runnersOfOtherExecutorsNeverGetADockerFinding() {
        Gen<String> executors = Generate.pick(List.of("shell", "kubernetes", "ssh", "custom", "instance",
                "parallels", "virtualbox", "Docker", "docker+autoscaler", "docker_windows", " docker"));
        Gen<String> risky = Generate.pick(List.of("    privileged = true\n",
                "    volumes = ['/var/run/docker.sock:/var/run/docker.sock', '/etc:/etc']\n",
                "    cap_add = ['SYS_ADMIN']\n", "    security_opt = ['seccomp=unconfined']\n",
                "    network_mode = 'host'\n", "    devices = ['/dev/kvm']\n", "    pull_policy = 'if-not-present'\n",
                "    host = 'tcp://10.0.0.1:2375'\n", "    allowed_images = ['**', '!x']\n", "    user = 'root'\n",
                ""));
        Gen<String> machine = Generate.pick(List.of("", "  [runners.machine]\n    MaxBuilds = 10\n",
                "  [runners.autoscaler]\n    capacity_per_instance = 3\n"));
        Gen<String> twoSettings = risky.zip(risky, (a, b) -> a.equals(b) ? a : a + b);
        qt().withExamples(80).forAll(executors, twoSettings, machine, TENANCIES)
                .checkAssert((executor, settings, vm, tenancy) -> {
                    String config = config(executor, settings + vm);
                    assertEquals(List.of(), run(AllDockerRules.all(), config, tenancy), config);
                });
    }

    @Test
    void everyFindingNamesItsRunnerAndADockerKeyPath() {
        Gen<String> settings = Generate.pick(List.of("    privileged = true\n", "    volumes = ['/etc:/etc:ro']\n",
                "    cap_add = ['NET_ADMIN']\n", "    pid_mode = 'host'\n", "    devices = ['/dev/kvm']\n",
                "    pull_policy = ['always', 'if-not-present']\n", "    allowed_services = ['!postgres']\n",
                "    host = 'tcp://10.0.0.1:2375'\n", ""));
        Gen<Integer> runners = integers().between(1, 3);
        qt().withExamples(40).forAll(settings, DOCKER_EXECUTORS, runners, TENANCIES)
                .checkAssert((setting, executor, count, tenancy) -> {
                    StringBuilder config = new StringBuilder("concurrent = 2\n");
                    for (int i = 0; i < count; i++) {
                        config.append("\n[[runners]]\n  name = \"runner-").append(i)
                                .append("\"\n  url = \"https://gitlab.example.com\"\n  token = \"glrt-gen-").append(i)
                                .append("\"\n  executor = \"").append(executor).append("\"\n  [runners.docker]\n")
                                .append(setting);
                    }
                    for (Finding finding : run(AllDockerRules.all(), config.toString(), tenancy)) {
                        assertTrue(finding.runner() != null, finding::toString);
                        int index = finding.runner().index();
                        assertEquals("runner-" + index, finding.runner().name());
                        assertTrue(finding.keyPath().startsWith("runners[" + index + "]."), finding::toString);
                        assertTrue(finding.position() != null, finding::toString);
                        assertTrue(finding.message().contains("runner-" + index), finding::toString);
                    }
                });
    }

    @Test
    void mistypedValuesNeverMakeARuleThrow() {
        Gen<String> keys = Generate.pick(List.of("privileged", "services_privileged", "volumes", "cap_add", "cap_drop",
                "security_opt", "services_security_opt", "user", "allowed_users", "network_mode", "pid_mode",
                "ipcmode", "userns_mode", "devices", "device_cgroup_rules", "services_devices", "pull_policy",
                "allowed_pull_policies", "host", "tls_verify", "allowed_images", "allowed_services",
                "allowed_privileged_images", "allowed_privileged_services"));
        Gen<String> values = Generate.pick(List.of("5", "true", "\"text\"", "[1, 2]", "[\"a\", 3]", "{ a = 1 }",
                "[]", "{}", "1979-05-27T07:32:00Z", "[[\"nested\"]]", "-1", "3.5"));
        Gen<String> sections = Generate.pick(List.of("", "  [runners.machine]\n    MaxBuilds = \"many\"\n",
                "  [runners.autoscaler]\n    max_use_count = true\n    capacity_per_instance = \"2\"\n",
                "  [runners.autoscaler.connector_config]\n    os = 7\n"));
        qt().withExamples(150).forAll(keys, values, DOCKER_EXECUTORS.mix(Generate.constant("docker-windows")),
                sections).checkAssert((key, value, executor, section) -> {
                    String config = config(executor, "    " + key + " = " + value + "\n" + section);
                    io.github.runnerguard.load.LoadResult result = io.github.runnerguard.load.ConfigLoader.defaults()
                            .load(config, "mistyped.toml");
                    if (result.config() == null) {
                        return;
                    }
                    for (SecurityRule rule : AllDockerRules.all()) {
                        rule.check(result.config(), io.github.runnerguard.spi.AuditContext.defaults());
                    }
                });
    }

    @Test
    void volumeParsingNeverThrows() {
        Gen<String> text = strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 60);
        qt().withExamples(2000).forAll(text).checkAssert(spec -> {
            VolumeSpec.parse(spec, false).ifPresent(v -> HostPaths.sensitive(v, false));
            VolumeSpec.parse(spec, true).ifPresent(v -> HostPaths.sensitive(v, true));
        });
    }
}
