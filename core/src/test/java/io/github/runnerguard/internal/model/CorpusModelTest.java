package io.github.runnerguard.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.config.ContainerSecurityContext;
import io.github.runnerguard.config.HostPathVolume;
import io.github.runnerguard.config.KubernetesSettings;
import io.github.runnerguard.config.KubernetesVolumes;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.config.Value;
import org.junit.jupiter.api.Test;

/** The typed model of real config files from gitlab-runner's repository, one or more per executor. */
class CorpusModelTest {

    /** Asserts a value written in the file, on {@code line}. */
    private static <T> void written(T expected, Value<T> value, int line) {
        assertEquals(expected, value.value());
        assertTrue(value.isSet(), "written in the file");
        assertNotNull(value.position());
        assertEquals(line, value.position().line(), "line of the key");
    }

    /** Asserts a default: gitlab-runner's value, no position. */
    private static <T> void defaulted(T expected, Value<T> value) {
        assertEquals(expected, value.value());
        assertNull(value.position());
    }

    private static void header(Position position, int line) {
        assertNotNull(position);
        assertEquals(line, position.line(), "line of the header");
    }

    @Test
    void shellDockerAndSshRunnersOfTheExampleConfig() {
        RunnerConfig config = TestLoads.corpus("repo-config-toml-example.toml");
        written(4L, config.global().concurrent(), 2);
        assertEquals(3, config.runners().size());

        Runner shell = config.runners().get(0);
        header(shell.position(), 4);
        written("shell", shell.name(), 5);
        written(2L, shell.limit(), 8);
        assertTrue(shell.usesShell());
        defaulted(false, shell.cleanGitConfig());
        defaulted(false, shell.customBuildDir().enabled());
        assertFalse(shell.docker().present());

        Runner docker = config.runners().get(1);
        assertEquals(1, docker.index());
        assertTrue(docker.usesDocker());
        header(docker.docker().position(), 20);
        written("ruby:3.1", docker.docker().image(), 22);
        written(false, docker.docker().privileged(), 23);
        defaulted(false, docker.docker().servicesPrivileged());
        written("", docker.docker().host(), 21);
        defaulted(List.of("always"), docker.docker().pullPolicy());
        defaulted(true, docker.customBuildDir().enabled());
        defaulted(true, docker.cleanGitConfig());

        Runner ssh = config.runners().get(2);
        assertTrue(ssh.usesSsh());
        written("my-production-server", ssh.ssh().host(), 36);
        written("22", ssh.ssh().port(), 37);
        written("root", ssh.ssh().user(), 38);
        written("production-server-password", ssh.ssh().password(), 39);
        assertTrue(ssh.ssh().strictHostKeyChecking());
    }

    @Test
    void dockerMachineWithGlobalShutdownDrain() {
        RunnerConfig config = TestLoads.corpus("docs-advanced-07.toml");
        written(0L, config.global().checkInterval(), 3);
        written(600L, config.global().shutdownTimeout(), 4);
        assertTrue(config.global().machine().present());
        header(config.global().machine().shutdownDrain().position(), 7);
        written(true, config.global().machine().shutdownDrain().enabled(), 8);
        written(5L, config.global().machine().shutdownDrain().concurrency(), 9);
        written(Duration.ofSeconds(5), config.global().machine().shutdownDrain().retryBackoff(), 11);

        Runner runner = config.runners().get(0);
        assertTrue(runner.usesDockerMachine());
        assertTrue(runner.usesDocker());
        written(5L, runner.machine().idleCount(), 20);
        written(600L, runner.machine().idleTime(), 21);
        written("auto-scale-%s", runner.machine().machineName(), 22);
        written("google", runner.machine().machineDriver(), 23);
        written(List.of("google-project=my-project", "google-zone=us-central1-a"), runner.machine().machineOptions(),
                24);
        defaulted(0L, runner.machine().maxBuilds());
        assertFalse(runner.docker().present());
        defaulted(false, runner.docker().privileged());
    }

