package io.github.runnerguard.rules.docker;

import java.util.List;
import io.github.runnerguard.spi.SecurityRule;

/** Every rule of this module, in the order of the table. */
final class AllDockerRules {

    private AllDockerRules() {
    }

    static List<SecurityRule> all() {
        return List.of(new PrivilegedRule(), new ServicesPrivilegedRule(), new SocketMountRule(),
                new SensitiveHostMountRule(), new DangerousCapabilityRule(), new SetuidSetgidKeptRule(),
                new RunsAsRootRule(), new UnconfinedSecurityOptRule(), new NoNewPrivilegesMissingRule(),
                new HostNamespaceRule(), new HostDevicesRule(), new PullPolicyIfNotPresentRule(),
                new DaemonUnencryptedRule(), new AutoscaledVmReusedRule(), new AllowedImagesUnrestrictedRule(),
                new AllowedImagesNegationRule());
    }

    static SecurityRule[] array() {
        return all().toArray(SecurityRule[]::new);
    }
}
