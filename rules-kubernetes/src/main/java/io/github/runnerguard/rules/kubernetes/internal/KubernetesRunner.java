package io.github.runnerguard.rules.kubernetes.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.RunnerRef;
import org.jspecify.annotations.Nullable;

/**
 * A {@code [[runners]]} entry that runs jobs as Kubernetes pods, with the settings of its {@code [runners.kubernetes]}
 * table read as gitlab-runner decodes them, and the effective security context of each job container.
 *
 * <p>A runner is a Kubernetes runner when its {@code executor} is {@code kubernetes}, or when it names no executor
 * but has a {@code [runners.kubernetes]} table: a template merged at registration (the Helm chart and the operator
 * register with {@code --executor kubernetes} and {@code --template-config}). The security contexts are read when
 * first asked for. Immutable (as far as can be seen from outside) and thread-safe.
 */
public final class KubernetesRunner {

    /** The executor name. */
    public static final String EXECUTOR = "kubernetes";

    private static final List<String> VALID_PROFILE_TYPES = List.of("RuntimeDefault", "Unconfined", "Localhost");

    /**
     * The views of the configs seen last, by identity: every Kubernetes rule asks for the views of each config of an
     * audit, and reading them once is enough. Weak both ways, so nothing is kept alive.
     */
    private static final AtomicReferenceArray<Cached> CACHE = new AtomicReferenceArray<>(8);

    private final Runner runner;
    private final ConfigTable k8s;
    private final boolean executorImplicit;
    /** The security contexts by {@link ContainerKind#ordinal()}, each read when first asked for. */
    private final ContainerContext[] contexts = new ContainerContext[ContainerKind.values().length];
    private @Nullable PodContext pod;
    private PodSecurity.@Nullable Assessment podSecurity;

    private KubernetesRunner(Runner runner, ConfigTable k8s, boolean executorImplicit) {
        this.runner = runner;
        this.k8s = k8s;
        this.executorImplicit = executorImplicit;
    }

    /** The views of a config, remembered; the views themselves may be gone. */
    private record Cached(WeakReference<RunnerConfig> config, WeakReference<List<KubernetesRunner>> views) {
    }

    /**
     * The Kubernetes views of the runners of {@code config} that run jobs on Kubernetes, in file order. The views of
     * the last few configs are remembered while something else holds them, so the rules of one audit share them.
     */
    public static List<KubernetesRunner> of(RunnerConfig config) {
        int slot = System.identityHashCode(config) & (CACHE.length() - 1);
        Cached cached = CACHE.get(slot);
        if (cached != null && cached.config().get() == config) {
            List<KubernetesRunner> views = cached.views().get();
            if (views != null) {
                return views;
            }
        }
        List<KubernetesRunner> views = new ArrayList<>();
        for (Runner runner : config.runners()) {
            of(runner).ifPresent(views::add);
        }
        views = List.copyOf(views);
        CACHE.set(slot, new Cached(new WeakReference<>(config), new WeakReference<>(views)));
        return views;
    }

    /** The Kubernetes view of {@code runner}, or empty when it does not run jobs on Kubernetes. */
    public static Optional<KubernetesRunner> of(Runner runner) {
        return read(runner);
    }

    private static Optional<KubernetesRunner> read(Runner runner) {
        String executor = runner.executor().value();
        Optional<ConfigTable> table = RawReader.table(runner.raw(), "kubernetes");
        if (EXECUTOR.equals(executor)) {
            return Optional.of(new KubernetesRunner(runner, table.orElseGet(() -> empty(runner.raw(), "kubernetes")),
                    false));
        }
        if ((executor == null || executor.isEmpty()) && table.isPresent()) {
            return Optional.of(new KubernetesRunner(runner, table.get(), true));
        }
        return Optional.empty();
    }

    private static ConfigTable empty(ConfigTable parent, String field) {
        return new ConfigTable(RawReader.pathOf(parent, field), null, List.of());
    }

    /** The runner. */
    public Runner runner() {
        return runner;
    }

    /** The runner's name, or {@code ""}. */
    public String name() {
        String name = runner.name().value();
        return name == null ? "" : name;
    }

