package io.github.runnerguard.rules.docker;

import java.util.Optional;
import java.util.Set;

/**
 * Docker {@code --security-opt} values as the Docker daemon reads them ({@code parseSecurityOpt} in Docker Engine):
 * the bare words {@code no-new-privileges} and {@code disable} (an SELinux {@code label=disable}), else
 * {@code key=value}, else the deprecated {@code key:value}. Keys and values are compared exactly, as the daemon does.
 *
 * <p>Stateless and thread-safe.
 */
final class SecurityOpts {

    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");

    private SecurityOpts() {
    }

    /** One option split into key and value (value empty for a bare word). */
    record Opt(String key, String value) {
    }

    /** Splits an option the way the Docker daemon does. */
    static Opt parse(String option) {
        int cut = option.indexOf('=');
        if (cut < 0) {
            cut = option.indexOf(':');
        }
        return cut < 0 ? new Opt(option, "") : new Opt(option.substring(0, cut), option.substring(cut + 1));
    }

    /**
     * What confinement the option turns off, if any: {@code seccomp=unconfined}, {@code apparmor=unconfined},
     * {@code label=disable} (also {@code label:disable} and the bare {@code disable}) or the SELinux type
     * {@code label=type:spc_t} (the unconfined "super privileged container" type).
     */
    static Optional<String> unconfines(String option) {
        if (option.equals("disable")) {
            return Optional.of("SELinux labelling (label=disable)");
        }
        Opt opt = parse(option);
        return switch (opt.key()) {
            case "seccomp" -> opt.value().equals("unconfined")
                    ? Optional.of("the seccomp system-call filter") : Optional.empty();
            case "apparmor" -> opt.value().equals("unconfined")
                    ? Optional.of("the AppArmor profile") : Optional.empty();
            case "label" -> opt.value().equals("disable")
                    ? Optional.of("SELinux labelling (label=disable)")
                    : opt.value().equals("type:spc_t")
                    ? Optional.of("SELinux confinement (the unconfined spc_t type)") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** True when the option turns no-new-privileges on: the bare word, or the key with a Go true value. */
    static boolean enablesNoNewPrivileges(String option) {
        if (option.equals("no-new-privileges")) {
            return true;
        }
        Opt opt = parse(option);
        return opt.key().equals("no-new-privileges") && TRUE.contains(opt.value());
    }

    /** True when the option turns no-new-privileges off explicitly ({@code no-new-privileges=false}). */
    static boolean disablesNoNewPrivileges(String option) {
        Opt opt = parse(option);
        return opt.key().equals("no-new-privileges") && Set.of("0", "f", "F", "FALSE", "false", "False")
                .contains(opt.value());
    }
}
