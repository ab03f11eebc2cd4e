package io.github.runnerguard.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import io.github.runnerguard.config.DockerSettings;
import io.github.runnerguard.config.GlobalSettings;
import io.github.runnerguard.config.HostPathVolume;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.config.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** gitlab-runner's defaults for keys the file leaves out, and written values winning over them. */
class ModelDefaultsTest {

    private static Runner onlyRunner(String toml) {
        RunnerConfig config = TestLoads.load(toml);
        assertEquals(1, config.runners().size());
        return config.runners().get(0);
    }

    private static <T> void assertDefault(T expected, Value<T> value) {
        assertEquals(expected, value.value());
        assertNull(value.position(), "a default has no position");
        assertTrue(value.isDefault());
    }

    @Test
    void emptyFileHasTheGlobalDefaults() {
        GlobalSettings global = TestLoads.load("").global();
        assertDefault(1L, global.concurrent());
        assertDefault(3L, global.checkInterval());
        assertDefault(30L, global.shutdownTimeout());
        assertDefault(Duration.ofMinutes(15), global.connectionMaxAge());
        assertDefault(1800L, global.sessionServer().sessionTimeout());
        assertFalse(global.sessionServer().present());
        assertNull(global.sessionServer().position());
        assertFalse(global.listenAddress().get().isPresent(), "listen_address has no default");
        assertFalse(global.metricsServerEnabled());
    }

    @Test
    void writtenGlobalValuesWinAndKeepTheirPosition() {
        GlobalSettings global = TestLoads.load("concurrent = 7\ncheck_interval = 0\n").global();
        assertEquals(7L, global.concurrent().value());
        assertTrue(global.concurrent().isSet());
        assertEquals(0L, global.checkInterval().value(), "a written 0 stays 0 even though gitlab-runner uses 3");
    }

    @Test
    void dockerDefaults() {
        DockerSettings docker = onlyRunner("[[runners]]\nexecutor = \"docker\"\n").docker();
        assertFalse(docker.present());
        assertDefault(false, docker.privileged());
        assertDefault(false, docker.servicesPrivileged());
        assertDefault(false, docker.tlsVerify());
        assertDefault(List.of("always"), docker.pullPolicy());
        assertDefault(List.of("always"), docker.allowedPullPolicies());
        assertDefault(-1L, docker.servicesLimit());
        assertDefault(30L, docker.waitForServicesTimeout());
        assertDefault("alpine", docker.helperImageFlavor());
        assertFalse(docker.host().get().isPresent(), "docker host depends on DOCKER_HOST: no default");
        assertFalse(docker.allowedImages().get().isPresent(), "an absent allow-list stays absent");
    }

    @Test
    void servicesPrivilegedInheritsPrivilegedAsADefault() {
        DockerSettings docker = onlyRunner("[[runners]]\n[runners.docker]\nprivileged = true\n").docker();
        assertTrue(docker.present());
        assertEquals(true, docker.privileged().value());
        assertTrue(docker.privileged().isSet());
        assertDefault(true, docker.servicesPrivileged());
    }

    @Test
    void servicesPrivilegedWrittenWinsOverPrivileged() {
        DockerSettings docker = onlyRunner(
                "[[runners]]\n[runners.docker]\nprivileged = true\nservices_privileged = false\n").docker();
        assertEquals(false, docker.servicesPrivileged().value());
        assertTrue(docker.servicesPrivileged().isSet());
    }

    @Test
    void pullPolicyIsAStringOrAnArrayAndAllowedPoliciesFollowIt() {
        DockerSettings single = onlyRunner("[[runners]]\n[runners.docker]\npull_policy = \"if-not-present\"\n")
                .docker();
        assertEquals(List.of("if-not-present"), single.pullPolicy().value());
        assertDefault(List.of("if-not-present"), single.allowedPullPolicies());
        DockerSettings array = onlyRunner(
                "[[runners]]\n[runners.docker]\npull_policy = [\"always\", \"if-not-present\"]\n").docker();
        assertEquals(List.of("always", "if-not-present"), array.pullPolicy().value());
    }

    @Test
    void kubernetesHostPathDefaultsToMountPath() {
        Runner runner = onlyRunner("""
                [[runners]]
                executor = "kubernetes"
                [[runners.kubernetes.volumes.host_path]]
                name = "a"
                mount_path = "/var/run/docker.sock"
                [[runners.kubernetes.volumes.host_path]]
                name = "b"
                mount_path = "/in/container"
                host_path = "/on/host"
                """);
        List<HostPathVolume> volumes = runner.kubernetes().volumes().hostPath();
        assertEquals(2, volumes.size());
        assertDefault("/var/run/docker.sock", volumes.get(0).hostPath());
        assertDefault(false, volumes.get(0).readOnly());
        assertEquals("/on/host", volumes.get(1).hostPath().value());
        assertTrue(volumes.get(1).hostPath().isSet());
        assertTrue(volumes.get(0).present());
    }

    @ParameterizedTest
    @CsvSource({"docker,true", "docker-windows,true", "docker+machine,true", "docker-autoscaler,true", "kubernetes,true",
        "instance,false",
        "shell,false", "ssh,false", "custom,false", "parallels,false", "virtualbox,false", "'',false"})
    void customBuildDirEnabledDependsOnTheExecutor(String executor, boolean enabled) {
        Runner runner = onlyRunner("[[runners]]\nexecutor = \"" + executor + "\"\n");
        assertDefault(enabled, runner.customBuildDir().enabled());
    }

