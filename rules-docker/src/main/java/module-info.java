/**
 * Runnerguard rules for the Docker executor family (docker, docker-windows, docker+machine, docker-autoscaler):
 * the {@code docker.*} rules, found through {@link java.util.ServiceLoader}.
 */
module io.github.runnerguard.rules.docker {
    requires io.github.runnerguard.core;

    exports io.github.runnerguard.rules.docker;

    provides io.github.runnerguard.spi.SecurityRule with
            io.github.runnerguard.rules.docker.PrivilegedRule,
            io.github.runnerguard.rules.docker.ServicesPrivilegedRule,
            io.github.runnerguard.rules.docker.SocketMountRule,
            io.github.runnerguard.rules.docker.SensitiveHostMountRule,
            io.github.runnerguard.rules.docker.DangerousCapabilityRule,
            io.github.runnerguard.rules.docker.SetuidSetgidKeptRule,
            io.github.runnerguard.rules.docker.RunsAsRootRule,
            io.github.runnerguard.rules.docker.UnconfinedSecurityOptRule,
            io.github.runnerguard.rules.docker.NoNewPrivilegesMissingRule,
            io.github.runnerguard.rules.docker.HostNamespaceRule,
            io.github.runnerguard.rules.docker.HostDevicesRule,
            io.github.runnerguard.rules.docker.PullPolicyIfNotPresentRule,
            io.github.runnerguard.rules.docker.DaemonUnencryptedRule,
            io.github.runnerguard.rules.docker.AutoscaledVmReusedRule,
            io.github.runnerguard.rules.docker.AllowedImagesUnrestrictedRule,
            io.github.runnerguard.rules.docker.AllowedImagesNegationRule;
}
