package io.github.runnerguard.rules;

import java.net.URI;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code host.config-file-readable}: the audited file is on a local POSIX file system and its mode grants any
 * access (read, write or execute) to its group or to others.
 *
 * <p>gitlab-runner itself writes config.toml with mode {@code 0600} (and its directory {@code 0700}). The rule reads
 * only {@link AuditContext#file()}: the engine gathers the permissions, the rule does no I/O, and nothing is reported
 * when they are unknown (standard input, a non-POSIX file system). The finding has no line; its severity is the worst
 * over the file's runners' tenancies. Stateless and thread-safe.
 */
public final class ConfigFileReadableRule implements SecurityRule {

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private static final String REMEDIATION = "Make the file readable and writable by its owner only (gitlab-runner "
            + "itself writes it 0600), owned by the user gitlab-runner runs as, and rotate the tokens of its runners "
            + "if others could read it:\n"
            + "\n"
            + "  chmod 600 /etc/gitlab-runner/config.toml\n"
            + "  chmod 700 /etc/gitlab-runner\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "host.config-file-readable",
            "config.toml readable or writable by group or others",
            Severity.HIGH,
            TenancySeverity.always(Severity.HIGH),
            "The same for every tenancy: whoever shares the host, not the runner, can read the file.",
            "config.toml holds every runner token and often cache keys and passwords; whoever reads it can clone "
                    + "the runners and receive their jobs and secrets, and whoever writes it can change the executor "
                    + "or add volumes. gitlab-runner writes it with mode 0600; a wider mode lets other users and "
                    + "jobs of a shell executor running as another user read it.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/security/#secure-the-runner-host"),
            List.of("Security for self-managed runners: Secure the runner host (https://docs.gitlab.com/runner/"
                            + "security/#secure-the-runner-host)",
                    "Security for self-managed runners: Cloning a runner (https://docs.gitlab.com/runner/security/"
                            + "#cloning-a-runner)",
                    "gitlab-runner 19.4.0 common/config.go: defaultConfigSaver writes config.toml with mode 0600 "
                            + "(https://gitlab.com/gitlab-org/gitlab-runner/-/blob/main/common/config.go)",
                    "CWE-732: Incorrect Permission Assignment for Critical Resource"),
            List.of("host", "permissions", "token"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public ConfigFileReadableRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        Optional<Set<PosixFilePermission>> permissions = context.file().posixPermissions();
        if (permissions.isEmpty()) {
            return List.of();
        }
        Set<PosixFilePermission> granted = EnumSet.noneOf(PosixFilePermission.class);
        granted.addAll(permissions.get());
        granted.retainAll(GROUP_OR_OTHERS);
        if (granted.isEmpty()) {
            return List.of();
        }
        Optional<Severity> severity = CoreRuleSupport.worstSeverity(DESCRIPTOR, context, config);
        if (severity.isEmpty()) {
            return List.of();
        }
        String mode = PosixFilePermissions.toString(permissions.get());
        String who = whom(granted);
        return List.of(new Finding(DESCRIPTOR.id(), severity.get(),
                "the file has mode " + mode + " (" + octal(permissions.get()) + "): " + who + " can access the "
                        + "tokens of its " + config.runners().size() + " runner(s); gitlab-runner writes it 0600",
                config.source(), null, "", null, DESCRIPTOR.remediation()));
    }

    private static String whom(Set<PosixFilePermission> granted) {
        boolean group = granted.stream().anyMatch(p -> p.name().startsWith("GROUP"));
        boolean others = granted.stream().anyMatch(p -> p.name().startsWith("OTHERS"));
        return group && others ? "its group and all other users" : group ? "its group" : "all other users";
    }

    /** The mode as four octal digits, {@code 0644}. */
    static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("0%03o", mode);
    }
}
