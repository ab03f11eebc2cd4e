package io.github.runnerguard.internal.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;

/**
 * The policy for ambiguous keys: among the values two or more spellings of one key give a field, it picks the one an
 * audit must assume, the less safe one. gitlab-runner
 * decodes a table's keys in Go map order, which is random, so the last one decoded wins by chance on each load.
 *
 * <p>The policy, per field (keys are the canonical tags; {@code Struct.key} names one struct's field):
 * <table>
 *   <caption>Less safe value of an ambiguous key</caption>
 *   <tr><th>field</th><th>less safe value</th></tr>
 *   <tr><td>booleans, by default ({@code privileged}, {@code services_privileged},
 *       {@code allow_privilege_escalation}, {@code automount_service_account_token}, {@code Insecure},
 *       {@code disable_strict_host_key_checking}, {@code bearer_token_overwrite_allowed}, {@code Shared},
 *       {@code CustomBuildDir.enabled}, {@code AutoscalerStateStorage.enabled}, ...)</td><td>{@code true}</td></tr>
 *   <tr><td>safety switches: {@code tls_verify}, {@code debug_trace_disabled}, {@code clean_git_config},
 *       {@code safe_directory_checkout}, {@code run_as_non_root}, {@code read_only_root_filesystem},
 *       {@code read_only}, {@code disable_entrypoint_overwrite}, {@code namespace_per_job},
 *       {@code disable_snapshots}, {@code delete_instances_on_shutdown}, {@code VMIsolation.enabled}, and the feature
 *       flags {@code FF_ENABLE_JOB_CLEANUP}, {@code FF_MASK_ALL_DEFAULT_TOKENS}, {@code FF_GIT_URLS_WITHOUT_TOKENS},
 *       {@code FF_DISABLE_UMASK_FOR_*}</td><td>{@code false}</td></tr>
 *   <tr><td>{@code pull_policy}, {@code allowed_pull_policies}</td><td>the one containing
 *       {@code if-not-present} (a job may use an image cached by another project)</td></tr>
 *   <tr><td>{@code allowed_*} lists</td><td>an empty list (it allows everything), else the longer</td></tr>
 *   <tr><td>lists that grant: {@code volumes}, {@code cap_add}, {@code add}, {@code devices},
 *       {@code device_cgroup_rules}, {@code security_opt}, {@code services_security_opt}, {@code volumes_from},
 *       {@code links}, {@code extra_hosts}, {@code group_add}</td><td>the longer</td></tr>
 *   <tr><td>lists that take away: {@code cap_drop}, {@code drop}</td><td>the shorter</td></tr>
 *   <tr><td>{@code *_overwrite_allowed} patterns</td><td>a non-empty one (empty disables the overwrite)</td></tr>
 *   <tr><td>{@code network_mode}, {@code pid_mode}, {@code ipcmode}, {@code userns_mode}</td>
 *       <td>{@code host}</td></tr>
 *   <tr><td>{@code url}, {@code clone_url}</td><td>an {@code http://} one</td></tr>
 *   <tr><td>{@code run_as_user}, {@code run_as_group}</td><td>{@code 0} (root)</td></tr>
 *   <tr><td>{@code max_use_count}, {@code MaxBuilds}</td><td>{@code 0} (unlimited), else the larger</td></tr>
 *   <tr><td>{@code capacity_per_instance}</td><td>the larger</td></tr>
 *   <tr><td>anything else</td><td>the first in file order</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
final class LessSafe {

    private static final Set<String> SAFE_WHEN_TRUE = Set.of(
            "tls_verify", "debug_trace_disabled", "clean_git_config", "safe_directory_checkout", "run_as_non_root",
            "read_only_root_filesystem", "read_only", "disable_entrypoint_overwrite", "namespace_per_job",
            "disable_snapshots", "delete_instances_on_shutdown", "VMIsolation.enabled",
            "FF_ENABLE_JOB_CLEANUP", "FF_MASK_ALL_DEFAULT_TOKENS", "FF_GIT_URLS_WITHOUT_TOKENS");
    private static final String SAFE_WHEN_TRUE_PREFIX = "FF_DISABLE_UMASK_FOR_";
    private static final Set<String> GRANTING_LISTS = Set.of(
            "volumes", "cap_add", "add", "devices", "device_cgroup_rules", "security_opt", "services_security_opt",
            "volumes_from", "links", "extra_hosts", "group_add");
    private static final Set<String> RESTRICTING_LISTS = Set.of("cap_drop", "drop");
    private static final Set<String> HOST_MODES = Set.of("network_mode", "pid_mode", "ipcmode", "userns_mode");
    private static final Set<String> ROOT_IDS = Set.of("run_as_user", "run_as_group");
    private static final Set<String> ZERO_UNLIMITED = Set.of("max_use_count", "MaxBuilds");

    private LessSafe() {
    }

    /**
     * The choice made.
     *
     * @param index  the index of the chosen value in the list given
     * @param reason why, in a few words for a message
     */
    record Choice(int index, String reason) {
    }

    /**
     * Chooses among values of a struct field, all already of the type the field accepts, in file order.
     *
     * @param struct the Go type name of the struct
     * @param key    the field's canonical tag
     * @param values at least one value
     */
    static Choice choose(String struct, String key, List<ConfigNode> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        if (values.size() == 1) {
            return new Choice(0, "the only value");
        }
        Object first = scalar(values.get(0));
        if (first instanceof Boolean) {
            boolean unsafe = !safeWhenTrue(struct, key);
            for (int i = 0; i < values.size(); i++) {
                if (Boolean.valueOf(unsafe).equals(scalar(values.get(i)))) {
                    return new Choice(i, unsafe ? "true is the less safe value" : "false is the less safe value");
                }
            }
            return new Choice(0, "the values are equal");
        }
        if (key.equals("pull_policy") || key.equals("allowed_pull_policies")) {
            for (int i = 0; i < values.size(); i++) {
                if (strings(values.get(i)).stream().anyMatch(p -> p.trim().equalsIgnoreCase("if-not-present"))) {
                    return new Choice(i, "it allows if-not-present");
                }
            }
        }
        if (key.startsWith("allowed_")) {
            for (int i = 0; i < values.size(); i++) {
                if (strings(values.get(i)).isEmpty()) {
                    return new Choice(i, "an empty list allows everything");
                }
            }
            return longest(values, "the longer list allows more");
        }
        if (GRANTING_LISTS.contains(key)) {
            return longest(values, "the longer list grants more");
        }
        if (RESTRICTING_LISTS.contains(key)) {
            int best = 0;
            for (int i = 1; i < values.size(); i++) {
                if (strings(values.get(i)).size() < strings(values.get(best)).size()) {
                    best = i;
                }
            }
            return new Choice(best, "the shorter list takes away less");
        }
        if (key.endsWith("_overwrite_allowed")) {
            for (int i = 0; i < values.size(); i++) {
                if (scalar(values.get(i)) instanceof String s && !s.isEmpty()) {
                    return new Choice(i, "a pattern allows the overwrite");
                }
            }
        }
        if (HOST_MODES.contains(key)) {
            for (int i = 0; i < values.size(); i++) {
                if (scalar(values.get(i)) instanceof String s && s.trim().equalsIgnoreCase("host")) {
                    return new Choice(i, "host shares the host's namespace");
                }
            }
        }
        if (key.equals("url") || key.equals("clone_url")) {
            for (int i = 0; i < values.size(); i++) {
                if (scalar(values.get(i)) instanceof String s
                        && s.trim().toLowerCase(Locale.ROOT).startsWith("http://")) {
                    return new Choice(i, "http:// sends tokens in clear text");
                }
            }
        }
        if (ROOT_IDS.contains(key)) {
            for (int i = 0; i < values.size(); i++) {
                if (Long.valueOf(0).equals(scalar(values.get(i)))) {
                    return new Choice(i, "0 is root");
                }
            }
        }
        if (ZERO_UNLIMITED.contains(key)) {
            for (int i = 0; i < values.size(); i++) {
                if (Long.valueOf(0).equals(scalar(values.get(i)))) {
                    return new Choice(i, "0 is unlimited");
                }
            }
            return largest(values);
        }
        if (key.equals("capacity_per_instance")) {
            return largest(values);
        }
        return new Choice(0, "the first in file order");
    }

    private static boolean safeWhenTrue(String struct, String key) {
        return SAFE_WHEN_TRUE.contains(key) || SAFE_WHEN_TRUE.contains(struct + "." + key)
                || key.startsWith(SAFE_WHEN_TRUE_PREFIX);
    }

    private static Choice longest(List<ConfigNode> values, String reason) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (strings(values.get(i)).size() > strings(values.get(best)).size()) {
                best = i;
            }
        }
        return new Choice(best, reason);
    }

    private static Choice largest(List<ConfigNode> values) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (scalar(values.get(i)) instanceof Long candidate && scalar(values.get(best)) instanceof Long current
                    && candidate > current) {
                best = i;
            }
        }
        return new Choice(best, "the larger value allows more");
    }

    private static Object scalar(ConfigNode node) {
        return node instanceof ConfigScalar scalar ? scalar.value() : node;
    }

    private static List<String> strings(ConfigNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof ConfigArray array) {
            for (ConfigNode element : array.elements()) {
                out.add(element instanceof ConfigScalar s ? String.valueOf(s.value()) : "");
            }
        } else if (node instanceof ConfigScalar scalar) {
            out.add(String.valueOf(scalar.value()));
        }
        return out;
    }
}
