package io.github.runnerguard.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The volume grammar against the cases of gitlab-runner's own parser tests ({@code linux_parser_test.go},
 * {@code windows_parser_test.go} at the reference commit), plus the source kinds this module adds.
 */
class VolumeSpecTest {

    @ParameterizedTest(name = "linux {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "/destination|''|/destination|''|ANONYMOUS",
        "/source:/destination|/source|/destination|''|HOST_PATH",
        "/destination:rw|''|/destination|rw|ANONYMOUS",
        "/source:/destination:rw|/source|/destination|rw|HOST_PATH",
        "/source:/destination:ro|/source|/destination|ro|HOST_PATH",
        "/source:/destination:ro,z|/source|/destination|ro|HOST_PATH",
        "/source:/destination:ro,Z|/source|/destination|ro|HOST_PATH",
        "/Source:/Destination:rw|/Source|/Destination|rw|HOST_PATH",
        "/source:/destination:O|/source|/destination|O|HOST_PATH",
        "/source:/destination:O,z|/source|/destination|O|HOST_PATH",
        "/source:/destination:z|/source|/destination|''|HOST_PATH",
        "/source:/destination:Z|/source|/destination|''|HOST_PATH",
        "/source with spaces:/destination|/source with spaces|/destination|''|HOST_PATH",
        "/source:/destination with spaces|/source|/destination with spaces|''|HOST_PATH",
        "/my host path:/container path:rw|/my host path|/container path|rw|HOST_PATH",
        "/path/with spaces/in the/middle:/dest|/path/with spaces/in the/middle|/dest|''|HOST_PATH",
        "volume_name:/destination|volume_name|/destination|''|NAMED",
        "/source:/destination:rslave|/source|/destination|''|HOST_PATH",
        "/source:/destination:ro,rslave|/source|/destination|ro|HOST_PATH",
        "/source:/destination:rw:rslave|/source|/destination|rw|HOST_PATH",
        "/source:/some/$VAR/blipp|/source|/some/$VAR/blipp|''|HOST_PATH",
        "/source:/some/${VAR}/blipp|/source|/some/${VAR}/blipp|''|HOST_PATH",
        "/source:/${root}/$sub-test/dir|/source|/${root}/$sub-test/dir|''|HOST_PATH",
        "/:/host|/|/host|''|HOST_PATH",
        "/var/run/docker.sock|''|/var/run/docker.sock|''|ANONYMOUS",
    })
    void parsesLinuxVolumesLikeGitlabRunner(String spec, String source, String destination, String mode,
                                           VolumeSpec.Kind kind) {
        assertEquals(Optional.of(new VolumeSpec(source, destination, mode, kind)), VolumeSpec.parse(spec, false));
    }

    @ParameterizedTest(name = "linux rejects {0}")
    @ValueSource(strings = {"", "/source:/destination:T", "/source:/destination:rw:something", ":/destination",
        "/source:/destination:unknown", "/source:/destination:ro,unknown", "/source:/destination:,rslave",
        "/source:blipp", "/source:$VAR/blipp", "/source:${VAR}/blipp", "./relative:/x", "~/x:/x", "c:\\cache"})
    void rejectsWhatGitlabRunnerRejectsOnLinux(String spec) {
        assertEquals(Optional.empty(), VolumeSpec.parse(spec, false));
    }

    @ParameterizedTest(name = "windows {0}")
    @CsvSource(delimiter = '|', value = {
        "c:\\destination|''|c:\\destination|''|ANONYMOUS",
        "c:\\source:c:\\destination|c:\\source|c:\\destination|''|HOST_PATH",
        "C:\\source:C:\\destination|C:\\source|C:\\destination|''|HOST_PATH",
        "c:\\Source:c:\\Destination|c:\\Source|c:\\Destination|''|HOST_PATH",
        "c:\\destination:rw|''|c:\\destination|rw|ANONYMOUS",
        "c:\\source:c:\\destination:rw|c:\\source|c:\\destination|rw|HOST_PATH",
        "volume_name:c:\\destination|volume_name|c:\\destination|''|NAMED",
        "\\\\.\\pipe\\docker_engine1:\\\\.\\pipe\\docker_engine2|\\\\.\\pipe\\docker_engine1"
                + "|\\\\.\\pipe\\docker_engine2|''|NAMED_PIPE",
        "//./pipe/docker_engine1://./pipe/docker_engine2|//./pipe/docker_engine1|//./pipe/docker_engine2|''"
                + "|NAMED_PIPE",
        "volume_name:c:\\some\\$VAR\\blipp|volume_name|c:\\some\\$VAR\\blipp|''|NAMED",
        "c:\\:c:\\host:RO|c:\\|c:\\host|RO|HOST_PATH",
    })
    void parsesWindowsVolumesLikeGitlabRunner(String spec, String source, String destination, String mode,
                                             VolumeSpec.Kind kind) {
        assertEquals(Optional.of(new VolumeSpec(source, destination, mode, kind)), VolumeSpec.parse(spec, true));
    }

    @ParameterizedTest(name = "windows rejects {0}")
    @ValueSource(strings = {"", "c:\\source:c:\\destination:rw:something", "/destination:c:\\destination",
        "volume_name:$VAR\\blipp", "volume_name:${VAR}\\blipp", "/var/run/docker.sock:/var/run/docker.sock"})
    void rejectsWhatGitlabRunnerRejectsOnWindows(String spec) {
        assertEquals(Optional.empty(), VolumeSpec.parse(spec, true));
    }

    @Test
    void readOnlyIsTheRoModeInAnyCase() {
        assertTrue(VolumeSpec.parse("/a:/b:RO", false).orElseThrow().readOnly());
        assertTrue(VolumeSpec.parse("/a:/b:ro,z", false).orElseThrow().readOnly());
        assertFalse(VolumeSpec.parse("/a:/b:rw", false).orElseThrow().readOnly());
        assertFalse(VolumeSpec.parse("/a:/b:z", false).orElseThrow().readOnly());
        assertFalse(VolumeSpec.parse("/a:/b:O", false).orElseThrow().readOnly());
    }

    @Test
    void onlyHostPathsAndPipesBindTheHost() {
        assertTrue(VolumeSpec.parse("/a:/b", false).orElseThrow().bindsHost());
        assertFalse(VolumeSpec.parse("/b", false).orElseThrow().bindsHost());
        assertFalse(VolumeSpec.parse("vol:/b", false).orElseThrow().bindsHost());
        assertTrue(VolumeSpec.parse("\\\\.\\pipe\\x:\\\\.\\pipe\\x", true).orElseThrow().bindsHost());
    }

    @Test
    void hostileStringsDoNotBacktrackForever() {
        String linux = "/" + "a/".repeat(2000) + "a".repeat(2000) + ":\u0000";
        String windows = "c:\\" + "a\\".repeat(2000) + ":\u0000";
        // A linear parse takes milliseconds; the bound catches runaway backtracking and leaves room for a loaded machine.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(Optional.empty(), VolumeSpec.parse(linux, false));
            assertEquals(Optional.empty(), VolumeSpec.parse(windows, true));
            assertEquals(Optional.empty(), VolumeSpec.parse("x".repeat(10_000), false));
        });
    }
}
