package io.github.runnerguard.rules.shellssh;

import java.util.Optional;
import java.util.Set;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.Value;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Helpers shared by the shell, SSH and VM rules: which executors read which sections, runner references, tenancy
 * severity and key paths.
 *
 * <p>Stateless; every method is a pure function.
 */
final class ShellSshSupport {

    /** The version that introduced these rules. */
    static final String SINCE = "0.1.0";

    /** The executors that log in with {@code [runners.ssh]}: ssh itself and the VM executors (config-schema.md §3). */
    static final Set<String> SSH_EXECUTORS = Set.of("ssh", "parallels", "virtualbox");

    private ShellSshSupport() {
    }

    /** The runner's executor name, {@code ""} when it has none. */
    static String executor(Runner runner) {
        return runner.executor().orElse("");
    }

    /** The reference a finding uses for {@code runner}. */
    static RunnerRef ref(Runner runner) {
        return new RunnerRef(runner.index(), runner.name().orElse(""));
    }

    /** The severity of {@code descriptor} for the tenancy of {@code runner}, empty when it does not fire there. */
    static Optional<Severity> severity(RuleDescriptor descriptor, AuditContext context, Runner runner) {
        return descriptor.tenancy().forTenancy(context.tenancyOf(runner.name().value()));
    }

    /** The key path of {@code key} in {@code runner}'s table: {@code runners[2].ssh.user}. */
    static String path(Runner runner, String key) {
        return "runners[" + runner.index() + "]." + key;
    }

    /** How messages name {@code runner}: {@code runner "build-1"}, or {@code runners[2]} when it has no name. */
    static String label(Runner runner) {
        String name = runner.name().orElse("");
        return name.isEmpty() ? "runners[" + runner.index() + "]" : "runner \"" + name + "\"";
    }

    /** Where a finding about {@code value} points: its key, or the runner's header when it is not in the file. */
    static @Nullable Position at(Value<?> value, Runner runner) {
        return value.position() != null ? value.position() : runner.position();
    }
}
