package io.github.runnerguard.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import io.github.runnerguard.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the findings say and where they point, beyond what the fixtures check. */
class RuleBehaviourTest {

    private static final String HEADER = "[[runners]]\n"
            + "  name = \"r\"\n"
            + "  url = \"https://gitlab.example.com\"\n"
            + "  token = \"glrt-behaviour\"\n";

    private static String runner(String executor, String body) {
        return HEADER + "  executor = \"" + executor + "\"\n" + body;
    }

    private static void assertContains(Finding finding, String... parts) {
        for (String part : parts) {
            assertTrue(finding.message().contains(part), () -> "'" + part + "' not in: " + finding.message());
        }
    }

    @Nested
    class Privileged {

        @Test
        void findingNamesTheKeyTheRunnerAndTheImages() {
            List<Finding> findings = RuleTestKit.rule(new PrivilegedRule())
                    .config(runner("docker", "  [runners.docker]\n    privileged = true\n"))
                    .check()
                    .assertFindings(f -> f.count(1).ruleId("docker.privileged").line(7).column(5)
                            .severity(Severity.CRITICAL).runner("r").keyPath("runners[0].docker.privileged")
                            .messageContains("every job image a job names (allowed_privileged_images is empty)"))
                    .findings();
            assertContains(findings.get(0), "runner \"r\"", "static host", "privileged = true");
        }

        @Test
        void restrictedImagesAreListed() {
            RuleTestKit.rule(new PrivilegedRule())
                    .config(runner("docker", "  [runners.docker]\n    privileged = true\n"
                            + "    allowed_privileged_images = [\"docker:*-dind\"]\n"))
                    .check()
                    .assertFindings(f -> f.count(1).severity(Severity.HIGH)
                            .messageContains("job images matching allowed_privileged_images = [\"docker:*-dind\"]"));
        }

        @Test
        void privilegedAndReusedVmsMentionEachOther() {
            String config = runner("docker+machine", "  [runners.docker]\n    privileged = true\n"
                    + "  [runners.machine]\n    MaxBuilds = 50\n");
            Finding privileged = RuleTestKit.rule(new PrivilegedRule()).config(config).check().findings().get(0);
            Finding reused = RuleTestKit.rule(new AutoscaledVmReusedRule()).config(config).check().findings().get(0);
            assertTrue(privileged.message().contains("docker.autoscaled-vm-reused"), privileged.message());
            assertTrue(privileged.message().contains("MaxBuilds = 50"), privileged.message());
            assertTrue(reused.message().contains("docker.privileged"), reused.message());
            assertTrue(reused.message().contains("privileged = true"), reused.message());
            assertEquals(Severity.HIGH, reused.severity());
            assertEquals(9, reused.position().line());
            assertEquals("runners[0].machine.MaxBuilds", reused.keyPath());
        }

        @Test
        void reusedVmsWithPrivilegedServicesPointAtTheServicesRule() {
            RuleTestKit.rule(new AutoscaledVmReusedRule())
                    .config(runner("docker+machine", "  [runners.docker]\n    services_privileged = true\n"
                            + "  [runners.machine]\n    MaxBuilds = 3\n"))
                    .check()
                    .assertFindings(f -> f.count(1).severity(Severity.HIGH)
                            .messageContains("services_privileged = true; see docker.services-privileged"));
        }

        @Test
        void singleUseVmsAreAcknowledged() {
            List<Finding> findings = RuleTestKit.rule(new PrivilegedRule())
                    .config(runner("docker-autoscaler", "  [runners.docker]\n    privileged = true\n"
                            + "  [runners.autoscaler]\n    capacity_per_instance = 1\n    max_use_count = 1\n"))
                    .check()
                    .assertFindings(f -> f.count(1).messageContains("single-use"))
                    .findings();
            assertContains(findings.get(0), "max_use_count = 1 and capacity_per_instance = 1", "autoscaled instance");
        }

