package io.github.runnerguard.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Keys written in another case reach the typed model as gitlab-runner's decoder binds them. */
class CaseInsensitiveKeysTest {

    private static Runner runner(String toml) {
        return TestLoads.load(toml).runners().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"privileged", "Privileged", "PRIVILEGED", "pRiViLeGeD"})
    void anySpellingOfPrivilegedSetsIt(String key) {
        Runner runner = runner("[[runners]]\nexecutor = \"docker\"\n[runners.docker]\n" + key + " = true\n");
        assertEquals(true, runner.docker().privileged().value());
        assertTrue(runner.docker().privileged().isSet());
        assertEquals(true, runner.docker().servicesPrivileged().value(), "services inherit it");
        assertTrue(runner.docker().servicesPrivileged().isDefault());
    }

    @Test
    void pascalCaseAndLowerCaseSectionKeysBind() {
        Runner runner = runner("""
                [[runners]]
                EXECUTOR = "docker+machine"
                [runners.cache]
                type = "s3"
                shared = true
                [runners.Machine]
                idlecount = 3
                maxbuilds = 1
                [[runners.kubernetes.host_aliases]]
                IP = "127.0.0.1"
                Hostnames = ["a"]
                """);
        assertEquals("docker+machine", runner.executorName());
        assertTrue(runner.usesDockerMachine());
        assertEquals("s3", runner.cache().typeName());
        assertEquals(true, runner.cache().shared().value());
        assertTrue(runner.machine().present());
        assertEquals(3L, runner.machine().idleCount().value());
        assertEquals(1L, runner.machine().maxBuilds().value());
        assertEquals("127.0.0.1", runner.kubernetes().hostAliases().get(0).ip().value());
        assertEquals(java.util.List.of("a"), runner.kubernetes().hostAliases().get(0).hostnames().value());
    }

    @Test
    void underscoresAndDashesDoNotFold() {
        RunnerConfig config = TestLoads.load("""
                [[runners]]
                executor = "kubernetes"
                tls_ca_file = "/etc/ca.pem"
                [runners.kubernetes]
                allowPrivilegeEscalation = false
                """);
        Runner runner = config.runners().get(0);
        assertFalse(runner.kubernetes().allowPrivilegeEscalation().get().isPresent(),
                "allowPrivilegeEscalation is not allow_privilege_escalation");
        assertFalse(runner.tlsCaFile().get().isPresent(), "tls_ca_file is not tls-ca-file");
        assertEquals(2, config.diagnostics().stream().filter(d -> d.kind() == Diagnostic.Kind.UNKNOWN_KEY).count());
    }

    @Test
    void anAmbiguityBindsTheLessSafeValue() {
        RunnerConfig config = TestLoads.load("[[runners]]\n[runners.docker]\nprivileged = false\nPrivileged = true\n");
        assertEquals(true, config.runners().get(0).docker().privileged().value());
        assertTrue(config.diagnostics().stream().anyMatch(d -> d.kind() == Diagnostic.Kind.AMBIGUOUS_KEY));
    }

    @Test
    void aMistypedValueIsAbsentAndReported() {
        RunnerConfig config = TestLoads.load("""
                [[runners]]
                [runners.docker]
                privileged = "true"
                [runners.ssh]
                port = 22
                """);
        Runner runner = config.runners().get(0);
        assertEquals(false, runner.docker().privileged().value());
        assertTrue(runner.docker().privileged().isDefault());
        assertEquals("22", runner.ssh().port().value(), "the default port, the written one is an integer");
        assertTrue(runner.ssh().port().isDefault());
        assertEquals(2, config.diagnostics().stream().filter(d -> d.kind() == Diagnostic.Kind.TYPE_MISMATCH).count());
    }

    @Test
    void twoSpellingsOfATableAreMergedAsTheDecoderDoes() {
        RunnerConfig config = TestLoads.load("""
                [[runners]]
                [runners.docker]
                image = "alpine"
                [runners.Docker]
                privileged = true
                [runners.FEATURE_FLAGS]
                FF_A = true
                [runners.feature_flags]
                FF_B = false
                """);
        Runner runner = config.runners().get(0);
        assertEquals("alpine", runner.docker().image().value());
        assertEquals(true, runner.docker().privileged().value());
        assertEquals(5, runner.docker().privileged().position().line());
        assertEquals(2, runner.docker().position().line());
        assertEquals(java.util.Map.of("FF_A", true, "FF_B", false), runner.featureFlags().value());
        assertEquals(false, runner.featureFlag("FF_B").value());
        assertEquals(9, runner.featureFlag("FF_B").position().line());
        assertEquals(7, runner.featureFlag("FF_A").position().line());
    }
}