    /** The reference used in findings. */
    public RunnerRef ref() {
        return new RunnerRef(runner.index(), name());
    }

    /** The {@code [[runners]]} header. */
    public @Nullable Position header() {
        return runner.position();
    }

    /** True when the runner names no executor and is taken as Kubernetes because of its table. */
    public boolean executorImplicit() {
        return executorImplicit;
    }

    /** The {@code [runners.kubernetes]} table (empty when absent). */
    public ConfigTable table() {
        return k8s;
    }

    /** A boolean of {@code [runners.kubernetes]}. */
    public Setting<Boolean> bool(String field) {
        return RawReader.bool(k8s, field);
    }

    /** A string of {@code [runners.kubernetes]}. */
    public Setting<String> string(String field) {
        return RawReader.string(k8s, field);
    }

    /** A string list of {@code [runners.kubernetes]}. */
    public Setting<List<String>> strings(String field) {
        return RawReader.strings(k8s, field);
    }

    /** The elements of a string list of {@code [runners.kubernetes]}. */
    public List<Setting<String>> stringItems(String field) {
        return RawReader.stringItems(k8s, field);
    }

    /** The key path of a {@code [runners.kubernetes]} field. */
    public String path(String field) {
        return RawReader.pathOf(k8s, field);
    }

    /** Ignored keys of {@code [runners.kubernetes]} that look like {@code field}. */
    public List<ConfigEntry> ignoredLookAlikes(String field) {
        return RawReader.ignoredLookAlikes(k8s, field);
    }

    /** The security context table of one container kind. */
    public ContainerContext context(ContainerKind kind) {
        // a race reads the same immutable value twice; records publish safely through their final fields
        ContainerContext context = contexts[kind.ordinal()];
        if (context == null) {
            context = containerContext(kind);
            contexts[kind.ordinal()] = context;
        }
        return context;
    }

    /** The pod security context table. */
    public PodContext pod() {
        PodContext context = pod;
        if (context == null) {
            context = podContext();
            pod = context;
        }
        return context;
    }

    /** The Pod Security Standards assessment of the job pods ({@link PodSecurity#assess}), made once. */
    public PodSecurity.Assessment podSecurity() {
        PodSecurity.Assessment assessment = podSecurity;
        if (assessment == null) {
            assessment = PodSecurity.assess(this);
            podSecurity = assessment;
        }
        return assessment;
    }

    // ---- security contexts ------------------------------------------------------------------------------------

    /**
     * A seccomp or AppArmor profile as gitlab-runner passes it on: the type when it is one of
     * {@code RuntimeDefault}, {@code Unconfined}, {@code Localhost} (with a {@code localhost_profile}); gitlab-runner
     * logs and drops any other value.
     *
     * @param type    the {@code type} setting as written
     * @param applied the type gitlab-runner applies, or null when the profile is absent or dropped
     */
    public record Profile(Setting<String> type, @Nullable String applied) {
    }

    /**
     * A {@code *_container_security_context} table.
     *
     * @param kind                     the container
     * @param present                  true when the table is in the file
     * @param path                     its key path
     * @param privileged               {@code privileged}
     * @param allowPrivilegeEscalation {@code allow_privilege_escalation}
     * @param runAsUser                {@code run_as_user}
     * @param runAsGroup               {@code run_as_group}
     * @param runAsNonRoot             {@code run_as_non_root}
     * @param capAdd                   {@code capabilities.add} (absent when not written: the runner-level list stays)
     * @param capDrop                  {@code capabilities.drop}
     * @param capAddItems              the elements of {@code capabilities.add}
     * @param seccomp                  {@code seccomp_profile}
     * @param appArmor                 {@code app_armor_profile}
     * @param selinuxType              {@code selinux_type}
     * @param procMount                {@code proc_mount} as written
     * @param procMountApplied         the proc mount type gitlab-runner applies ({@code Default}, {@code Unmasked})
     *                                 or null
     */
    public record ContainerContext(ContainerKind kind, boolean present, String path, Setting<Boolean> privileged,
                                   Setting<Boolean> allowPrivilegeEscalation, Setting<Long> runAsUser,
                                   Setting<Long> runAsGroup, Setting<Boolean> runAsNonRoot,
                                   Setting<List<String>> capAdd, Setting<List<String>> capDrop,
                                   List<Setting<String>> capAddItems, Profile seccomp, Profile appArmor,
                                   Setting<String> selinuxType, Setting<String> procMount,
                                   @Nullable String procMountApplied) {
    }

