package io.github.runnerguard.rules.kubernetes;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.SecurityRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules over the real configs of {@code shared/corpus/gitlab-runner}: none throws on any file, and the findings of
 * hand-checked Kubernetes configs are exactly the expected ones (rule, line, severity on a shared runner).
 */
class CorpusTest {

    private static Path corpus() {
        return KubernetesRules.shared().resolve("corpus/gitlab-runner");
    }

    private static List<Finding> audit(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (SecurityRule rule : KubernetesRules.all()) {
            findings.addAll(rule.check(config, context));
        }
        return findings;
    }

    @Test
    void noRuleThrowsOnAnyFile() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus())) {
            files = list.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        assertTrue(files.size() > 200, "corpus files: " + files.size());
        int loaded = 0;
        int kubernetesRunners = 0;
        for (Path file : files) {
            LoadResult result = ConfigLoader.defaults().load(file);
            if (result.config() == null) {
                continue;
            }
            loaded++;
            RunnerConfig config = result.config();
            kubernetesRunners += (int) config.runners().stream()
                    .filter(r -> io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner.of(r).isPresent())
                    .count();
            for (AuditContext context : List.of(AuditContext.defaults(),
                    AuditContext.defaults().withEnforcedPss("restricted"),
                    AuditContext.defaults().withDefaultTenancy(io.github.runnerguard.spi.Tenancy.DEDICATED))) {
                for (SecurityRule rule : KubernetesRules.all()) {
                    List<Finding> findings = assertDoesNotThrow(() -> rule.check(config, context),
                            rule.descriptor().id() + " on " + file.getFileName());
                    for (Finding f : findings) {
                        assertEquals(rule.descriptor().id(), f.ruleId());
                        assertTrue(f.position() != null, "every finding points at a line: " + f);
                        assertTrue(!f.message().contains("glrt-"), "no token in messages: " + f.message());
                    }
                }
            }
        }
        assertTrue(loaded > 200, "loaded: " + loaded);
        assertTrue(kubernetesRunners >= 60, "Kubernetes runners in the corpus: " + kubernetesRunners);
    }

    static Stream<Arguments> handChecked() {
        // Each expectation: line, rule id (without "kubernetes."), severity on a shared runner. The PSS level of
        // the job pods is asserted separately. Lines were checked by reading each file.
        return Stream.of(
                // the executor docs' example: privileged, an unanchored namespace pattern, bearer token overwrite
                Arguments.of("docs-kubernetes-02.toml", "privileged", List.of(
                        "17 privileged critical", "15 namespace-overwrite high", "16 bearer-token-overwrite high",
                        "4 privilege-escalation medium", "4 capabilities-not-dropped low", "4 runs-as-root medium",
                        "4 pull-policy-if-not-present low", "4 service-account-token-automount low",
                        "4 allowed-images-unrestricted low", "4 allowed-images-unrestricted low")),
                // camelCase allowPrivilegeEscalation is ignored by gitlab-runner: escalation stays allowed
                Arguments.of("docs-kubernetes-28.toml", "baseline", List.of(
                        "9 privilege-escalation medium", "12 pod-spec-patch medium", "2 capabilities-not-dropped low",
                        "2 runs-as-root medium", "2 pull-policy-if-not-present low",
                        "2 service-account-token-automount low", "2 allowed-images-unrestricted low",
                        "2 allowed-images-unrestricted low")),
                // Oracle Cloud: executor inside [runners.kubernetes] is ignored (a Helm template registered as
                // kubernetes), privileged, escalation, buildah storage from the node, if-not-present
                Arguments.of("docs-oracle-cloud-02.toml", "privileged", List.of(
                        "5 privileged critical", "6 privilege-escalation high", "12 host-path high",
                        "10 pull-policy-if-not-present medium", "2 capabilities-not-dropped low",
                        "2 runs-as-root medium", "2 service-account-token-automount low",
                        "2 allowed-images-unrestricted low", "2 allowed-images-unrestricted low")),
                Arguments.of("docs-kubernetes-16.toml", "privileged", List.of(
                        "18 unconfined-profile high", "20 unconfined-profile high", "4 privilege-escalation medium",
                        "4 capabilities-not-dropped low", "4 pull-policy-if-not-present low",
                        "4 service-account-token-automount low", "4 allowed-images-unrestricted low",
                        "4 allowed-images-unrestricted low")),
                // cap_add SYS_TIME (the node clock) and IPC_LOCK; cap_drop without ALL
                Arguments.of("docs-kubernetes-21.toml", "privileged", List.of(
                        "10 dangerous-capability high", "11 capabilities-not-dropped low",
                        "4 privilege-escalation medium", "4 runs-as-root medium", "4 pull-policy-if-not-present low",
                        "4 service-account-token-automount low", "4 allowed-images-unrestricted low",
                        "4 allowed-images-unrestricted low")),
                // Podman: build container as root, any node selector, a YAML pod_spec patch
                Arguments.of("docs-kubernetes-podman-05.toml", "baseline", List.of(
                        "17 runs-as-root high", "12 scheduling-overwrite medium", "22 pod-spec-patch medium",
                        "2 capabilities-not-dropped low", "2 pull-policy-if-not-present low",
                        "2 service-account-token-automount low", "2 allowed-images-unrestricted low",
                        "2 allowed-images-unrestricted low")),
                Arguments.of("docs-kubernetes-podman-02.toml", "privileged", List.of(
                        "27 privileged critical", "28 scheduling-overwrite medium", "13 privilege-escalation medium",
                        "13 capabilities-not-dropped low", "13 pull-policy-if-not-present low",
                        "13 service-account-token-automount low", "13 allowed-images-unrestricted low",
                        "13 allowed-images-unrestricted low")),
                Arguments.of("docs-kubernetes-35.toml", "privileged", List.of(
                        "9 privileged critical", "2 privilege-escalation medium", "2 capabilities-not-dropped low",
                        "2 runs-as-root medium", "2 pull-policy-if-not-present low",
                        "2 service-account-token-automount low", "2 allowed-images-unrestricted low",
                        "2 allowed-images-unrestricted low")),
                // two host_path volumes of ordinary paths (one mounts its mount_path), and an nfs volume
                Arguments.of("docs-kubernetes-38.toml", "privileged", List.of(
                        "8 host-path medium", "13 host-path medium", "4 privilege-escalation medium",
                        "4 capabilities-not-dropped low", "4 runs-as-root medium", "4 pull-policy-if-not-present low",
                        "4 service-account-token-automount low", "4 allowed-images-unrestricted low",
                        "4 allowed-images-unrestricted low")),
                // node_selector_overwrite_allowed limited to kubernetes.io/arch: not broad
                Arguments.of("docs-kubernetes-32.toml", "baseline", List.of(
                        "12 privilege-escalation medium", "12 capabilities-not-dropped low", "12 runs-as-root medium",
                        "12 pull-policy-if-not-present low", "12 service-account-token-automount low",
                        "12 allowed-images-unrestricted low", "12 allowed-images-unrestricted low")),
                // NET_ADMIN added to the build container; non-root users everywhere
                Arguments.of("docs-kubernetes-15.toml", "privileged", List.of(
                        "22 dangerous-capability high", "4 privilege-escalation medium",
                        "4 capabilities-not-dropped low", "4 pull-policy-if-not-present low",
                        "4 service-account-token-automount low", "4 allowed-images-unrestricted low",
                        "4 allowed-images-unrestricted low")),
                // three harmless pod_spec patches (merge and strategic YAML, JSON)
                Arguments.of("docs-kubernetes-08.toml", "baseline", List.of(
                        "6 pod-spec-patch medium", "12 pod-spec-patch medium", "18 pod-spec-patch medium",
                        "2 privilege-escalation medium", "2 capabilities-not-dropped low", "2 runs-as-root medium",
                        "2 pull-policy-if-not-present low", "2 service-account-token-automount low",
                        "2 allowed-images-unrestricted low", "2 allowed-images-unrestricted low")),
                Arguments.of("docs-kubernetes-troubleshooting-03.toml", "privileged", List.of(
                        "5 unconfined-profile high", "2 privilege-escalation medium", "2 capabilities-not-dropped low",
                        "2 runs-as-root medium", "2 pull-policy-if-not-present low",
                        "2 service-account-token-automount low", "2 allowed-images-unrestricted low",
                        "2 allowed-images-unrestricted low")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handChecked")
    void handCheckedFindings(String file, String pssLevel, List<String> expected) {
        LoadResult result = ConfigLoader.defaults().load(corpus().resolve(file));
        assertTrue(result.config() != null, file + " loads");
        List<Finding> findings = audit(result.config(), AuditContext.defaults());
        List<String> actual = findings.stream().filter(f -> !f.ruleId().equals("kubernetes.pss-level"))
                .map(f -> f.position().line() + " " + f.ruleId().substring("kubernetes.".length()) + " "
                        + f.severity().id())
                .sorted().toList();
        assertEquals(expected.stream().sorted().toList(), actual, file);
        List<Finding> level = findings.stream().filter(f -> f.ruleId().equals("kubernetes.pss-level")).toList();
        assertEquals(1, level.size(), file);
        assertTrue(level.get(0).message().startsWith("job pods meet the Pod Security Standards \"" + pssLevel + "\""),
                level.get(0).message());
    }

    @Test
    void fragmentsWithoutRunnersAreNotAudited() {
        // [runners.kubernetes] without [[runners]] makes runners a table: gitlab-runner refuses such a file
        LoadResult result = ConfigLoader.defaults().load(corpus().resolve("docs-advanced-38.toml"));
        if (result.config() != null) {
            assertEquals(List.of(), audit(result.config(), AuditContext.defaults()));
        }
    }

    @Test
    void restrictedNamespaceRejectsTheDocsExample() {
        LoadResult result = ConfigLoader.defaults().load(corpus().resolve("docs-kubernetes-16.toml"));
        List<Finding> denied = new KubernetesPssAdmissionDeniedRule().check(result.config(),
                AuditContext.defaults().withEnforcedPss("baseline"));
        // seccomp and AppArmor Unconfined in the build container context fail Baseline
        assertEquals(List.of("18", "20"), denied.stream().map(f -> String.valueOf(f.position().line())).sorted()
                .toList());
    }
}