        @Test
        void tenancyOfOneRunnerByName() {
            String config = runner("docker", "  [runners.docker]\n    privileged = true\n")
                    + "[[runners]]\n  name = \"other\"\n  url = \"https://gitlab.example.com\"\n"
                    + "  token = \"glrt-behaviour-2\"\n  executor = \"docker\"\n  [runners.docker]\n"
                    + "    privileged = true\n";
            RuleTestKit.rule(new PrivilegedRule()).config(config)
                    .context(io.github.runnerguard.spi.AuditContext.defaults()
                            .withRunnerTenancy("other", Tenancy.DEDICATED))
                    .check()
                    .assertFindings(f -> f.count(2)
                            .runner("r").severity(Severity.CRITICAL).keyPath("runners[0].docker.privileged")
                            .and()
                            .runner("other").severity(Severity.HIGH).keyPath("runners[1].docker.privileged"));
        }
    }

    @Nested
    class ServicesPrivileged {

        @Test
        void inheritedPrivilegePointsAtThePrivilegedKey() {
            RuleTestKit.rule(new ServicesPrivilegedRule())
                    .config(runner("docker", "  [runners.docker]\n    image = \"docker:27\"\n    privileged = true\n"))
                    .check()
                    .assertFindings(f -> f.count(1).line(8).keyPath("runners[0].docker.services_privileged")
                            .messageContains("services_privileged is unset, so services inherit privileged = true"))
                    .findings().forEach(finding -> assertContains(finding, "every service image"));
        }

        @Test
        void explicitFlagPointsAtItself() {
            RuleTestKit.rule(new ServicesPrivilegedRule())
                    .config(runner("docker", "  [runners.docker]\n    privileged = false\n"
                            + "    services_privileged = true\n"))
                    .check()
                    .assertFindings(f -> f.count(1).line(8).messageContains("(services_privileged = true)"));
        }
    }

    @Nested
    class Mounts {

        @Test
        void elementKeyPathAndLine() {
            RuleTestKit.rule(new SocketMountRule())
                    .config(runner("docker", "  [runners.docker]\n    volumes = [\n      \"/cache\",\n"
                            + "      \"/var/run/docker.sock:/var/run/docker.sock\",\n    ]\n"))
                    .check()
                    .assertFindings(f -> f.count(1).line(9).column(7).keyPath("runners[0].docker.volumes[1]")
                            .messageContains("the container engine socket /var/run/docker.sock"));
        }

        @Test
        void readOnlySocketSaysWhyItStillCounts() {
            RuleTestKit.rule(new SocketMountRule())
                    .config(runner("docker", "  [runners.docker]\n"
                            + "    volumes = [\"/var/run/docker.sock:/var/run/docker.sock:ro\"]\n"))
                    .check()
                    .assertFindings(f -> f.count(1).severity(Severity.CRITICAL).messageContains(":ro does not help"));
        }

        @Test
        void sensitiveMountSaysReadOnlyOrReadWrite() {
            RuleTestKit.rule(new SensitiveHostMountRule())
                    .config(runner("docker", "  [runners.docker]\n"
                            + "    volumes = [\"/etc/gitlab-runner:/cfg:ro\", \"/home/ci:/home/ci\"]\n"))
                    .check()
                    .assertFindings(f -> f.count(2)
                            .keyPath("runners[0].docker.volumes[0]").severity(Severity.MEDIUM)
                            .messageContains("config.toml with the runner tokens) read-only")
                            .and()
                            .keyPath("runners[0].docker.volumes[1]").severity(Severity.HIGH)
                            .messageContains("read-write"));
        }

        @Test
        void windowsAutoscalerInstancesUseTheWindowsGrammar() {
            String config = runner("docker-autoscaler", "  [runners.docker]\n"
                    + "    volumes = ['C:\\Windows:C:\\host', '/etc:/etc']\n"
                    + "  [runners.autoscaler]\n    max_use_count = 1\n"
                    + "    [runners.autoscaler.connector_config]\n      os = \"windows\"\n");
            RuleTestKit.rule(new SensitiveHostMountRule()).config(config).check()
                    .assertFindings(f -> f.count(1).keyPath("runners[0].docker.volumes[0]"));
        }
    }

    @Nested
    class Absences {