    @Test
    void customBuildDirWrittenWins() {
        Runner runner = onlyRunner("[[runners]]\nexecutor = \"docker\"\n[runners.custom_build_dir]\nenabled = false\n");
        assertEquals(false, runner.customBuildDir().enabled().value());
        assertTrue(runner.customBuildDir().enabled().isSet());
    }

    @ParameterizedTest
    @CsvSource({"shell,false", "docker,true", "kubernetes,true", "ssh,true", "'',true"})
    void cleanGitConfigIsOffOnlyForTheShellExecutor(String executor, boolean clean) {
        assertDefault(clean, onlyRunner("[[runners]]\nexecutor = \"" + executor + "\"\n").cleanGitConfig());
    }

    @Test
    void runnerDefaults() {
        Runner runner = onlyRunner("[[runners]]\nname = \"r\"\n");
        assertDefault(0L, runner.limit());
        assertDefault(4096L, runner.outputLimit());
        assertDefault(1L, runner.requestConcurrency());
        assertDefault(false, runner.debugTraceDisabled());
        assertDefault(Duration.ofMinutes(60), runner.unhealthyInterval());
        assertFalse(runner.buildsDir().get().isPresent(), "builds_dir depends on the host: no default");
        assertFalse(runner.tokenExpiresAt().get().isPresent());
        assertEquals("", runner.executorName());
    }

    @Test
    void sshDefaults() {
        Runner runner = onlyRunner("[[runners]]\nexecutor = \"ssh\"\n[runners.ssh]\nhost = \"build-host\"\n");
        assertDefault("22", runner.ssh().port());
        assertDefault(false, runner.ssh().disableStrictHostKeyChecking());
        assertTrue(runner.ssh().strictHostKeyChecking());
        assertEquals("build-host", runner.ssh().host().value());
    }

    @Test
    void sessionServerAdvertisesItsListenAddressByDefault() {
        GlobalSettings global = TestLoads.load("[session_server]\nlisten_address = \"0.0.0.0:8093\"\n").global();
        assertTrue(global.sessionServer().present());
        assertTrue(global.sessionServer().enabled());
        assertDefault("0.0.0.0:8093", global.sessionServer().advertiseAddress());
        assertDefault(1800L, global.sessionServer().sessionTimeout());
    }

    @Test
    void machineAndAutoscalerDefaults() {
        Runner runner = onlyRunner("""
                [[runners]]
                executor = "docker-autoscaler"
                [runners.autoscaler]
                plugin = "aws"
                [[runners.autoscaler.policy]]
                idle_count = 2
                [[runners.autoscaler.policy]]
                idle_time = "20m"
                [runners.autoscaler.connector_config]
                os = "windows"
                """);
        assertDefault(0L, runner.machine().maxBuilds());
        assertDefault(Duration.ofMinutes(15), runner.autoscaler().instanceAcquireTimeout());
        assertDefault(List.of("* * * * *"), runner.autoscaler().policy().get(0).periods());
        assertDefault(true, runner.autoscaler().policy().get(0).preemptiveMode());
        assertDefault(false, runner.autoscaler().policy().get(1).preemptiveMode());
        assertEquals(Duration.ofMinutes(20), runner.autoscaler().policy().get(1).idleTime().value());
        assertDefault("winrm", runner.autoscaler().connectorConfig().protocol());
        assertDefault(5985L, runner.autoscaler().connectorConfig().protocolPort());
        assertDefault("ssh", runner.autoscaler().vmIsolation().connectorConfig().protocol());
        assertDefault(22L, runner.autoscaler().vmIsolation().connectorConfig().protocolPort());
    }

    @Test
    void cacheDefaults() {
        Runner withKeys = onlyRunner("""
                [[runners]]
                [runners.cache]
                Type = "s3"
                [runners.cache.s3]
                ServerAddress = "s3.example.com"
                AccessKey = "a"
                SecretKey = "s"
                """);
        assertDefault("access-key", withKeys.cache().s3().authenticationType());
        assertDefault(true, withKeys.cache().s3().dualStack());
        assertDefault(false, withKeys.cache().s3().insecure());
        assertEquals("s3", withKeys.cache().typeName());
        Runner withoutKeys = onlyRunner("[[runners]]\n[runners.cache.s3]\nBucketName = \"b\"\n");
        assertDefault("iam", withoutKeys.cache().s3().authenticationType());
        assertDefault("googleapis.com", withoutKeys.cache().gcs().universeDomain());
    }

    @Test
    void kubernetesDefaultsLeaveClusterDecisionsAbsent() {
        Runner runner = onlyRunner("[[runners]]\nexecutor = \"kubernetes\"\n[runners.kubernetes]\nimage = \"a\"\n");
        assertFalse(runner.kubernetes().privileged().get().isPresent());
        assertFalse(runner.kubernetes().allowPrivilegeEscalation().get().isPresent());
        assertFalse(runner.kubernetes().pullPolicy().get().isPresent());
        assertFalse(runner.kubernetes().allowedPullPolicies().get().isPresent());
        assertDefault(3L, runner.kubernetes().pollInterval());
        assertDefault(true, runner.kubernetes().printPodWarningEvents());
        assertDefault(false, runner.kubernetes().bearerTokenOverwriteAllowed());
    }
}
