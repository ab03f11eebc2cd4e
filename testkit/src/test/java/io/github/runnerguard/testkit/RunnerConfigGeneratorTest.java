package io.github.runnerguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.runnerguard.config.Position;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * The generator on its own: determinism, coverage of executors and risky settings, options, and an independent
 * check of its output with Jackson's TOML parser (every expected value is in the parsed tree at its key path, and
 * every expected position points at its key in the text).
 */
class RunnerConfigGeneratorTest {

    private static final int CONFIGS = 300;
    private static final TomlMapper TOML = new TomlMapper();
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)((?:\\[\\d+])*)");

    @Test
    void theSameSeedGivesTheSameConfig() {
        assertEquals(RunnerConfigGenerator.defaults().generate(7L), RunnerConfigGenerator.defaults().generate(7L));
        assertNotEquals(RunnerConfigGenerator.defaults().generate(7L).toml(),
                RunnerConfigGenerator.defaults().generate(8L).toml());
    }

    @Test
    void everyExecutorAndEveryFormAppears() {
        Set<String> executors = new HashSet<>();
        Set<Integer> runnerCounts = new HashSet<>();
        String all = generate(RunnerConfigGenerator.defaults(), CONFIGS, executors, runnerCounts);
        assertEquals(Set.copyOf(RunnerConfigGenerator.EXECUTORS), executors);
        assertEquals(Set.of(1, 2, 3), runnerCounts);
        for (String text : List.of("[runners.docker]", "\n  docker.", "docker = { ", "[[runners.docker.services]]",
                "services = [{ ", "[[runners.kubernetes.volumes.host_path]]", "[runners.machine]",
                "[[runners.machine.autoscaling]]", "[runners.ssh]", "[runners.kubernetes.pod_security_context]",
                "[runners.feature_flags]", "Privileged = ", "PRIVILEGED = ", "maxBuilds = ", "MAXBUILDS = ",
                "privileged = true", "/var/run/docker.sock:/var/run/docker.sock", "cap_add = [\"SYS_ADMIN\"]",
                "network_mode = \"host\"", "pull_policy = \"if-not-present\"", "pull_policy = [",
                "disable_strict_host_key_checking = true", "MaxBuilds = 1", "environment = [", "'", "\n[[runners]]",
                "token_expires_at = 2027-01-15T09:30:00Z")) {
            assertTrue(all.contains(text), () -> "no generated config contains " + text);
        }
    }

    @Test
    void pinnedExecutorIsEveryRunnersExecutor() {
        for (String executor : RunnerConfigGenerator.EXECUTORS) {
            Set<String> seen = new HashSet<>();
            generate(RunnerConfigGenerator.defaults().withExecutor(executor), 20, seen, new HashSet<>());
            assertEquals(Set.of(executor), seen);
        }
    }

    @Test
    void forcedSettingsAreOnEveryRunnerWithTheirValue() {
        RunnerConfigGenerator generator = RunnerConfigGenerator.defaults()
                .forcing("docker.privileged", true)
                .forcing("docker.volumes", List.of("/var/run/docker.sock:/var/run/docker.sock"))
                .forcing("global.listenAddress", "0.0.0.0:9252");
        assertEquals(List.of("docker", "docker-windows", "docker+machine", "docker-autoscaler"), generator.executors());
        for (long seed = 0; seed < 50; seed++) {
            GeneratedConfig config = generator.generate(seed);
            assertTrue(config.model().global().stream().anyMatch(v -> v.modelPath().equals("listenAddress")
                    && v.value().equals("0.0.0.0:9252")), config.toml());
            for (RunnerExpectation runner : config.model().runners()) {
                assertTrue(runner.has("docker.privileged", true), config.toml());
                assertTrue(runner.has("docker.volumes", List.of("/var/run/docker.sock:/var/run/docker.sock")));
                assertTrue(runner.has("docker.servicesPrivileged", true) || runner.value("docker.servicesPrivileged")
                        .map(ExpectedValue::set).orElse(false), "services_privileged inherits privileged");
            }
        }
    }

    @Test
    void forcingRestrictsExecutorsToThoseWithTheSetting() {
        assertEquals(List.of("ssh", "parallels", "virtualbox"), RunnerConfigGenerator.defaults()
                .forcing("ssh.disableStrictHostKeyChecking", true).executors());
        assertEquals(List.of("docker+machine"), RunnerConfigGenerator.defaults()
                .forcing("machine.maxBuilds", 1).executors());
        assertEquals(RunnerConfigGenerator.EXECUTORS, RunnerConfigGenerator.defaults()
                .forcing("environment", List.of("A=b")).forcing("cache.s3.insecure", true).executors());
        GeneratedConfig config = RunnerConfigGenerator.defaults().forcing("machine.maxBuilds", 1).generate(3L);
        assertTrue(config.model().runners().stream().allMatch(r -> r.has("machine.maxBuilds", 1L)));
    }

    @Test
    void badOptionsFailWithAClearMessage() {
        RunnerConfigGenerator defaults = RunnerConfigGenerator.defaults();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> defaults.forcing("docker.priviledged", true));
        assertTrue(unknown.getMessage().contains("unknown setting 'docker.priviledged'"));
        assertTrue(unknown.getMessage().contains("docker.privileged"));
        assertThrows(IllegalArgumentException.class, () -> defaults.forcing("docker.privileged", "true"));
        assertThrows(IllegalArgumentException.class, () -> defaults.forcing("docker.volumes", List.of(1)));
        assertThrows(IllegalArgumentException.class,
                () -> defaults.withExecutor("shell").forcing("docker.privileged", true));
        assertThrows(IllegalArgumentException.class, () -> defaults.withExecutor("docker+kubernetes"));
        assertThrows(IllegalArgumentException.class, () -> defaults.maxRunners(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.omitting("nope"));
        assertThrows(IllegalStateException.class, () -> defaults.generate(bound -> bound));
    }

    @Test
    void omittedSettingsAreNeverWritten() {
        RunnerConfigGenerator generator = RunnerConfigGenerator.defaults().withExecutor("docker")
                .omitting("docker.privileged").omitting("docker.pullPolicy");
        for (long seed = 0; seed < 50; seed++) {
            GeneratedConfig config = generator.generate(seed);
            assertFalse(Pattern.compile("(?im)(^|[\\s{,.])privileged =").matcher(config.toml()).find(),
                    config.toml());
            for (RunnerExpectation runner : config.model().runners()) {
                assertTrue(runner.has("docker.pullPolicy", List.of("always")), "pull_policy defaults to always");
                assertFalse(runner.value("docker.pullPolicy").orElseThrow().set());
            }
        }
    }

    @Test
    void settingsListsTheForcibleModelPaths() {
        List<String> settings = RunnerConfigGenerator.settings();
        assertTrue(settings.containsAll(List.of("docker.privileged", "docker.capAdd", "machine.maxBuilds",
                "ssh.disableStrictHostKeyChecking", "kubernetes.podSecurityContext.runAsNonRoot", "environment",
                "featureFlags", "global.concurrent", "global.sessionServer.listenAddress", "cache.s3.insecure")),
                settings.toString());
    }

    @Test
    void expectationsAgreeWithJacksonsParseOfTheText() {
        int values = 0;
        for (long seed = 0; seed < CONFIGS; seed++) {
            GeneratedConfig config = RunnerConfigGenerator.defaults().generate(seed);
            JsonNode root = TOML.readTree(config.toml());
            List<String> lines = List.of(config.toml().split("\n", -1));
            List<ExpectedValue> expected = new ArrayList<>(config.model().global());
            assertEquals(config.model().runners().size(), root.get("runners").size(), config.toml());
            for (RunnerExpectation runner : config.model().runners()) {
                expected.addAll(runner.values());
                assertEquals("[[runners]]", lines.get(runner.position().line() - 1).strip());
                for (ExpectedSection section : runner.sections()) {
                    JsonNode node = at(root, section.keyPath());
                    assertEquals(section.present(), node != null, () -> section + "\n" + config.toml());
                    if (section.present()) {
                        String last = section.keyPath().replaceAll("\\[\\d+]$", "");
                        last = last.substring(last.lastIndexOf('.') + 1);
                        String line = lines.get(section.line() - 1).toLowerCase(Locale.ROOT);
                        assertTrue(line.contains(last.toLowerCase(Locale.ROOT)) || line.contains("{"),
                                () -> section + " line: " + line);
                    }
                }
            }
            for (ExpectedValue value : expected) {
                if (!value.set()) {
                    continue;
                }
                values++;
                JsonNode node = at(root, value.keyPath());
                assertTrue(node != null, () -> "no " + value.keyPath() + " in\n" + config.toml());
                assertEquals(value.value(), fromJson(node, value.value()), () -> value + "\n" + config.toml());
                Position position = value.position();
                if (position != null) {
                    String line = lines.get(position.line() - 1);
                    String key = value.keyPath().substring(value.keyPath().lastIndexOf('.') + 1);
                    String from = line.substring(position.column() - 1);
                    assertTrue(line.toLowerCase(Locale.ROOT).contains(key.toLowerCase(Locale.ROOT) + " = "),
                            () -> value + " line: " + line);
                    assertTrue(Character.isLetter(from.charAt(0)) && !Character.isLetter(line.charAt(
                            Math.max(0, position.column() - 2))) || position.column() == 1,
                            () -> value + " column does not start a key: " + line);
                }
            }
        }
        assertTrue(values > CONFIGS * 20, "few values checked: " + values);
    }

    /** The node at a key path, matching each key case-insensitively (the text may use a case variant). */
    private static JsonNode at(JsonNode root, String keyPath) {
        JsonNode current = root;
        for (String segment : keyPath.split("\\.")) {
            Matcher m = SEGMENT.matcher(segment);
            assertTrue(m.matches(), segment);
            JsonNode next = null;
            for (String name : current.propertyNames()) {
                if (name.equals(m.group(1)) || next == null && name.equalsIgnoreCase(m.group(1))) {
                    next = current.get(name);
                }
            }
            if (next == null) {
                return null;
            }
            current = next;
            Matcher index = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
            while (index.find()) {
                current = current.get(Integer.parseInt(index.group(1)));
            }
        }
        return current;
    }

    private static Object fromJson(JsonNode node, Object like) {
        if (like instanceof Boolean) {
            return node.booleanValue();
        } else if (like instanceof Long) {
            return node.longValue();
        } else if (like instanceof Double) {
            return node.doubleValue();
        } else if (like instanceof String) {
            return node.stringValue();
        } else if (like instanceof List) {
            List<String> out = new ArrayList<>();
            if (node.isString()) {
                out.add(node.stringValue());
            } else {
                node.forEach(element -> out.add(element.stringValue()));
            }
            return out;
        } else if (like instanceof Duration) {
            return GoDuration.parse(node.stringValue());
        } else if (like instanceof OffsetDateTime) {
            return OffsetDateTime.parse(node.asString());
        } else if (like instanceof Map) {
            Map<String, Boolean> out = new TreeMap<>();
            node.forEachEntry((k, v) -> out.put(k, v.booleanValue()));
            return Map.copyOf(out);
        }
        throw new AssertionError("unexpected type " + like.getClass());
    }

    private static String generate(RunnerConfigGenerator generator, int count, Set<String> executors,
                                   Set<Integer> runnerCounts) {
        StringBuilder all = new StringBuilder();
        for (long seed = 0; seed < count; seed++) {
            GeneratedConfig config = generator.generate(seed);
            all.append(config.toml()).append('\n');
            runnerCounts.add(config.model().runners().size());
            config.model().runners().forEach(r -> executors.add(r.executor()));
        }
        return all.toString();
    }
}