    /**
     * The {@code pod_security_context} table.
     *
     * @param present      true when the table is in the file
     * @param path         its key path
     * @param runAsUser    {@code run_as_user}
     * @param runAsGroup   {@code run_as_group}
     * @param runAsNonRoot {@code run_as_non_root}
     * @param seccomp      {@code seccomp_profile}
     * @param appArmor     {@code app_armor_profile}
     * @param selinuxType  {@code selinux_type}
     */
    public record PodContext(boolean present, String path, Setting<Long> runAsUser, Setting<Long> runAsGroup,
                             Setting<Boolean> runAsNonRoot, Profile seccomp, Profile appArmor,
                             Setting<String> selinuxType) {
    }

    private ContainerContext containerContext(ContainerKind kind) {
        Section t = Section.of(k8s, kind.table());
        Section caps = t.child("capabilities");
        Setting<String> procMount = t.string("proc_mount");
        String applied = null;
        if (procMount.value() != null) {
            String trimmed = procMount.value().strip();
            String titled = trimmed.isEmpty() ? "" : trimmed.substring(0, 1).toUpperCase(Locale.ROOT)
                    + trimmed.substring(1).toLowerCase(Locale.ROOT);
            if (titled.equals("Default") || titled.equals("Unmasked")) {
                applied = titled;
            }
        }
        return new ContainerContext(kind, t.present(), t.path(), t.bool("privileged"),
                t.bool("allow_privilege_escalation"), t.integer("run_as_user"), t.integer("run_as_group"),
                t.bool("run_as_non_root"), caps.strings("add"), caps.strings("drop"), caps.stringItems("add"),
                profile(t, "seccomp_profile"), profile(t, "app_armor_profile"), t.string("selinux_type"),
                procMount, applied);
    }

    private PodContext podContext() {
        Section t = Section.of(k8s, "pod_security_context");
        return new PodContext(t.present(), t.path(), t.integer("run_as_user"), t.integer("run_as_group"),
                t.bool("run_as_non_root"), profile(t, "seccomp_profile"), profile(t, "app_armor_profile"),
                t.string("selinux_type"));
    }

    private static Profile profile(Section parent, String field) {
        Section t = parent.child(field);
        Setting<String> type = t.string("type");
        String applied = null;
        if (type.value() != null && VALID_PROFILE_TYPES.contains(type.value())) {
            String localhost = t.string("localhost_profile").value();
            if (!type.value().equals("Localhost") || (localhost != null && !localhost.isEmpty())) {
                applied = type.value();
            }
        }
        return new Profile(type, applied);
    }

    /**
     * A sub-table as the readers see it: the table when the file has it, else nothing at the path it would have,
     * where every setting is absent (without building an empty table for it).
     *
     * @param table the table, or null when absent
     * @param path  its key path
     */
    private record Section(@Nullable ConfigTable table, String path) {

        static Section of(ConfigTable parent, String field) {
            Optional<ConfigTable> found = RawReader.table(parent, field);
            return found.isPresent() ? new Section(found.get(), found.get().path())
                    : new Section(null, RawReader.pathOf(parent, field));
        }

        boolean present() {
            return table != null;
        }

        Section child(String field) {
            return table != null ? of(table, field) : new Section(null, pathOf(field));
        }

        /** What {@link RawReader#pathOf} gives for an absent key of an empty table at {@link #path}. */
        private String pathOf(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        Setting<Boolean> bool(String field) {
            return table != null ? RawReader.bool(table, field) : Setting.absent(pathOf(field));
        }

        Setting<String> string(String field) {
            return table != null ? RawReader.string(table, field) : Setting.absent(pathOf(field));
        }

        Setting<Long> integer(String field) {
            return table != null ? RawReader.integer(table, field) : Setting.absent(pathOf(field));
        }

        Setting<List<String>> strings(String field) {
            return table != null ? RawReader.strings(table, field) : Setting.absent(pathOf(field));
        }

        List<Setting<String>> stringItems(String field) {
            return table != null ? RawReader.stringItems(table, field) : new ArrayList<>();
        }
    }

