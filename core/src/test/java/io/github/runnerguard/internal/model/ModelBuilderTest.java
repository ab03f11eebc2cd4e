package io.github.runnerguard.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import org.junit.jupiter.api.Test;

/** How the model builder reads the bound raw view: canonical fields, positions, mistyped values. */
class ModelBuilderTest {

    private static final Position HEADER = new Position(2, 1);
    private static final Position DOCKER = new Position(4, 3);

    /** A bound entry as the binder writes it: {@code key} as written, bound to {@code field}. */
    private static ConfigEntry bound(String key, String field, int line, ConfigNode value) {
        return new ConfigEntry(key, field, true, new Position(line, 5), value);
    }

    private static ConfigScalar scalar(String path, Object value) {
        return new ConfigScalar(path, null, value);
    }

    /** A root with one runner whose docker table holds {@code dockerEntries}. */
    private static RunnerConfig withDocker(List<ConfigEntry> dockerEntries) {
        ConfigTable docker = new ConfigTable("runners[0].docker", DOCKER, dockerEntries);
        ConfigTable runner = new ConfigTable("runners[0]", HEADER, List.of(
                bound("executor", "executor", 3, scalar("runners[0].executor", "docker")),
                new ConfigEntry("docker", "docker", true, DOCKER, docker)));
        ConfigTable root = new ConfigTable("", null, List.of(
                new ConfigEntry("runners", "runners", true, HEADER,
                        new ConfigArray("runners", HEADER, List.of(runner)))));
        return ModelBuilder.build("x.toml", root, List.of(), List.of(), List.of());
    }

    @Test
    void aKeyWrittenInAnotherCaseReachesTheModelThroughItsField() {
        RunnerConfig config = withDocker(List.of(
                bound("Privileged", "privileged", 5, scalar("runners[0].docker.privileged", true))));
        Runner runner = config.runners().get(0);
        assertEquals(true, runner.docker().privileged().value());
        assertEquals(new Position(5, 5), runner.docker().privileged().position());
        assertEquals(DOCKER, runner.docker().position());
        assertTrue(runner.docker().present());
        assertEquals(HEADER, runner.position());
        assertEquals(0, runner.index());
        assertEquals("docker", runner.executorName());
        assertTrue(runner.usesDocker());
    }

    @Test
    void unboundEntriesAreNotRead() {
        RunnerConfig config = withDocker(List.of(
                new ConfigEntry("privileged", null, false, new Position(5, 5),
                        scalar("runners[0].docker.privileged", true)),
                new ConfigEntry("allowPrivilegeEscalation", null, false, new Position(6, 5),
                        scalar("runners[0].docker.allowPrivilegeEscalation", true))));
        DockerSettingsAssert.privilegedIsTheDefault(config.runners().get(0));
    }

    @Test
    void aValueOfTheWrongTypeIsAbsentAndTheDefaultApplies() {
        RunnerConfig config = withDocker(List.of(
                bound("privileged", "privileged", 5, scalar("runners[0].docker.privileged", "true")),
                bound("image", "image", 6, scalar("runners[0].docker.image", 5L)),
                bound("pull_policy", "pull_policy", 7, new ConfigTable("runners[0].docker.pull_policy", null,
                        List.of()))));
        Runner runner = config.runners().get(0);
        DockerSettingsAssert.privilegedIsTheDefault(runner);
        assertFalse(runner.docker().image().get().isPresent());
        assertEquals(List.of("always"), runner.docker().pullPolicy().value());
        assertNull(runner.docker().pullPolicy().position());
    }

    @Test
    void wrongElementsOfAListAreLeftOutTheRestIsKept() {
        List<ConfigNode> elements = new ArrayList<>();
        elements.add(scalar("runners[0].docker.volumes[0]", "/var/run/docker.sock:/var/run/docker.sock"));
        elements.add(scalar("runners[0].docker.volumes[1]", 5L));
        elements.add(scalar("runners[0].docker.volumes[2]", "/cache"));
        RunnerConfig config = withDocker(List.of(bound("volumes", "volumes", 5,
                new ConfigArray("runners[0].docker.volumes", null, elements))));
        assertEquals(List.of("/var/run/docker.sock:/var/run/docker.sock", "/cache"),
                config.runners().get(0).docker().volumes().value());
    }