    @Test
    void dockerAutoscaler() {
        Runner runner = TestLoads.corpus("docs-docker-autoscaler-01.toml").runners().get(0);
        written("docker-autoscaler", runner.executor(), 13);
        assertTrue(runner.usesAutoscaler());
        assertTrue(runner.usesDocker());
        written("busybox:latest", runner.docker().image(), 17);
        written("aws", runner.autoscaler().plugin(), 21);
        written(1L, runner.autoscaler().maxUseCount(), 27);
        written(10L, runner.autoscaler().maxInstances(), 28);
        assertEquals(List.of("name", "profile", "config_file", "credentials_file"),
                runner.autoscaler().pluginConfig().value().entries().stream().map(e -> e.key()).toList());
        written("ec2-user", runner.autoscaler().connectorConfig().username(), 37);
        written(true, runner.autoscaler().connectorConfig().useExternalAddr(), 38);
        defaulted("ssh", runner.autoscaler().connectorConfig().protocol());
        assertEquals(1, runner.autoscaler().policy().size());
        header(runner.autoscaler().policy().get(0).position(), 40);
        written(5L, runner.autoscaler().policy().get(0).idleCount(), 41);
        written(Duration.ofMinutes(20), runner.autoscaler().policy().get(0).idleTime(), 42);
        defaulted(true, runner.autoscaler().policy().get(0).preemptiveMode());
        defaulted(true, runner.customBuildDir().enabled());
    }

    @Test
    void instanceExecutor() {
        Runner runner = TestLoads.corpus("docs-instance-01.toml").runners().get(0);
        assertTrue(runner.usesAutoscaler());
        assertFalse(runner.usesDocker());
        written("sh", runner.shell(), 8);
        defaulted(false, runner.customBuildDir().enabled()); // instance: DefaultCustomBuildsDirEnabled false
        assertTrue(runner.autoscaler().pluginConfig().isSet());
        header(runner.autoscaler().pluginConfig().position(), 23);
        assertEquals("my-linux-asg", runner.autoscaler().pluginConfig().value().entry("name").map(
                e -> e.value() instanceof io.github.runnerguard.config.ConfigScalar s ? s.value() : null).orElse(null));
        written(true, runner.autoscaler().connectorConfig().useExternalAddr(), 31);
    }

    @Test
    void kubernetesVolumesOfEveryKind() {
        Runner runner = TestLoads.corpus("docs-kubernetes-38.toml").runners().get(0);
        assertTrue(runner.usesKubernetes());
        KubernetesVolumes volumes = runner.kubernetes().volumes();
        List<HostPathVolume> hostPaths = volumes.hostPath();
        assertEquals(2, hostPaths.size());
        header(hostPaths.get(0).position(), 8);
        written("/path/on/host", hostPaths.get(0).hostPath(), 12);
        written(true, hostPaths.get(0).readOnly(), 11);
        header(hostPaths.get(1).position(), 13);
        defaulted("/path/to/mount/point_2", hostPaths.get(1).hostPath());
        written("pvc-1", volumes.pvc().get(0).name(), 18);
        written(Map.of("key_1", "relative/path/to/key_1_file", "key_2", "key_2"), volumes.configMap().get(0).items(),
                23);
        written(Map.of("secret_1", "relative/path/to/secret_1_file"), volumes.secret().get(0).items(), 30);
        written("Memory", volumes.emptyDir().get(0).medium(), 35);
        written("my-csi-driver", volumes.csi().get(0).driver(), 39);
        written(Map.of("size", "2Gi"), volumes.csi().get(0).volumeAttributes(), 40);
        assertEquals(1, volumes.nfs().size());
        written("foo.bar.com", volumes.nfs().get(0).server(), 46);
        written("/path/on/nfs-share", volumes.nfs().get(0).path(), 47);
        written(false, volumes.nfs().get(0).readOnly(), 45);
    }