    // ---- effective values -------------------------------------------------------------------------------------

    /** The effective {@code privileged} of a container: its context's value, else the runner-level value. */
    public Setting<Boolean> effectivePrivileged(ContainerKind kind) {
        Setting<Boolean> own = context(kind).privileged();
        return own.isSet() ? own : bool("privileged");
    }

    /** The effective {@code allow_privilege_escalation} of a container: its context's value, else the runner's. */
    public Setting<Boolean> effectiveAllowPrivilegeEscalation(ContainerKind kind) {
        Setting<Boolean> own = context(kind).allowPrivilegeEscalation();
        return own.isSet() ? own : bool("allow_privilege_escalation");
    }

    /**
     * The capabilities a container gets, as gitlab-runner computes them: the runner-level lists (NET_RAW dropped by
     * default, {@code cap_add} removes it from the drop list, {@code cap_drop} wins over {@code cap_add}), each list
     * replaced by the container context's {@code capabilities.add}/{@code drop} when that is written.
     */
    public Capabilities effectiveCapabilities(ContainerKind kind) {
        Map<String, Boolean> enabled = new LinkedHashMap<>();
        enabled.put("NET_RAW", false);
        Setting<List<String>> capAdd = strings("cap_add");
        Setting<List<String>> capDrop = strings("cap_drop");
        capAdd.orElse(List.of()).forEach(c -> enabled.put(c, true));
        capDrop.orElse(List.of()).forEach(c -> enabled.put(c, false));
        List<String> add = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        enabled.forEach((cap, on) -> (on ? add : drop).add(cap));
        ContainerContext ctx = context(kind);
        Setting<List<String>> addOrigin = capAdd;
        Setting<List<String>> dropOrigin = capDrop;
        List<String> effectiveAdd = add;
        List<String> effectiveDrop = drop;
        if (ctx.capAdd().isSet()) {
            effectiveAdd = ctx.capAdd().value();
            addOrigin = ctx.capAdd();
        }
        if (ctx.capDrop().isSet()) {
            effectiveDrop = ctx.capDrop().value();
            dropOrigin = ctx.capDrop();
        }
        return new Capabilities(List.copyOf(effectiveAdd), List.copyOf(effectiveDrop), addOrigin, dropOrigin);
    }

    /**
     * The capability lists of one container.
     *
     * @param add        the capabilities added
     * @param drop       the capabilities dropped
     * @param addOrigin  the setting the add list comes from (absent when it is the runner's default)
     * @param dropOrigin the setting the drop list comes from (absent for the default NET_RAW drop)
     */
    public record Capabilities(List<String> add, List<String> drop, Setting<List<String>> addOrigin,
                               Setting<List<String>> dropOrigin) {
    }

    /** The effective {@code run_as_user} of a container: its context's, else the pod's. */
    public Setting<Long> effectiveRunAsUser(ContainerKind kind) {
        Setting<Long> own = context(kind).runAsUser();
        return own.isSet() ? own : pod().runAsUser();
    }

    // ---- volumes and patches ----------------------------------------------------------------------------------

    /**
     * A {@code [[runners.kubernetes.volumes.host_path]]} volume.
     *
     * @param path      the element's key path
     * @param position  the element's header
     * @param name      {@code name}
     * @param mountPath {@code mount_path}
     * @param hostPath  the host path mounted: {@code host_path}, or {@code mount_path} when that is empty, as
     *                  gitlab-runner does
     * @param hostPathSetting {@code host_path} as written
     * @param subPath   {@code sub_path}
     * @param readOnly  {@code read_only}
     */
    public record HostPathVolume(String path, @Nullable Position position, String name, String mountPath,
                                 String hostPath, Setting<String> hostPathSetting, String subPath, boolean readOnly) {
    }

