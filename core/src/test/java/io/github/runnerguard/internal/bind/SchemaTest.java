package io.github.runnerguard.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {

    private static final Schema SCHEMA = Schema.get();

    private static Path reference() {
        Path shared = TestToml.shared();
        Assumptions.assumeTrue(shared != null, "../shared is absent: the reference cannot be compared");
        Path markdown = shared.resolve("reference/config-schema.md");
        Assumptions.assumeTrue(Files.exists(markdown), "config-schema.md is absent");
        return markdown;
    }

    private static String resourceText() throws IOException {
        try (InputStream in = Schema.class.getResourceAsStream(Schema.RESOURCE)) {
            assertNotNull(in, "schema resource");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void resourceIsWhatTheGeneratorWritesFromTheReference(@TempDir Path temp) throws Exception {
        Path markdown = reference();
        Path root = TestToml.projectRoot();
        assertNotNull(root);
        Path script = root.resolve("tools/generate-schema.py");
        assertTrue(Files.exists(script), "tools/generate-schema.py");
        Path out = temp.resolve("schema.tsv");
        Process process;
        try {
            process = new ProcessBuilder("python3", script.toString(), markdown.toString(), out.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not available: " + e.getMessage());
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "generator timed out");
        assertEquals(0, process.exitValue(), () -> "generator failed: " + output);
        assertEquals(Files.readString(out), resourceText(),
                "schema.tsv is stale: run python3 tools/generate-schema.py and commit the result");
    }

    @Test
    void resourceHashMatchesTheReferenceSection() throws Exception {
        String markdown = Files.readString(reference());
        int start = markdown.indexOf("\n## 5.");
        int end = markdown.indexOf("\n## 6.", start);
        assertTrue(start >= 0 && end > start, "section 5 of the reference");
        assertEquals(sha256(markdown.substring(start, end)), SCHEMA.sourceHash(),
                "config-schema.md section 5 changed: regenerate schema.tsv with tools/generate-schema.py");
    }

    @Test
    void everyKeyOfTheReferenceTablesIsAField() throws Exception {
        String markdown = Files.readString(reference());
        String section = markdown.substring(markdown.indexOf("\n## 5."), markdown.indexOf("\n## 6."));
        Set<String> known = new HashSet<>();
        for (Schema.Struct struct : SCHEMA.structs()) {
            struct.fields().forEach(f -> known.add(f.key()));
        }
        Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(section);
        int rows = 0;
        while (row.find()) {
            rows++;
            assertTrue(known.contains(row.group(1)), "key " + row.group(1) + " of the reference is in the schema");
        }
        assertTrue(rows > 400, "read the reference's rows: " + rows);
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sectionsWithSharedStructsResolve() {
        for (String context : List.of("build", "helper", "service", "init_permissions")) {
            String path = "runners.kubernetes." + context + "_container_security_context";
            assertEquals("KubernetesContainerSecurityContext", SCHEMA.section(path).orElseThrow().type());
            assertEquals("KubernetesContainerCapabilities",
                    SCHEMA.section(path + ".capabilities").orElseThrow().type());
            assertEquals("KubernetesSeccompProfile", SCHEMA.section(path + ".seccomp_profile").orElseThrow().type());
        }
        assertEquals("KubernetesAppArmorProfile",
                SCHEMA.section("runners.kubernetes.pod_security_context.app_armor_profile").orElseThrow().type());
        assertEquals("ConnectorConfig", SCHEMA.section("runners.autoscaler.connector_config").orElseThrow().type());
        assertEquals("ConnectorConfig",
                SCHEMA.section("runners.autoscaler.vm_isolation.connector_config").orElseThrow().type());
        assertEquals("KubernetesPodAffinity",
                SCHEMA.section("runners.kubernetes.affinity.pod_anti_affinity").orElseThrow().type());
        String terms = "runners.kubernetes.affinity.node_affinity.required_during_scheduling_ignored_during_execution"
                + ".node_selector_terms";
        assertEquals(Schema.SectionKind.ARRAY, SCHEMA.section(terms).orElseThrow().kind());
        assertEquals("NodeSelectorRequirement", SCHEMA.section(terms + ".match_fields").orElseThrow().type());
        Schema.Section preference = SCHEMA.section("runners.kubernetes.affinity.node_affinity."
                + "preferred_during_scheduling_ignored_during_execution.preference").orElseThrow();
        assertEquals(Schema.SectionKind.TABLE, preference.kind(), "preference is one NodeSelectorTerm, not a list");
        assertEquals("KubernetesLifecycleHTTPGetHeader", SCHEMA.section(
                "runners.kubernetes.container_lifecycle.pre_stop.http_get.http_headers").orElseThrow().type());
        assertTrue(SCHEMA.struct("KubernetesContainerLifecyle").synthesized());
        assertEquals("Service", SCHEMA.section("runners.kubernetes.services").orElseThrow().type());
        assertEquals("Service", SCHEMA.section("runners.docker.services").orElseThrow().type());
    }

    @Test
    void sectionKinds() {
        assertEquals(Schema.SectionKind.ROOT, SCHEMA.section("").orElseThrow().kind());
        assertEquals(Schema.SectionKind.ARRAY, SCHEMA.section("runners").orElseThrow().kind());
        assertEquals("[[runners]]", SCHEMA.section("runners").orElseThrow().display());
        assertEquals("[runners.docker]", SCHEMA.section("runners.docker").orElseThrow().display());
        Schema.Section flags = SCHEMA.section("runners.feature_flags").orElseThrow();
        assertEquals(Schema.SectionKind.MAP, flags.kind());
        assertEquals("bool", flags.type());
        assertEquals("any", SCHEMA.section("runners.autoscaler.plugin_config").orElseThrow().type());
        assertEquals("int", SCHEMA.section("runners.kubernetes.retry_limits").orElseThrow().type());
        assertEquals("list<string>", SCHEMA.section("runners.docker.services_devices").orElseThrow().type());
        for (String array : List.of("runners.docker.services", "runners.kubernetes.services",
                "runners.machine.autoscaling", "runners.autoscaler.policy", "runners.kubernetes.autoscaler.policy",
                "runners.kubernetes.volumes.host_path", "runners.kubernetes.volumes.nfs",
                "runners.kubernetes.host_aliases", "runners.kubernetes.pod_spec",
                "runners.kubernetes.dns_config.options", "runners.monitoring.job_queuing_durations")) {
            assertEquals(Schema.SectionKind.ARRAY, SCHEMA.section(array).orElseThrow().kind(), array);
        }
    }

    @Test
    void fieldTypesFollowGoTypes() {
        Schema.Struct runner = SCHEMA.struct("RunnerConfig");
        assertEquals(ValueType.parse("time"), runner.exact("token_expires_at").type());
        assertEquals(ValueType.parse("duration"), runner.exact("unhealthy_interval").type());
        assertEquals(ValueType.parse("list<string>"), runner.exact("environment").type());
        assertTrue(runner.exact("token").secret());
        assertFalse(runner.exact("name").secret());
        Schema.Struct docker = SCHEMA.struct("DockerConfig");
        assertEquals(ValueType.parse("string_or_array"), docker.exact("pull_policy").type());
        assertEquals(ValueType.parse("list<string>"), docker.exact("allowed_pull_policies").type());
        assertEquals(ValueType.parse("map<string>"), docker.exact("sysctls").type());
        assertEquals(ValueType.parse("int"), SCHEMA.struct("KubernetesConfig").exact("retry_limit").type());
        assertEquals(ValueType.parse("int32"), SCHEMA.struct("WeightedPodAffinityTerm").exact("weight").type());
        assertEquals(ValueType.parse("float"), SCHEMA.struct("DockerMachine").exact("IdleScaleFactor").type());
        assertEquals(ValueType.parse("int"), SCHEMA.struct("DockerMachine").exact("IdleTime").type());
        assertEquals(ValueType.parse("list<int>"),
                SCHEMA.struct("KubernetesPodSecurityContext").exact("supplemental_groups").type());
        assertEquals(ValueType.parse("list<float>"),
                SCHEMA.struct("AutoscalerConfig").exact("instance_creation_time_buckets").type());
        assertTrue(SCHEMA.struct("cacheconfig.CacheS3Config").exact("SecretKey").secret());
        assertTrue(SCHEMA.struct("ConnectorConfig").exact("password").secret());
    }

    @Test
    void lookupIsExactThenFirstEqualFold() {
        Schema.Struct docker = SCHEMA.struct("DockerConfig");
        assertEquals("privileged", docker.lookup("Privileged").key());
        assertEquals("privileged", docker.lookup("PRIVILEGED").key());
        assertEquals("tls_verify", docker.lookup("TLS_Verify").key());
        assertNull(docker.lookup("pr\u0131vileged"), "dotless i does not fold to i");
        assertNull(docker.lookup("tls-verify"), "- does not fold to _");
        assertNull(SCHEMA.struct("KubernetesConfig").lookup("allowPrivilegeEscalation"));
        assertEquals("IdleCount", SCHEMA.struct("DockerMachine").lookup("idlecount").key());
        assertEquals("Type", SCHEMA.struct("cacheconfig.Config").lookup("type").key());
        assertEquals("ip", SCHEMA.struct("KubernetesHostAliases").lookup("IP").key());
        assertEquals("hostnames", SCHEMA.struct("KubernetesHostAliases").lookup("Hostnames").key());
        assertEquals("shell", SCHEMA.struct("RunnerConfig").lookup("\u017fhell").key());
        assertEquals("key_file", SCHEMA.struct("KubernetesConfig").lookup("\u212aEY_FILE").key());
        assertNull(SCHEMA.struct("RunnerConfig").lookup("GracefulKillTimeout"), "toml:\"-\" fields are not keys");
        Schema.Struct nfs = SCHEMA.struct("KubernetesNFS");
        assertTrue(nfs.exactKeys());
        assertEquals(List.of("name", "mount_path", "server", "path"), nfs.required());
        assertNull(nfs.lookup("Server"), "nfs keys are matched exactly");
        assertEquals("server", nfs.lookup("server").key());
    }

    @Test
    void parseRejectsMalformedSchemas() {
        assertThrows(IllegalArgumentException.class, () -> Schema.parse("struct\tA\t-\nsection\t(root)\troot\tB\n"));
        assertThrows(IllegalArgumentException.class, () -> Schema.parse(
                "struct\tA\t-\nfield\tA\t0\tx\tFoo\ttable<Foo>\t-\nsection\t(root)\troot\tA\n"));
        assertThrows(IllegalArgumentException.class, () -> Schema.parse(
                "struct\tA\t-\nfield\tA\t1\tx\tstring\tstring\t-\nsection\t(root)\troot\tA\n"));
        assertThrows(IllegalArgumentException.class, () -> Schema.parse("struct\tA\t-\n"));
        Schema tiny = Schema.parse("struct\tA\texact\nfield\tA\t0\tx\tstring\tstring\t-\nsection\t(root)\troot\tA\n");
        assertTrue(tiny.root().exactKeys());
        assertNull(tiny.root().lookup("X"));
    }
}
