package io.github.runnerguard.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which host paths expose an engine socket, which are sensitive, and which are neither. */
class HostPathsTest {

    private static VolumeSpec linux(String spec) {
        return VolumeSpec.parse(spec, false).orElseThrow();
    }

    private static VolumeSpec windows(String spec) {
        return VolumeSpec.parse(spec, true).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/var/run/docker.sock:/var/run/docker.sock", "/run/docker.sock:/d.sock:ro",
        "/run/podman/podman.sock:/p", "/run/user/1000/podman/podman.sock:/p", "/run/user/1000/docker.sock:/d",
        "/run/containerd/containerd.sock:/c", "/var/run/crio/crio.sock:/c", "/opt/docker.sock:/d",
        "/run/buildkit/buildkitd.sock:/b", "/var/run/../run/docker.sock:/d", "/:/host", "/var:/var", "/run:/run",
        "/var/run/:/x", "/run/user/1000:/x", "/run/containerd:/x", "/var/run/docker/../../run:/x"})
    void socketsAndTheDirectoriesHoldingThem(String spec) {
        assertTrue(HostPaths.socket(linux(spec), false).isPresent(), spec);
        assertEquals(Optional.empty(), HostPaths.sensitive(linux(spec), false), spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc:/etc", "/etc/gitlab-runner:/cfg:ro", "/root/.ssh:/k", "/home:/home",
        "/boot:/boot", "/dev/sda:/dev/sda", "/proc:/p", "/sys/fs/cgroup:/sys/fs/cgroup", "/usr:/usr", "/lib:/lib",
        "/var/lib/docker:/d", "/var/lib/docker/volumes/x:/x", "/var/lib/kubelet:/k", "/var/lib:/x",
        "/run/secrets/x:/x", "/var/run/lock:/x"})
    void sensitivePaths(String spec) {
        assertTrue(HostPaths.sensitive(linux(spec), false).isPresent(), spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cache", "/srv/cache:/cache", "/opt/tools:/tools:ro", "/builds:/builds",
        "vol:/etc", "etc:/etc:ro", "/etc", "/data/etc:/etc", "/var/cache/ci:/cache", "/varlib:/x", "/runner:/x",
        "/etcetera:/x"})
    void harmlessPaths(String spec) {
        assertEquals(Optional.empty(), HostPaths.socket(linux(spec), false), spec);
        assertEquals(Optional.empty(), HostPaths.sensitive(linux(spec), false), spec);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "c:\\:c:\\host|true", "C:\\Windows\\System32:c:\\s|true", "c:/users/ci:c:\\u|true",
        "C:\\ProgramData:c:\\p|true", "C:\\ProgramData\\docker\\volumes:c:\\v|true", "C:\\GitLab-Runner:c:\\g|true",
        "\\\\?\\C:\\Windows:c:\\w|true", "D:\\builds:c:\\b|false", "c:\\cache|false", "vol:c:\\data|false",
        "C:\\Program Files\\Docker:c:\\d|true", "C:\\Program Files\\Git:c:\\g|false"})
    void windowsPaths(String spec, boolean sensitive) {
        assertEquals(sensitive, HostPaths.sensitive(windows(spec), true).isPresent(), spec);
        assertFalse(HostPaths.socket(windows(spec), true).isPresent(), spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine",
        "//./pipe/docker_engine://./pipe/docker_engine"})
    void windowsNamedPipes(String spec) {
        assertTrue(HostPaths.socket(windows(spec), true).orElseThrow().what().contains("Docker Engine API"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/var/run/../run/x|/var/run/x", "//a//b/|/a/b", "/a/./b/..|/a", "/..|/",
        "/|/"})
    void cleansLikeDocker(String path, String clean) {
        assertEquals(clean, HostPaths.cleanLinux(path));
    }
}