        @Test
        void absentKeysPointAtTheRunnerHeader() {
            String config = "concurrent = 1\n\n" + runner("docker", "");
            for (var rule : List.of(new SetuidSetgidKeptRule(), new RunsAsRootRule(),
                    new NoNewPrivilegesMissingRule())) {
                List<Finding> findings = RuleTestKit.rule(rule).config(config).check().findings();
                assertEquals(1, findings.size(), rule.descriptor().id());
                assertEquals(3, findings.get(0).position().line(), rule.descriptor().id());
                assertEquals(1, findings.get(0).position().column(), rule.descriptor().id());
            }
            RuleTestKit.rule(new AllowedImagesUnrestrictedRule()).config(config).check()
                    .assertFindings(f -> f.count(2)
                            .line(3).keyPath("runners[0].docker.allowed_images").messageContains("unset")
                            .and()
                            .line(3).keyPath("runners[0].docker.allowed_services"));
        }

        @Test
        void dedicatedRunnersGetNoHardeningFindings() {
            String config = runner("docker", "");
            for (var rule : List.of(new SetuidSetgidKeptRule(), new RunsAsRootRule(),
                    new NoNewPrivilegesMissingRule(), new AllowedImagesUnrestrictedRule())) {
                RuleTestKit.rule(rule).config(config).tenancy(Tenancy.DEDICATED).check().assertNoFindings();
            }
        }
    }

    @Nested
    class Others {

        @Test
        void pullPolicyFromAllowedListPointsAtTheElement() {
            RuleTestKit.rule(new PullPolicyIfNotPresentRule())
                    .config(runner("docker", "  [runners.docker]\n"
                            + "    allowed_pull_policies = [\"always\", \"if-not-present\"]\n"))
                    .check()
                    .assertFindings(f -> f.count(1).keyPath("runners[0].docker.allowed_pull_policies[1]")
                            .messageContains("lets jobs choose"));
        }

        @Test
        void pullPolicyStringHasNoIndex() {
            RuleTestKit.rule(new PullPolicyIfNotPresentRule())
                    .config(runner("docker", "  [runners.docker]\n    pull_policy = \"if-not-present\"\n"))
                    .check()
                    .assertFindings(f -> f.count(1).keyPath("runners[0].docker.pull_policy").line(7));
        }

        @Test
        void daemonAddressIsShownWithoutCredentials() {
            List<Finding> findings = RuleTestKit.rule(new DaemonUnencryptedRule())
                    .config(runner("docker", "  [runners.docker]\n    host = \"tcp://ci:s3cret@10.1.2.3:2375\"\n"))
                    .check().findings();
            assertEquals(1, findings.size());
            assertFalse(findings.get(0).message().contains("s3cret"), findings.get(0).message());
            assertTrue(findings.get(0).message().contains("tcp://10.1.2.3:2375"), findings.get(0).message());
        }

        @Test
        void autoscalerReportsEachWayOfReuse() {
            RuleTestKit.rule(new AutoscaledVmReusedRule())
                    .config(runner("docker-autoscaler", "  [runners.autoscaler]\n    capacity_per_instance = 3\n"
                            + "    max_use_count = 0\n"))
                    .check()
                    .assertFindings(f -> f.count(2)
                            .keyPath("runners[0].autoscaler.max_use_count").line(8)
                            .messageContains("max_use_count = 0")
                            .and()
                            .keyPath("runners[0].autoscaler.capacity_per_instance").line(7)
                            .messageContains("share one instance"));
        }

        @Test
        void negationAfterMatchAllSaysSo() {
            RuleTestKit.rule(new AllowedImagesNegationRule())
                    .config(runner("docker", "  [runners.docker]\n    allowed_images = [\"**\", \"!*/kali*\"]\n"))
                    .check()
                    .assertFindings(f -> f.count(1).keyPath("runners[0].docker.allowed_images[1]")
                            .messageContains("\"**\" before it already allows every image"));
        }

        @Test
        void servicesDevicesMatchAllIsHighForEveryTenancy() {
            String config = runner("docker", "  [runners.docker.services_devices]\n    \"**\" = [\"/dev/kvm\"]\n");
            for (Tenancy tenancy : Tenancy.values()) {
                RuleTestKit.rule(new HostDevicesRule()).config(config).tenancy(tenancy).check()
                        .assertFindings(f -> f.count(1).severity(Severity.HIGH).line(7));
            }
        }
    }
}