    @Test
    void theConfigKeepsWhatItWasGiven() {
        ConfigTable root = new ConfigTable("", null, List.of());
        Diagnostic diagnostic = Diagnostic.of(Diagnostic.Kind.UNKNOWN_KEY, "unknown key", "x", new Position(1, 1));
        RunnerConfig config = ModelBuilder.build("src.toml", root, List.of(), List.of("x = 1"), List.of(diagnostic));
        assertEquals("src.toml", config.source());
        assertSame(root, config.raw());
        assertSame(root, config.global().raw());
        assertEquals(List.of("x = 1"), config.lines());
        assertEquals(List.of(diagnostic), config.diagnostics());
        assertTrue(config.runners().isEmpty());
    }

    @Test
    void aRunnersTableInsteadOfAnArrayGivesNoRunners() {
        RunnerConfig config = TestLoads.load("[runners.docker]\nprivileged = true\n");
        assertTrue(config.runners().isEmpty());
    }

    @Test
    void durationsAreGoDurationStringsOrNanoseconds() {
        Runner runner = TestLoads.load("""
                [[runners]]
                unhealthy_interval = "1h30m"
                [runners.autoscaler]
                update_interval = 1800
                instance_acquire_timeout = "ten minutes"
                """).runners().get(0);
        assertEquals(Duration.ofMinutes(90), runner.unhealthyInterval().value());
        assertEquals(Duration.ofNanos(1800), runner.autoscaler().updateInterval().value(),
                "an integer duration is nanoseconds, as in Go");
        assertEquals(Duration.ofMinutes(15), runner.autoscaler().instanceAcquireTimeout().value(),
                "an invalid duration reads as absent, so the default applies");
        assertTrue(runner.autoscaler().instanceAcquireTimeout().isDefault());
    }

    @Test
    void timesAreOffsetDateTimesOrRfc3339Strings() {
        RunnerConfig config = TestLoads.load("""
                [[runners]]
                token_obtained_at = 2024-01-02T03:04:05Z
                token_expires_at = "2025-06-07T08:09:10+02:00"
                [[runners]]
                token_expires_at = "soon"
                """);
        assertEquals(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
                config.runners().get(0).tokenObtainedAt().value());
        assertEquals(OffsetDateTime.of(2025, 6, 7, 8, 9, 10, 0, ZoneOffset.ofHours(2)),
                config.runners().get(0).tokenExpiresAt().value());
        assertFalse(config.runners().get(1).tokenExpiresAt().get().isPresent());
    }

    @Test
    void floatsAcceptIntegers() {
        Runner runner = TestLoads.load("[[runners]]\n[runners.machine]\nIdleScaleFactor = 1\n").runners().get(0);
        assertEquals(1.0, runner.machine().idleScaleFactor().value());
    }

    @Test
    void mapsKeepFileOrderAndAreImmutable() {
        Runner runner = TestLoads.load("""
                [[runners]]
                [runners.feature_flags]
                FF_B = true
                FF_A = false
                [runners.docker.sysctls]
                "net.ipv4.ip_forward" = "1"
                """).runners().get(0);
        Map<String, Boolean> flags = runner.featureFlags().value();
        assertEquals(List.of("FF_B", "FF_A"), List.copyOf(flags.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> flags.put("FF_C", true));
        assertEquals(true, runner.featureFlag("FF_B").value());
        assertTrue(runner.featureFlag("FF_B").isSet());
        assertFalse(runner.featureFlag("ff_b").get().isPresent(), "flag names match exactly");
        assertEquals(Map.of("net.ipv4.ip_forward", "1"), runner.docker().sysctls().value());
    }

    @Test
    void freeFormTablesAreKeptRaw() {
        Runner runner = TestLoads.load("""
                [[runners]]
                [runners.autoscaler.plugin_config]
                name = "asg"
                credentials_file = "/root/.aws/credentials"
                """).runners().get(0);
        ConfigTable plugin = runner.autoscaler().pluginConfig().value();
        assertEquals(2, plugin.entries().size());
        assertEquals("credentials_file", plugin.entries().get(1).key());
    }

    @Test
    void environmentVariablesAreLookedUpByName() {
        Runner runner = TestLoads.load("""
                [[runners]]
                environment = ["A=1", "DOCKER_AUTH_CONFIG={}", "A=2", "AB=3"]
                """).runners().get(0);
        assertEquals("2", runner.environmentVariable("A").orElseThrow());
        assertEquals("{}", runner.environmentVariable("DOCKER_AUTH_CONFIG").orElseThrow());
        assertFalse(runner.environmentVariable("B").isPresent());
    }

    /** Assertions shared by the docker cases. */
    private static final class DockerSettingsAssert {
        static void privilegedIsTheDefault(Runner runner) {
            assertEquals(false, runner.docker().privileged().value());
            assertNull(runner.docker().privileged().position());
        }
    }
}