    /** The host_path volumes. */
    public List<HostPathVolume> hostPathVolumes() {
        List<HostPathVolume> volumes = new ArrayList<>();
        Optional<ConfigTable> v = RawReader.table(k8s, "volumes");
        if (v.isEmpty()) {
            return volumes;
        }
        for (ConfigTable t : RawReader.tables(v.get(), "host_path")) {
            String mountPath = RawReader.string(t, "mount_path").orElse("");
            Setting<String> hostPath = RawReader.string(t, "host_path");
            String effective = hostPath.value() == null || hostPath.value().isEmpty() ? mountPath : hostPath.value();
            volumes.add(new HostPathVolume(t.path(), t.position(), RawReader.string(t, "name").orElse(""), mountPath,
                    effective, hostPath, RawReader.string(t, "sub_path").orElse(""),
                    RawReader.bool(t, "read_only").orElse(false)));
        }
        return volumes;
    }

    /**
     * A volume of another type.
     *
     * @param type     the config.toml type ({@code pvc}, {@code config_map}, {@code secret}, {@code empty_dir},
     *                 {@code csi}, {@code nfs})
     * @param path     the element's key path
     * @param position the element's header
     * @param name     {@code name}
     */
    public record OtherVolume(String type, String path, @Nullable Position position, String name) {
    }

    /** The volumes other than host_path. */
    public List<OtherVolume> otherVolumes() {
        List<OtherVolume> volumes = new ArrayList<>();
        Optional<ConfigTable> v = RawReader.table(k8s, "volumes");
        if (v.isEmpty()) {
            return volumes;
        }
        for (String type : List.of("pvc", "config_map", "secret", "empty_dir", "csi", "nfs")) {
            for (ConfigTable t : RawReader.tables(v.get(), type)) {
                volumes.add(new OtherVolume(type, t.path(), t.position(), RawReader.string(t, "name").orElse("")));
            }
        }
        return volumes;
    }

    /**
     * A {@code [[runners.kubernetes.pod_spec]]} entry.
     *
     * @param path      the element's key path
     * @param position  the element's header
     * @param name      {@code name}
     * @param patch     {@code patch}
     * @param patchPath {@code patch_path}
     * @param patchType the patch type gitlab-runner uses ({@code strategic} when unset)
     */
    public record PodSpecEntry(String path, @Nullable Position position, String name, Setting<String> patch,
                               Setting<String> patchPath, String patchType) {
    }

    /** The pod_spec entries. */
    public List<PodSpecEntry> podSpecs() {
        List<PodSpecEntry> entries = new ArrayList<>();
        for (ConfigTable t : RawReader.tables(k8s, "pod_spec")) {
            String type = RawReader.string(t, "patch_type").orElse("");
            entries.add(new PodSpecEntry(t.path(), t.position(), RawReader.string(t, "name").orElse(""),
                    RawReader.string(t, "patch"), RawReader.string(t, "patch_path"),
                    type.isEmpty() ? "strategic" : type));
        }
        return entries;
    }

    /**
     * Whether {@code FF_USE_ADVANCED_POD_SPEC_CONFIGURATION}, which pod_spec patches need, is on: {@code TRUE} when
     * {@code [runners.feature_flags]} or the runner's {@code environment} turns it on, {@code FALSE} when
     * {@code [runners.feature_flags]} turns it off (jobs cannot override that), null when jobs decide (a CI
     * variable can turn it on).
     */
    public @Nullable Boolean advancedPodSpecFlag() {
        String flag = "FF_USE_ADVANCED_POD_SPEC_CONFIGURATION";
        Optional<ConfigTable> flags = RawReader.table(runner.raw(), "feature_flags");
        if (flags.isPresent()) {
            Optional<ConfigEntry> entry = flags.get().entry(flag);
            if (entry.isPresent() && entry.get().value() instanceof ConfigScalar s && s.value() instanceof Boolean b) {
                return b;
            }
        }
        for (Setting<String> env : RawReader.stringItems(runner.raw(), "environment")) {
            String value = env.value();
            if (value != null && value.startsWith(flag + "=")) {
                String v = value.substring(flag.length() + 1);
                if (List.of("1", "t", "T", "TRUE", "true", "True").contains(v)) {
                    return true;
                }
            }
        }
        return null;
    }
}
