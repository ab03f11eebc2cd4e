package io.github.runnerguard.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code config.unknown-key}: a key gitlab-runner does not know and silently ignores. Low, or medium when the
 * closest known key is a security setting (the hardening it was meant to apply is missing).
 */
public final class UnknownKeyRule extends DiagnosticRule {

    /** The rule id. */
    public static final String ID = "config.unknown-key";

    /** Settings whose absence weakens isolation or exposes secrets, by key name in lower case. */
    static final Set<String> SECURITY_KEYS = Set.of(
            // docker
            "privileged", "services_privileged", "allowed_privileged_images", "allowed_privileged_services",
            "cap_add", "cap_drop", "security_opt", "devices", "device_cgroup_rules", "volumes", "network_mode",
            "userns_mode", "user", "pull_policy", "allowed_pull_policies", "allowed_images", "allowed_services",
            "tls_verify", "host", "disable_entrypoint_overwrite", "oom_kill_disable", "sysctls", "isolation",
            "allowed_users", "allowed_groups",
            // kubernetes
            "allow_privilege_escalation", "run_as_non_root", "run_as_user", "run_as_group", "read_only_root_filesystem",
            "seccomp_profile", "app_armor_profile", "capabilities", "pod_security_context",
            "build_container_security_context", "helper_container_security_context",
            "service_container_security_context", "init_permissions_container_security_context", "host_path",
            "service_account_overwrite_allowed", "bearer_token_overwrite_allowed", "namespace_overwrite_allowed",
            "pod_annotations_overwrite_allowed", "node_selector_overwrite_allowed", "bearer_token",
            // ssh and VMs
            "disable_strict_host_key_checking", "known_hosts_file", "identity_file",
            // runner, git, autoscaling
            "debug_trace_disabled", "clean_git_config", "safe_directory_checkout", "feature_flags",
            "ff_enable_job_cleanup", "ff_git_urls_without_tokens", "ff_mask_all_default_tokens", "maxbuilds",
            "max_use_count", "capacity_per_instance", "custom_build_dir", "listen_address", "insecure",
            "tls-ca-file", "tls-cert-file", "tls-key-file");

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID,
            "Unknown key that gitlab-runner ignores",
            Severity.LOW, TenancySeverity.always(Severity.LOW),
            "Tenancy does not change it. It is medium for every tenancy when the closest known key is a security "
                    + "setting (privileged, cap_drop, allow_privilege_escalation, disable_strict_host_key_checking, "
                    + "...), because the hardening it was meant to apply is silently missing.",
            "gitlab-runner silently ignores keys it does not know: a misspelled key (buids_dir), a key in the wrong "
                    + "section (executor inside [runners.kubernetes]) or another spelling of a key "
                    + "(allowPrivilegeEscalation for allow_privilege_escalation) has no effect. When the key was "
                    + "meant as hardening, the runner runs without it and nothing says so.",
            "Rename the key to the one gitlab-runner knows, or move it to the section it belongs in; "
                    + "gitlab-runner lint (19.3 and later) lists the same keys. For example:\n"
                    + "[runners.kubernetes]\n"
                    + "allow_privilege_escalation = false   # not allowPrivilegeEscalation",
            ADVANCED_CONFIGURATION.resolve("#configuration-validation"),
            List.of("Advanced configuration: the config.toml keys (https://docs.gitlab.com/runner/configuration/"
                            + "advanced-configuration/)",
                    "gitlab-runner 19.4.0 commands/lint.go: gitlab-runner lint (19.3 and later) reports each key "
                            + "LoadConfig ignored as \"unknown key\", gitlab-org/gitlab-runner#38287 "
                            + "(https://gitlab.com/gitlab-org/gitlab-runner/-/blob/main/commands/lint.go)"),
            List.of("config", "hygiene"), List.of(), "0.1.0");

    /** Creates the rule (ServiceLoader needs a public no-argument constructor). */
    public UnknownKeyRule() {
        super(Set.of(Diagnostic.Kind.UNKNOWN_KEY));
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    Severity severityOf(Diagnostic diagnostic) {
        String suggestion = diagnostic.suggestion();
        if (suggestion != null && SECURITY_KEYS.contains(lastKey(suggestion).toLowerCase(Locale.ROOT))) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }

    @Override
    String remediationOf(Diagnostic diagnostic) {
        String suggestion = diagnostic.suggestion();
        String key = lastKey(diagnostic.path());
        if (suggestion != null) {
            return "Rename " + key + " to " + lastKey(suggestion) + " (or move it to the section it belongs in); "
                    + "gitlab-runner ignores " + key + ".";
        }
        return "Remove " + key + ", or rename it to the key gitlab-runner knows; gitlab-runner ignores it.";
    }
}
