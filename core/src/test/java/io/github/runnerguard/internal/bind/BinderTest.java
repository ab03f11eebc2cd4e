package io.github.runnerguard.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Diagnostic.Kind;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.internal.toml.PositionIndex;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinderTest {

    private static BindResult bind(String toml) {
        return TestToml.bind(toml);
    }

    private static List<Diagnostic> of(BindResult result, Kind kind) {
        return result.diagnostics().stream().filter(d -> d.kind() == kind).collect(Collectors.toList());
    }

    private static Diagnostic only(BindResult result, Kind kind) {
        List<Diagnostic> found = of(result, kind);
        assertEquals(1, found.size(), () -> "one " + kind + " in " + result.diagnostics());
        return found.get(0);
    }

    private static void assertClean(BindResult result) {
        assertEquals(List.of(), result.diagnostics());
    }

    /** Follows canonical field names and indexes through the raw view: {@code "runners", 0, "docker"}. */
    private static ConfigNode at(ConfigTable root, Object... path) {
        ConfigNode node = root;
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                node = ((ConfigArray) node).elements().get(index);
            } else {
                ConfigTable table = (ConfigTable) node;
                node = table.fieldValue((String) segment).orElseThrow(() -> new AssertionError(
                        "no bound field " + segment + " in " + table.path() + ": " + table.entries()));
            }
        }
        return node;
    }

    private static Object value(ConfigTable root, Object... path) {
        return ((ConfigScalar) at(root, path)).value();
    }

    private static final String DOCKER = "[[runners]]\nname = \"r\"\nexecutor = \"docker\"\n[runners.docker]\n";

    @Nested
    class KeyMatching {

        @ParameterizedTest
        @ValueSource(strings = {"privileged", "Privileged", "PRIVILEGED", "pRiViLeGeD"})
        void caseVariantsBindToTheField(String key) {
            BindResult result = bind(DOCKER + key + " = true\n");
            assertClean(result);
            ConfigTable docker = (ConfigTable) at(result.raw(), "runners", 0, "docker");
            ConfigEntry entry = docker.field("privileged").orElseThrow();
            assertEquals(key, entry.key());
            assertEquals("privileged", entry.field());
            assertTrue(entry.bound());
            assertEquals(true, value(result.raw(), "runners", 0, "docker", "privileged"));
            assertEquals("runners[0].docker.privileged", entry.value().path());
        }

        @Test
        void camelCaseDoesNotMatchSnakeCase() {
            BindResult result = bind("[[runners]]\n[runners.kubernetes]\nallowPrivilegeEscalation = false\n");
            Diagnostic unknown = only(result, Kind.UNKNOWN_KEY);
            assertEquals("runners[0].kubernetes.allowPrivilegeEscalation", unknown.path());
            assertEquals("allow_privilege_escalation", unknown.suggestion());
            assertEquals(new Position(3, 1), unknown.position());
            ConfigTable kubernetes = (ConfigTable) at(result.raw(), "runners", 0, "kubernetes");
            ConfigEntry entry = kubernetes.entry("allowPrivilegeEscalation").orElseThrow();
            assertNull(entry.field());
            assertFalse(entry.bound());
            assertTrue(kubernetes.field("allow_privilege_escalation").isEmpty());
        }

        @Test
        void dashAndUnderscoreNeverFold() {
            BindResult result = bind("[[runners]]\ntls_ca_file = \"/ca.pem\"\nTLS-CERT-FILE = \"/c.pem\"\n");
            Diagnostic unknown = only(result, Kind.UNKNOWN_KEY);
            assertEquals("runners[0].tls_ca_file", unknown.path());
            assertEquals("tls-ca-file", unknown.suggestion());
            assertEquals("/c.pem", value(result.raw(), "runners", 0, "tls-cert-file"));
        }

        @Test
        void goFoldingIsNotJavaFolding() {
            // Java's equalsIgnoreCase matches these; Go's EqualFold does not.
            assertTrue("pr\u0131vileged".equalsIgnoreCase("privileged"));
            BindResult dotless = bind(DOCKER + "\"pr\u0131vileged\" = true\n");
            Diagnostic unknown = only(dotless, Kind.UNKNOWN_KEY);
            assertEquals("runners[0].docker.\"pr\u0131vileged\"", unknown.path());
            assertEquals("privileged", unknown.suggestion());
            assertTrue(((ConfigTable) at(dotless.raw(), "runners", 0, "docker")).field("privileged").isEmpty());

            BindResult dotted = bind(DOCKER + "\"PR\u0130VILEGED\" = true\n");
            assertEquals("privileged", only(dotted, Kind.UNKNOWN_KEY).suggestion());

            // Both fold the Kelvin sign and the long s.
            BindResult kelvin = bind("[[runners]]\n\"\u017fhell\" = \"bash\"\n[runners.kubernetes]\n\"\u212aey_file\" = \"/k\"\n");
            assertClean(kelvin);
            assertEquals("bash", value(kelvin.raw(), "runners", 0, "shell"));
            assertEquals("/k", value(kelvin.raw(), "runners", 0, "kubernetes", "key_file"));
        }

        @Test
        void untaggedFieldsUseTheGoNameAndFold() {
            BindResult result = bind("[[runners]]\n[runners.machine]\nidlecount = 2\nMaxBuilds = 10\n"
                    + "[[runners.machine.autoscaling]]\nperiods = [\"* * 9-17 * * mon-fri *\"]\nIdleCount = 5\n"
                    + "[runners.cache]\ntype = \"s3\"\n");
            assertClean(result);
            assertEquals(2L, value(result.raw(), "runners", 0, "machine", "IdleCount"));
            assertEquals(5L, value(result.raw(), "runners", 0, "machine", "autoscaling", 0, "IdleCount"));
            assertInstanceOf(ConfigArray.class, at(result.raw(), "runners", 0, "machine", "autoscaling", 0,
                    "Periods"));
            assertEquals("s3", value(result.raw(), "runners", 0, "cache", "Type"));
        }

        @Test
        void ignoredGoFieldsAreUnknownKeys() {
            BindResult result = bind("[[runners]]\nGracefulKillTimeout = 30\n");
            Diagnostic unknown = only(result, Kind.UNKNOWN_KEY);
            assertEquals("runners[0].GracefulKillTimeout", unknown.path());
            assertEquals("graceful_kill_timeout", unknown.suggestion());
            assertTrue(unknown.message().contains("[runners.custom]"), unknown.message());
        }

        @Test
        void nfsKeysAreMatchedExactlyAndRequired() {
            String base = "[[runners]]\n[[runners.kubernetes.volumes.nfs]]\nname = \"n\"\nmount_path = \"/m\"\n"
                    + "path = \"/export\"\n";
            assertClean(bind(base + "server = \"nfs.local\"\n"));
            BindResult result = bind(base + "Server = \"nfs.local\"\n");
            Diagnostic unknown = only(result, Kind.UNKNOWN_KEY);
            assertEquals("runners[0].kubernetes.volumes.nfs[0].Server", unknown.path());
            assertEquals("server", unknown.suggestion());
            assertTrue(unknown.message().contains("exactly"), unknown.message());
            Diagnostic missing = only(result, Kind.INVALID_VALUE);
            assertEquals("runners[0].kubernetes.volumes.nfs[0]", missing.path());
            assertTrue(missing.message().contains("`server`"), missing.message());
            assertTrue(result.refusedByGitlabRunner());
            BindResult empty = bind("[[runners]]\n[[runners.kubernetes.volumes.nfs]]\nread_only = true\n");
            Diagnostic all = only(empty, Kind.INVALID_VALUE);
            assertTrue(all.message().contains("`name`, `mount_path`, `server`, `path`"), all.message());
        }

        @Test
        void hostAliasesAcceptTheDocsSpelling() {
            BindResult result = bind("[[runners]]\n[[runners.kubernetes.host_aliases]]\nIP = \"127.0.0.1\"\n"
                    + "Hostnames = [\"a\"]\n");
            assertClean(result);
            assertEquals("127.0.0.1", value(result.raw(), "runners", 0, "kubernetes", "host_aliases", 0, "ip"));
        }
    }

    @Nested
    class Ambiguity {

        @Test
        void twoSpellingsOfOneFieldAreReportedWithBothLines() {
            BindResult result = bind(DOCKER + "privileged = false\nPrivileged = true\n");
            Diagnostic ambiguous = only(result, Kind.AMBIGUOUS_KEY);
            assertEquals("runners[0].docker.privileged", ambiguous.path());
            assertEquals(new Position(6, 1), ambiguous.position());
            assertEquals(new Position(5, 1), ambiguous.otherPosition());
            assertTrue(ambiguous.message().contains("line 5") && ambiguous.message().contains("line 6"),
                    ambiguous.message());
            assertTrue(ambiguous.message().contains("Audited: true from `Privileged`"), ambiguous.message());
            ConfigTable docker = (ConfigTable) at(result.raw(), "runners", 0, "docker");
            assertEquals("Privileged", docker.field("privileged").orElseThrow().key());
            assertFalse(docker.entry("privileged").orElseThrow().bound());
            assertEquals("privileged", docker.entry("privileged").orElseThrow().field());
            assertFalse(result.refusedByGitlabRunner());
        }

        @Test
        void theUnsafeValueWinsWhicheverComesFirst() {
            BindResult result = bind(DOCKER + "PRIVILEGED = true\nprivileged = false\n");
            assertEquals(true, value(result.raw(), "runners", 0, "docker", "privileged"));
            assertEquals("PRIVILEGED", ((ConfigTable) at(result.raw(), "runners", 0, "docker"))
                    .field("privileged").orElseThrow().key());
        }

        @Test
        void safetySwitchesBindFalse() {
            BindResult result = bind(DOCKER + "tls_verify = true\nTLS_VERIFY = false\n"
                    + "[runners.kubernetes.build_container_security_context]\n"
                    + "run_as_non_root = true\nRun_As_Non_Root = false\n"
                    + "allow_privilege_escalation = false\nAllow_Privilege_Escalation = true\n");
            assertEquals(3, of(result, Kind.AMBIGUOUS_KEY).size());
            assertEquals(false, value(result.raw(), "runners", 0, "docker", "tls_verify"));
            assertEquals(false, value(result.raw(), "runners", 0, "kubernetes", "build_container_security_context",
                    "run_as_non_root"));
            assertEquals(true, value(result.raw(), "runners", 0, "kubernetes", "build_container_security_context",
                    "allow_privilege_escalation"));
            BindResult git = bind("[[runners]]\nclean_git_config = true\nClean_Git_Config = false\n"
                    + "debug_trace_disabled = true\nDEBUG_TRACE_DISABLED = false\n");
            assertEquals(false, value(git.raw(), "runners", 0, "clean_git_config"));
            assertEquals(false, value(git.raw(), "runners", 0, "debug_trace_disabled"));
        }

        @Test
        void listsThatGrantBindTheLongerAndCapDropTheShorter() {
            BindResult result = bind(DOCKER + "volumes = [\"/cache\"]\nVolumes = [\"/cache\", \"/var/run/docker.sock:"
                    + "/var/run/docker.sock\"]\ncap_drop = [\"ALL\", \"NET_RAW\"]\nCap_Drop = [\"NET_RAW\"]\n"
                    + "allowed_images = [\"alpine\"]\nAllowed_Images = []\n"
                    + "pull_policy = \"always\"\nPull_Policy = [\"always\", \"if-not-present\"]\n"
                    + "image = \"alpine\"\nIMAGE = \"ubuntu\"\n");
            assertEquals(5, of(result, Kind.AMBIGUOUS_KEY).size());
            assertEquals(2, ((ConfigArray) at(result.raw(), "runners", 0, "docker", "volumes")).elements().size());
            assertEquals(1, ((ConfigArray) at(result.raw(), "runners", 0, "docker", "cap_drop")).elements().size());
            assertEquals(0, ((ConfigArray) at(result.raw(), "runners", 0, "docker", "allowed_images")).elements()
                    .size());
            assertEquals(2, ((ConfigArray) at(result.raw(), "runners", 0, "docker", "pull_policy")).elements().size());
            assertEquals("alpine", value(result.raw(), "runners", 0, "docker", "image"), "first in file order");
        }

        @Test
        void secretValuesAreNeverPrinted() {
            BindResult result = bind("[[runners]]\ntoken = \"glrt-first-secret\"\nToken = \"glrt-second-secret\"\n");
            Diagnostic ambiguous = only(result, Kind.AMBIGUOUS_KEY);
            assertFalse(ambiguous.message().contains("glrt"), ambiguous.message());
            assertTrue(ambiguous.message().contains("Audited: the value from `token`"), ambiguous.message());
        }

        @Test
        void twoSpellingsOfASubTableAreMergedAndOnlyCollisionsAreAmbiguous() {
            BindResult result = bind("[[runners]]\n[runners.docker]\nimage = \"a\"\nprivileged = false\n"
                    + "[runners.Docker]\nvolumes = [\"/v\"]\nPrivileged = true\n");
            Diagnostic ambiguous = only(result, Kind.AMBIGUOUS_KEY);
            assertEquals("runners[0].docker.privileged", ambiguous.path());
            ConfigTable runner = (ConfigTable) at(result.raw(), "runners", 0);
            List<ConfigEntry> dockers = runner.entries().stream().filter(e -> "docker".equals(e.field()))
                    .collect(Collectors.toList());
            assertEquals(2, dockers.size());
            assertTrue(dockers.stream().allMatch(ConfigEntry::bound));
            ConfigTable second = (ConfigTable) dockers.get(1).value();
            assertTrue(second.field("privileged").orElseThrow().bound(), "true is the less safe value");
            assertTrue(second.field("volumes").isPresent());
        }

        @Test
        void aMistypedCandidateLosesAndIsReported() {
            BindResult result = bind(DOCKER + "privileged = \"true\"\nPrivileged = false\n");
            assertEquals(1, of(result, Kind.TYPE_MISMATCH).size());
            assertEquals(1, of(result, Kind.AMBIGUOUS_KEY).size());
            assertEquals(false, value(result.raw(), "runners", 0, "docker", "privileged"));
        }
    }

    @Nested
    class UnknownKeys {

        @Test
        void typoGetsTheClosestKey() {
            BindResult result = bind("[[runners]]\nbuids_dir = \"/b\"\n");
            Diagnostic unknown = only(result, Kind.UNKNOWN_KEY);
            assertEquals("runners[0].buids_dir", unknown.path());
            assertEquals("builds_dir", unknown.suggestion());
            assertEquals(new Position(2, 1), unknown.position());
            assertTrue(unknown.message().contains("did you mean `builds_dir`"), unknown.message());
        }

        @Test
        void keyInTheWrongSectionSaysWhereItBelongs() {
            BindResult result = bind("[[runners]]\n[runners.kubernetes]\nexecutor = \"kubernetes\"\n"
                    + "devices = [\"/dev/kvm\"]\nenvironment = [\"A=1\"]\n");
            List<Diagnostic> unknown = of(result, Kind.UNKNOWN_KEY);
            assertEquals(3, unknown.size());
            assertEquals("executor", unknown.get(0).suggestion());
            assertTrue(unknown.get(0).message().contains("is a key of [[runners]]"), unknown.get(0).message());
            assertEquals("devices", unknown.get(1).suggestion());
            assertTrue(unknown.get(1).message().contains("[runners.docker]"), unknown.get(1).message());
            assertTrue(unknown.get(2).message().contains("[[runners]]"), unknown.get(2).message());
        }

        @Test
        void unknownTableIsReportedOnceNotItsChildren() {
            BindResult result = bind("concurrent = 4\n[[runners]]\nname = \"x\"\n"
                    + "[[runner.kubernetes.volumes.pvc]]\nname = \"my-pvc\"\nmount_path = \"/mnt/data\"\n");
            Diagnostic unknown = only(result, Kind.UNKNOWN_KEY);
            assertEquals("runner", unknown.path());
            assertEquals("runners", unknown.suggestion());
            ConfigEntry runner = result.raw().entry("runner").orElseThrow();
            assertNull(runner.field());
            ConfigTable kubernetes = (ConfigTable) ((ConfigTable) runner.value()).entry("kubernetes").orElseThrow()
                    .value();
            assertEquals("runner.kubernetes", kubernetes.path());
            assertTrue(kubernetes.entries().stream().allMatch(e -> e.field() == null && !e.bound()));
        }

        @Test
        void freeFormMapsHaveNoUnknownKeys() {
            BindResult result = bind("[labels]\nteam = \"ci\"\n[[runners]]\n[runners.feature_flags]\n"
                    + "FF_SOMETHING_NEW = true\nFF_NETWORK_PER_BUILD = false\n[runners.autoscaler.plugin_config]\n"
                    + "name = \"asg\"\nnested = { deep = { deeper = [1, \"x\"] } }\n");
            assertClean(result);
            ConfigTable flags = (ConfigTable) at(result.raw(), "runners", 0, "feature_flags");
            assertEquals("FF_SOMETHING_NEW", flags.field("FF_SOMETHING_NEW").orElseThrow().field());
            ConfigTable plugin = (ConfigTable) at(result.raw(), "runners", 0, "autoscaler", "plugin_config");
            ConfigTable nested = (ConfigTable) plugin.fieldValue("nested").orElseThrow();
            assertTrue(nested.field("deep").orElseThrow().bound());
        }

        @Test
        void rootKeysOfARunnerSayTheyBelongInRunners() {
            BindResult result = bind("concurrent = 1\n[session_server]\nsession_timeout = 1800\nname = \"x\"\n"
                    + "token = \"t\"\n");
            List<Diagnostic> unknown = of(result, Kind.UNKNOWN_KEY);
            assertEquals(List.of("session_server.name", "session_server.token"),
                    unknown.stream().map(Diagnostic::path).collect(Collectors.toList()));
            assertTrue(unknown.stream().allMatch(d -> d.message().contains("[[runners]]")));
        }

        @Test
        void removedKeysGetTheirReplacement() {
            BindResult result = bind("[[runners]]\npre_clone_script = \"echo\"\npost_clone_script = \"echo\"\n"
                    + "[runners.kubernetes]\nterminationGracePeriodSeconds = 30\n");
            assertEquals(List.of("pre_get_sources_script", "post_get_sources_script",
                    "pod_termination_grace_period_seconds"), of(result, Kind.UNKNOWN_KEY).stream()
                    .map(Diagnostic::suggestion).collect(Collectors.toList()));
        }

        @Test
        void aKeyOfAnotherExecutorSaysWhichSection() {
            Diagnostic unknown = only(bind(DOCKER + "helper_image_autoset_arch_and_os = true\n"), Kind.UNKNOWN_KEY);
            assertTrue(unknown.message().contains("[runners.kubernetes]"), unknown.message());
        }

        @Test
        void farAwayKeysGetNoSuggestion() {
            BindResult result = bind("[[runners]]\n[runners.ssh]\nzzzz_qqqq = 1\n");
            assertNull(only(result, Kind.UNKNOWN_KEY).suggestion());
        }
    }

    @Nested
    class Types {

        @Test
        void sshPortMustBeAString() {
            BindResult result = bind("[[runners]]\nexecutor = \"ssh\"\n[runners.ssh]\nhost = \"h\"\nport = 22\n");
            Diagnostic mismatch = only(result, Kind.TYPE_MISMATCH);
            assertEquals("runners[0].ssh.port", mismatch.path());
            assertEquals(new Position(5, 1), mismatch.position());
            assertTrue(mismatch.message().contains("must be a string, found an integer (line 5, column 1)"),
                    mismatch.message());
            assertTrue(result.refusedByGitlabRunner());
            ConfigEntry entry = ((ConfigTable) at(result.raw(), "runners", 0, "ssh")).entry("port").orElseThrow();
            assertEquals("port", entry.field());
            assertFalse(entry.bound());
            assertEquals(22L, ((ConfigScalar) entry.value()).value());
            assertEquals("h", value(result.raw(), "runners", 0, "ssh", "host"), "the rest is still bound");
        }

        @Test
        void booleansOnlyAcceptBooleans() {
            Diagnostic mismatch = only(bind(DOCKER + "privileged = \"true\"\n"), Kind.TYPE_MISMATCH);
            assertTrue(mismatch.message().contains("must be a boolean, found a string"), mismatch.message());
        }

        @Test
        void integersOnlyAcceptIntegersAndInt32IsRangeChecked() {
            assertEquals("runners[0].limit", only(bind("[[runners]]\nlimit = 1.5\n"), Kind.TYPE_MISMATCH).path());
            assertClean(bind("[[runners]]\nid = 9223372036854775807\n"));
            String weight = "[[runners]]\n[[runners.kubernetes.affinity.node_affinity."
                    + "preferred_during_scheduling_ignored_during_execution]]\nweight = ";
            assertClean(bind(weight + "2147483647\n"));
            Diagnostic range = only(bind(weight + "2147483648\n"), Kind.INVALID_VALUE);
            assertTrue(range.message().contains("32-bit"), range.message());
        }

        @Test
        void floatsAcceptIntegers() {
            assertClean(bind("[[runners]]\n[runners.machine]\nIdleScaleFactor = 1\n"));
            assertClean(bind("[[runners]]\n[runners.machine]\nIdleScaleFactor = 1.5\n"));
            assertEquals(Kind.TYPE_MISMATCH,
                    bind("[[runners]]\n[runners.machine]\nIdleScaleFactor = \"1\"\n").diagnostics().get(0).kind());
            assertEquals(Kind.INVALID_VALUE,
                    bind("[[runners]]\n[runners.machine]\nIdleScaleFactor = 9007199254740993\n").diagnostics().get(0)
                            .kind());
            assertClean(bind("[[runners]]\n[runners.autoscaler]\ninstance_creation_time_buckets = [1, 2.5]\n"));
        }

        @Test
        void durationsAcceptGoStringsAndNanoseconds() {
            String autoscaler = "[[runners]]\n[runners.autoscaler]\n[[runners.autoscaler.policy]]\nidle_time = ";
            assertClean(bind(autoscaler + "\"20m30s\"\n"));
            assertClean(bind(autoscaler + "1800\n"));
            Diagnostic invalid = only(bind(autoscaler + "\"20 minutes\"\n"), Kind.INVALID_VALUE);
            assertEquals("runners[0].autoscaler.policy[0].idle_time", invalid.path());
            assertTrue(invalid.message().contains("time: unknown unit"), invalid.message());
            assertEquals(Kind.TYPE_MISMATCH, bind(autoscaler + "1.5\n").diagnostics().get(0).kind());
            assertClean(bind("connection_max_age = \"15m\"\n"));
        }

        @Test
        void timesAcceptDateTimesAndRfc3339Strings() {
            assertClean(bind("[[runners]]\ntoken_expires_at = 2024-01-01T00:00:00Z\n"));
            assertClean(bind("[[runners]]\ntoken_expires_at = \"2024-01-01T00:00:00+02:00\"\n"));
            assertEquals(OffsetDateTime.parse("2024-01-01T00:00:00Z"),
                    value(bind("[[runners]]\ntoken_obtained_at = 2024-01-01T00:00:00Z\n").raw(), "runners", 0,
                            "token_obtained_at"));
            assertEquals(Kind.INVALID_VALUE,
                    bind("[[runners]]\ntoken_expires_at = \"next year\"\n").diagnostics().get(0).kind());
            assertEquals(Kind.TYPE_MISMATCH,
                    bind("[[runners]]\ntoken_expires_at = 1700000000\n").diagnostics().get(0).kind());
        }

        @Test
        void pullPolicyIsAStringOrAnArrayOfStrings() {
            assertClean(bind(DOCKER + "pull_policy = \"always\"\n"));
            assertClean(bind(DOCKER + "pull_policy = [\"always\", \"if-not-present\"]\n"));
            Diagnostic element = only(bind(DOCKER + "pull_policy = [\"always\", 1]\n"), Kind.TYPE_MISMATCH);
            assertEquals("runners[0].docker.pull_policy[1]", element.path());
            assertEquals(Kind.TYPE_MISMATCH, bind(DOCKER + "pull_policy = true\n").diagnostics().get(0).kind());
        }

        @Test
        void listsCheckTheirElements() {
            Diagnostic element = only(bind(DOCKER + "volumes = [\"/a\", 2]\n"), Kind.TYPE_MISMATCH);
            assertEquals("runners[0].docker.volumes[1]", element.path());
            assertTrue(element.message().contains("an array of strings"), element.message());
            assertEquals(Kind.TYPE_MISMATCH, bind(DOCKER + "volumes = \"/a\"\n").diagnostics().get(0).kind());
        }

        @Test
        void mapsCheckTheirValues() {
            Diagnostic flag = only(bind("[[runners]]\n[runners.feature_flags]\nFF_X = \"true\"\n"),
                    Kind.TYPE_MISMATCH);
            assertEquals("runners[0].feature_flags.FF_X", flag.path());
            assertTrue(flag.message().contains("must be a boolean"), flag.message());
            Diagnostic label = only(bind(DOCKER + "[runners.docker.container_labels]\n\"my.label\" = 5\n"),
                    Kind.TYPE_MISMATCH);
            assertEquals("runners[0].docker.container_labels.\"my.label\"", label.path());
            assertClean(bind("[[runners]]\n[runners.kubernetes.retry_limits]\nTLS = 3\n"));
            assertEquals(Kind.TYPE_MISMATCH,
                    bind("[[runners]]\n[runners.kubernetes.retry_limits]\nTLS = \"3\"\n").diagnostics().get(0).kind());
            assertClean(bind(DOCKER + "services_devices = { svc = [\"/dev/a\"] }\n"));
        }

        @Test
        void structsNeedTablesAndArraysNeedArraysOfTables() {
            Diagnostic docker = only(bind("[[runners]]\ndocker = \"yes\"\n"), Kind.TYPE_MISMATCH);
            assertEquals("runners[0].docker", docker.path());
            assertTrue(docker.message().contains("must be a table, found a string"), docker.message());
            Diagnostic array = only(bind("[[runners]]\n[[runners.docker]]\nimage = \"a\"\n"), Kind.TYPE_MISMATCH);
            assertTrue(array.message().contains("found an array of tables"), array.message());
            Diagnostic hostPath = only(bind("[[runners]]\n[runners.kubernetes.volumes.host_path]\nname = \"h\"\n"),
                    Kind.TYPE_MISMATCH);
            assertEquals("runners[0].kubernetes.volumes.host_path", hostPath.path());
            assertTrue(hostPath.message().contains("must be an array of tables, found a table"), hostPath.message());
            assertClean(bind(DOCKER + "services = [{ name = \"postgres\" }, { name = \"redis\", alias = \"r\" }]\n"));
            assertEquals(Kind.TYPE_MISMATCH,
                    bind(DOCKER + "services = [\"postgres\"]\n").diagnostics().get(0).kind());
        }

        @Test
        void subTableWithoutRunnersMakesRunnersATable() {
            BindResult result = bind("[runners.docker]\nprivileged = true\nimagee = \"x\"\n");
            Diagnostic mismatch = only(result, Kind.TYPE_MISMATCH);
            assertEquals("runners", mismatch.path());
            assertTrue(mismatch.message().contains("[[runners]]"), mismatch.message());
            // The contents are still checked.
            assertEquals("runners.docker.imagee", only(result, Kind.UNKNOWN_KEY).path());
            ConfigEntry runners = result.raw().entry("runners").orElseThrow();
            assertFalse(runners.bound());
            assertEquals("runners", runners.field());
        }

        @Test
        void secretValuesAreNeverInMismatchMessages() {
            BindResult result = bind("[[runners]]\ntoken = 987654321\n[runners.cache.s3]\nSecretKey = 123456789\n");
            assertEquals(2, of(result, Kind.TYPE_MISMATCH).size());
            for (Diagnostic diagnostic : result.diagnostics()) {
                assertFalse(diagnostic.message().contains("987654321"), diagnostic.message());
                assertFalse(diagnostic.message().contains("123456789"), diagnostic.message());
            }
        }

        @Test
        void bindingGoesOnAfterErrors() {
            BindResult result = bind("concurrent = \"4\"\n[[runners]]\nname = \"a\"\nexecutor = 1\n"
                    + "buids_dir = \"/b\"\n[runners.docker]\nprivileged = true\n[[runners]]\nname = \"b\"\n");
            assertEquals(2, of(result, Kind.TYPE_MISMATCH).size());
            assertEquals(1, of(result, Kind.UNKNOWN_KEY).size());
            assertEquals(true, value(result.raw(), "runners", 0, "docker", "privileged"));
            assertEquals("b", value(result.raw(), "runners", 1, "name"));
            List<Position> positions = result.diagnostics().stream().map(Diagnostic::position)
                    .collect(Collectors.toList());
            assertEquals(positions.stream().sorted().collect(Collectors.toList()), positions, "file order");
        }
    }

    @Nested
    class Validation {

        @Test
        void labelsAreValidated() {
            BindResult result = bind("[labels]\n\"invalid/key\" = \"v\"\nok_key = \"bad value\"\n[[runners]]\n");
            List<Diagnostic> invalid = of(result, Kind.INVALID_VALUE);
            assertEquals(List.of("labels.\"invalid/key\"", "labels.ok_key"),
                    invalid.stream().map(Diagnostic::path).collect(Collectors.toList()));
        }

        @Test
        void atMost32LabelsPerRunner() {
            StringBuilder toml = new StringBuilder("[labels]\n");
            for (int i = 0; i < 20; i++) {
                toml.append("global_").append(i).append(" = \"v\"\n");
            }
            toml.append("[[runners]]\nname = \"few\"\n[[runners]]\nname = \"many\"\n[runners.labels]\n");
            for (int i = 0; i < 13; i++) {
                toml.append("local_").append(i).append(" = \"v\"\n");
            }
            Diagnostic tooMany = only(bind(toml.toString()), Kind.INVALID_VALUE);
            assertEquals("runners[1].labels", tooMany.path());
            assertTrue(tooMany.message().contains("33 labels"), tooMany.message());
        }

        @Test
        void aLabelARunnerSharesWithTheGlobalOnesCountsOnce() {
            StringBuilder toml = new StringBuilder("[labels]\n");
            for (int i = 0; i < 20; i++) {
                toml.append("global_").append(i).append(" = \"v\"\n");
            }
            toml.append("[[runners]]\nname = \"overlap\"\n[runners.labels]\nglobal_0 = \"w\"\n");
            for (int i = 0; i < 12; i++) {
                toml.append("local_").append(i).append(" = \"v\"\n");
            }
            toml.append("[[runners]]\nname = \"many\"\n[runners.labels]\n");
            for (int i = 0; i < 12; i++) {
                toml.append("local_").append(i).append(" = \"v\"\n");
            }
            toml.append("other = \"v\"\n");
            Diagnostic tooMany = only(bind(toml.toString()), Kind.INVALID_VALUE);
            assertEquals("runners[1].labels", tooMany.path());
            assertTrue(tooMany.message().contains("33 labels"), tooMany.message());
        }

        @Test
        void globalLabelsWrittenAfterTheRunnersCountForEveryRunner() {
            StringBuilder toml = new StringBuilder("[[runners]]\nname = \"few\"\n[runners.labels]\nlocal = \"v\"\n");
            toml.append("[[runners]]\nname = \"many\"\nlabels = {");
            for (int i = 0; i < 3; i++) {
                toml.append(i == 0 ? "" : ", ").append("local_").append(i).append(" = \"v\"");
            }
            toml.append("}\n[labels]\n");
            for (int i = 0; i < 30; i++) {
                toml.append("global_").append(i).append(" = \"v\"\n");
            }
            Diagnostic tooMany = only(bind(toml.toString()), Kind.INVALID_VALUE);
            assertEquals("runners[1].labels", tooMany.path());
            assertTrue(tooMany.message().contains("33 labels"), tooMany.message());
        }

        @Test
        void labelsOfARunnerWrittenInTwoSpellingsCountTogether() {
            StringBuilder toml = new StringBuilder("[[runners]]\nname = \"two\"\n[runners.labels]\n");
            for (int i = 0; i < 17; i++) {
                toml.append("a_").append(i).append(" = \"v\"\n");
            }
            toml.append("[runners.Labels]\n");
            for (int i = 0; i < 16; i++) {
                toml.append("b_").append(i).append(" = \"v\"\n");
            }
            List<Diagnostic> invalid = of(bind(toml.toString()), Kind.INVALID_VALUE);
            assertEquals(1, invalid.stream().filter(d -> d.message().contains("33 labels")).count(),
                    invalid::toString);
        }

        @Test
        void aRunnerWithoutLabelsIsCheckedAgainstTooManyGlobalOnes() {
            StringBuilder toml = new StringBuilder("[labels]\n");
            for (int i = 0; i < 33; i++) {
                toml.append("global_").append(i).append(" = \"v\"\n");
            }
            toml.append("[[runners]]\nname = \"none\"\n[[runners]]\nname = \"also\"\n");
            List<String> paths = of(bind(toml.toString()), Kind.INVALID_VALUE).stream()
                    .filter(d -> d.message().contains("33 labels")).map(Diagnostic::path).collect(Collectors.toList());
            assertEquals(List.of("runners[0].labels", "runners[1].labels"), paths);
        }

        @Test
        void machineOptionsWithNameNeedThePlaceholder() {
            Diagnostic invalid = only(bind("[[runners]]\n[runners.machine]\n"
                    + "MachineOptionsWithName = [\"name=%s\", \"plain\"]\n"), Kind.INVALID_VALUE);
            assertEquals("runners[0].machine.MachineOptionsWithName[1]", invalid.path());
        }
    }

    @Nested
    class RawView {

        @Test
        void everyNodeHasItsPathPositionAndCanonicalField() {
            String toml = "concurrent = 2\n[[runners]]\nname = \"a\"\n[runners.docker]\nPrivileged = true\n"
                    + "[[runners]]\nname = \"b\"\n[runners.kubernetes]\n[[runners.kubernetes.volumes.host_path]]\n"
                    + "name = \"h\"\nmount_path = \"/var/run/docker.sock\"\n";
            BindResult result = bind(toml);
            assertClean(result);
            ConfigTable raw = result.raw();
            assertEquals("", raw.path());
            assertNull(raw.position());
            ConfigScalar privileged = (ConfigScalar) at(raw, "runners", 0, "docker", "privileged");
            assertEquals("runners[0].docker.privileged", privileged.path());
            assertEquals(new Position(5, 1), privileged.position());
            ConfigScalar mountPath = (ConfigScalar) at(raw, "runners", 1, "kubernetes", "volumes", "host_path", 0,
                    "mount_path");
            assertEquals("runners[1].kubernetes.volumes.host_path[0].mount_path", mountPath.path());
            assertEquals(new Position(11, 1), mountPath.position());
            assertEquals(2L, value(raw, "concurrent"));
            ConfigArray runners = (ConfigArray) at(raw, "runners");
            assertEquals("runners", runners.path());
            assertEquals("runners[1]", runners.elements().get(1).path());
        }

        @Test
        void scalarsAreJavaValues() {
            BindResult result = bind("a_string = \"s\"\nan_int = 1\na_float = 1.5\na_bool = true\n"
                    + "a_time = 2024-01-01T00:00:00Z\na_local = 2024-01-01\n");
            ConfigTable raw = result.raw();
            assertEquals("s", ((ConfigScalar) raw.entry("a_string").orElseThrow().value()).value());
            assertEquals(1L, ((ConfigScalar) raw.entry("an_int").orElseThrow().value()).value());
            assertEquals(1.5, ((ConfigScalar) raw.entry("a_float").orElseThrow().value()).value());
            assertEquals(true, ((ConfigScalar) raw.entry("a_bool").orElseThrow().value()).value());
            assertInstanceOf(OffsetDateTime.class, ((ConfigScalar) raw.entry("a_time").orElseThrow().value()).value());
            assertEquals("date-local", ((ConfigScalar) raw.entry("a_local").orElseThrow().value()).tomlType());
            assertEquals(6, of(result, Kind.UNKNOWN_KEY).size());
        }

        @Test
        void worksWithoutPositions() {
            BindResult result = Binder.bind(TestToml.parse(DOCKER + "privileged = false\nPrivileged = true\n"),
                    PositionIndex.EMPTY);
            Diagnostic ambiguous = only(result, Kind.AMBIGUOUS_KEY);
            assertNull(ambiguous.position());
            assertEquals(true, value(result.raw(), "runners", 0, "docker", "privileged"));
        }

        @Test
        void emptyDocument() {
            BindResult result = bind("");
            assertClean(result);
            assertTrue(result.raw().entries().isEmpty());
        }
    }

    @Test
    void tenThousandRunnersAreBoundCompletely() {
        // Correctness at scale only: how the cost grows with the runner count is measured by AuditBenchmark
        // (JMH, sizes 100 to 10,000), never by a timed unit test on a shared machine.
        BindResult result = Binder.bind(TestToml.parse(runners(10_000)), PositionIndex.EMPTY);
        assertEquals(10_000, ((ConfigArray) at(result.raw(), "runners")).elements().size());
        assertEquals(10_000, of(result, Kind.UNKNOWN_KEY).size());
        assertEquals(10_000, of(result, Kind.AMBIGUOUS_KEY).size());
        assertEquals("r9999", value(result.raw(), "runners", 9_999, "name"));
        assertEquals(true, value(result.raw(), "runners", 9_999, "docker", "privileged"), "the less safe value binds");
    }

    private static String runners(int count) {
        StringBuilder toml = new StringBuilder("concurrent = 10\n");
        for (int i = 0; i < count; i++) {
            toml.append("[[runners]]\nname = \"r").append(i).append("\"\nurl = \"https://gitlab.example.com\"\n")
                    .append("token = \"t\"\nexecutor = \"docker\"\nbuids_dir = \"/b\"\n[runners.docker]\n")
                    .append("image = \"alpine\"\nprivileged = true\nPrivileged = false\nvolumes = [\"/cache\"]\n")
                    .append("[runners.feature_flags]\nFF_NETWORK_PER_BUILD = true\n");
        }
        return toml.toString();
    }

    @Test
    void resultIsDeterministic() {
        String toml = DOCKER + "privileged = false\nPrivileged = true\nbuids = 1\n[runners.ssh]\nport = 22\n";
        assertEquals(bind(toml), bind(toml));
        assertNotNull(bind(toml).raw().toString());
    }
}