    @Test
    void kubernetesSecurityContexts() {
        KubernetesSettings kubernetes = TestLoads.corpus("docs-kubernetes-22.toml").runners().get(0).kubernetes();
        written(List.of("1000", "1001", "65534"), kubernetes.allowedUsers(), 7);
        header(kubernetes.podSecurityContext().position(), 11);
        written(1500L, kubernetes.podSecurityContext().runAsUser(), 12);
        written(2000L, kubernetes.buildContainerSecurityContext().runAsUser(), 17);
        written(3001L, kubernetes.helperContainerSecurityContext().runAsGroup(), 23);
        written(4000L, kubernetes.serviceContainerSecurityContext().runAsUser(), 27);
        assertFalse(kubernetes.initPermissionsContainerSecurityContext().present());
        assertFalse(kubernetes.podSecurityContext().seccompProfile().present());
        for (ContainerSecurityContext context : kubernetes.containerSecurityContexts()) {
            assertFalse(kubernetes.effectivePrivileged(context).get().isPresent(), "the cluster decides");
        }
    }

    @Test
    void kubernetesLifecycleHooksAndPrivileged() {
        KubernetesSettings kubernetes = TestLoads.corpus("docs-kubernetes-35.toml").runners().get(0).kubernetes();
        written(true, kubernetes.privileged(), 9);
        written(true, kubernetes.effectivePrivileged(kubernetes.buildContainerSecurityContext()), 9);
        written(List.of("touch", "/builds/postStart.txt"),
                kubernetes.containerLifecycle().postStart().exec().command(), 12);
        assertTrue(kubernetes.containerLifecycle().present());
        assertFalse(kubernetes.containerLifecycle().postStart().httpGet().present());
        written(8080L, kubernetes.containerLifecycle().preStop().httpGet().port(), 14);
        defaulted("HTTP", kubernetes.containerLifecycle().preStop().httpGet().scheme());
        assertEquals(2, kubernetes.containerLifecycle().preStop().httpGet().httpHeaders().size());
        written("header_value_2", kubernetes.containerLifecycle().preStop().httpGet().httpHeaders().get(1).value(),
                22);
    }

    @Test
    void kubernetesGlobalSettingsAndTokenTimes() {
        RunnerConfig config = TestLoads.corpus("docs-kubernetes-32.toml");
        written(":9252", config.global().listenAddress(), 7);
        assertTrue(config.global().metricsServerEnabled());
        written("debug", config.global().logLevel(), 4);
        header(config.global().sessionServer().position(), 9);
        written(1800L, config.global().sessionServer().sessionTimeout(), 10);
        assertFalse(config.global().sessionServer().enabled(), "no listen_address: the session server is off");
        Runner runner = config.runners().get(0);
        written(0L, runner.id(), 15);
        written(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), runner.tokenExpiresAt(), 18);
        written("kubernetes.io/arch=.*", runner.kubernetes().nodeSelectorOverwriteAllowed(), 30);
        written("", runner.kubernetes().namespaceOverwriteAllowed(), 26);
    }

    @Test
    void customExecutor() {
        Runner runner = TestLoads.corpus("docs-custom-01.toml").runners().get(0);
        assertTrue(runner.usesCustom());
        written("/builds", runner.buildsDir(), 7);
        written("/path/to/config.sh", runner.custom().configExec(), 11);
        written(List.of("SomeArg"), runner.custom().configArgs(), 12);
        written(200L, runner.custom().configExecTimeout(), 13);
        written("/path/to/binary", runner.custom().runExec(), 19);
        written(200L, runner.custom().forceKillTimeout(), 27);
        defaulted(false, runner.customBuildDir().enabled());
    }

    @Test
    void dockerWindows() {
        Runner runner = TestLoads.corpus("docs-docker-27.toml").runners().get(0);
        assertTrue(runner.usesDocker());
        assertFalse(runner.usesDockerMachine());
        written("docker-windows", runner.executor(), 6);
        written(List.of("c:\\cache"), runner.docker().volumes(), 9);
        defaulted(true, runner.customBuildDir().enabled()); // docker-windows shares the docker options
    }

    @Test
    void featureFlagsTable() {
        Runner runner = TestLoads.corpus("test-multi-01.toml").runners().get(0);
        written(59L, runner.id(), 8);
        written(true, runner.featureFlag("FF_SUSPENDABLE_ENVIRONMENTS"), 10);
        header(runner.featureFlags().position(), 9);
    }
}
