package io.github.runnerguard.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.SecurityRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The rules on the real configs of {@code ../shared/corpus/gitlab-runner}: no rule throws on any file INDEX.md marks
 * valid, and the Docker configs below, checked by reading them, get exactly the findings listed (rule id and line,
 * shared tenancy).
 */
class CorpusTest {

    /** The runner-header findings of a Docker runner without any hardening, on the given line. */
    private static List<String> unhardened(int line) {
        return List.of("docker.setuid-setgid-kept@" + line, "docker.runs-as-root@" + line,
                "docker.no-new-privileges-missing@" + line, "docker.allowed-images-unrestricted@" + line,
                "docker.allowed-images-unrestricted@" + line);
    }

    private static List<String> join(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    /**
     * Hand-checked expectations, file by file (line numbers are the corpus files' own, line 1 being the source
     * comment).
     */
    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            // config.toml.example: a shell, a docker (line 13, privileged = false) and an ssh runner.
            Map.entry("repo-config-toml-example.toml", unhardened(13)),
            // commands/testdata/test-config.toml: one docker runner without [runners.docker] (line 6), two shell.
            Map.entry("testdata-test-config.toml", unhardened(6)),
            Map.entry("testdata-lint-valid.toml", unhardened(5)),
            // The CA bundle is mounted read-only from a harmless host path into /etc in the container: the
            // destination does not matter, so no mount finding.
            Map.entry("docs-tls-01.toml", unhardened(2)),
            // Restricted image lists, tls_verify, but jobs may choose if-not-present (line 20).
            Map.entry("docs-docker-01.toml", List.of("docker.setuid-setgid-kept@4", "docker.runs-as-root@4",
                    "docker.no-new-privileges-missing@4", "docker.pull-policy-if-not-present@20")),
            // privileged = true (line 5): services inherit it; privilege keeps SETUID/SETGID too.
            Map.entry("docs-docker-14.toml", List.of("docker.privileged@5", "docker.services-privileged@5",
                    "docker.setuid-setgid-kept@5", "docker.runs-as-root@2", "docker.no-new-privileges-missing@2",
                    "docker.allowed-images-unrestricted@2", "docker.allowed-images-unrestricted@2")),
            // Rootless DinD: services_privileged with allowed_privileged_services is the restricted form.
            Map.entry("docs-docker-15.toml", unhardened(2)),
            // Podman over a unix socket with tls_verify = false: not a TCP daemon.
            Map.entry("docs-docker-16.toml", unhardened(2)),
            // docker-windows: Linux-only rules are skipped; c:\cache is an anonymous volume.
            Map.entry("docs-docker-27.toml", List.of("docker.allowed-images-unrestricted@2",
                    "docker.allowed-images-unrestricted@2")),
            Map.entry("docs-docker-12.toml", join(unhardened(2), "docker.host-devices@9")),
            // No executor at all: gitlab-runner runs nothing there, and no docker rule applies.
            Map.entry("docs-docker-18.toml", List.of()),
            // docker+machine without MaxBuilds: unlimited reuse.
            Map.entry("docs-advanced-07.toml", join(unhardened(13), "docker.autoscaled-vm-reused@13")),
            // The AWS guide: privileged (line 13) on VMs that run 100 jobs each (line 27).
            Map.entry("docs-docker-machine-aws-06.toml", List.of("docker.privileged@13",
                    "docker.services-privileged@13", "docker.setuid-setgid-kept@13", "docker.runs-as-root@5",
                    "docker.no-new-privileges-missing@5", "docker.allowed-images-unrestricted@5",
                    "docker.allowed-images-unrestricted@5", "docker.autoscaled-vm-reused@27")),
            Map.entry("docs-docker-machine-autoscale-10.toml", join(unhardened(4),
                    "docker.autoscaled-vm-reused@15")),
            // capacity_per_instance = 1 and max_use_count = 1: single-use instances.
            Map.entry("docs-docker-autoscaler-01.toml", unhardened(4)),
            // capacity_per_instance = 4 (line 9) and max_use_count unset (runner header, line 2).
            Map.entry("docs-slot-cgroups-01.toml", join(unhardened(2), "docker.autoscaled-vm-reused@2",
                    "docker.autoscaled-vm-reused@9")),
            // "docker+autoscaler" is not an executor gitlab-runner knows.
            Map.entry("docs-docker-autoscaler-04.toml", List.of()));

    private static Path corpus() {
        return SharedFiles.require().resolve("corpus/gitlab-runner");
    }

    /** The files INDEX.md marks as valid TOML. */
    private static List<String> validFiles() throws IOException {
        List<String> files = new ArrayList<>();
        for (String line : Files.readAllLines(corpus().resolve("INDEX.md"))) {
            String[] cells = line.split("(?<!\\\\)\\|");
            if (cells.length > 4 && cells[1].trim().endsWith(".toml") && cells[4].trim().equals("valid")) {
                files.add(cells[1].trim());
            }
        }
        return files;
    }

    private static List<String> findings(String file) throws IOException {
        LoadResult result = ConfigLoader.defaults().load(corpus().resolve(file));
        RunnerConfig config = result.config();
        assertTrue(config != null, () -> file + " did not load: " + result.diagnostics());
        List<String> found = new ArrayList<>();
        for (SecurityRule rule : AllDockerRules.all()) {
            for (Finding finding : rule.check(config, AuditContext.defaults())) {
                found.add(finding.ruleId() + "@" + (finding.position() == null ? "?" : finding.position().line()));
            }
        }
        found.sort(null);
        return found;
    }

    @TestFactory
    Stream<DynamicTest> noRuleThrowsOnAnyValidFile() throws IOException {
        List<String> files = validFiles();
        assertTrue(files.size() >= 249, () -> "INDEX.md lists only " + files.size() + " valid files");
        return files.stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            LoadResult result = ConfigLoader.defaults().load(corpus().resolve(file));
            RunnerConfig config = result.config();
            if (config == null) {
                return;
            }
            for (SecurityRule rule : AllDockerRules.all()) {
                List<Finding> findings = rule.check(config, AuditContext.defaults());
                for (Finding finding : findings) {
                    assertEquals(rule.descriptor().id(), finding.ruleId());
                    assertTrue(finding.runner() != null, finding::toString);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> handCheckedDockerConfigs() {
        assertTrue(EXPECTED.size() >= 10);
        return new TreeMap<>(EXPECTED).entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            List<String> expected = new ArrayList<>(entry.getValue());
            expected.sort(null);
            assertEquals(expected, findings(entry.getKey()), entry.getKey());
        }));
    }

    @Test
    void mostValidDockerFamilyFilesGetAFinding() throws IOException {
        int docker = 0;
        int withFindings = 0;
        for (String file : validFiles()) {
            String text = Files.readString(corpus().resolve(file));
            if (!text.matches("(?s).*executor\\s*=\\s*\"docker(-windows|\\+machine|-autoscaler)?\".*")) {
                continue;
            }
            LoadResult result = ConfigLoader.defaults().load(corpus().resolve(file));
            if (result.config() == null) {
                continue;
            }
            docker++;
            if (!findings(file).isEmpty()) {
                withFindings++;
            }
        }
        System.out.println("corpus: " + withFindings + " of " + docker + " loadable Docker-family files get a "
                + "docker.* finding");
        assertTrue(docker >= 30, "Docker-family files found: " + docker);
        assertTrue(withFindings * 10 >= docker * 9, withFindings + " of " + docker);
    }
}
