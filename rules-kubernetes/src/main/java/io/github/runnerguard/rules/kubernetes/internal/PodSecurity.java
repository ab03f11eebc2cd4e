package io.github.runnerguard.rules.kubernetes.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner.Capabilities;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner.ContainerContext;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner.PodSpecEntry;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner.Profile;
import io.github.runnerguard.rules.kubernetes.internal.PatchScanner.PatchSetting;
import org.jspecify.annotations.Nullable;

/**
 * Predicts the Kubernetes Pod Security Standards level that the job pods of a Kubernetes runner meet, control by
 * control, from what config.toml determines: the pod and container security contexts (with gitlab-runner's
 * precedence rules), capabilities, volumes, pod annotations and {@code pod_spec} patches.
 *
 * <p>The job pod holds the build container, the helper container, one container per service and the
 * init-permissions init container; every one of them is checked, as the admission controller does. Only what the
 * runner's configuration fixes is judged: a job can still add settings (an {@code image:kubernetes:user}, a service),
 * which the assessment lists as notes. Stateless and thread-safe.
 */
public final class PodSecurity {

    /** The Pod Security Standards levels, from the least to the most restrictive. */
    public enum Level {
        /** No restriction. */
        PRIVILEGED,
        /** Prevents known privilege escalations. */
        BASELINE,
        /** Current pod hardening best practice. */
        RESTRICTED;

        /** The lower-case name used by Kubernetes ({@code baseline}). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code privileged}, {@code baseline} or {@code restricted} (any case). */
        public static Level parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** The controls of the Baseline and Restricted profiles. */
    public enum Control {
        /** Baseline: Windows HostProcess containers. */
        HOST_PROCESS(Level.BASELINE, "HostProcess"),
        /** Baseline: hostNetwork, hostPID, hostIPC. */
        HOST_NAMESPACES(Level.BASELINE, "Host Namespaces"),
        /** Baseline: privileged containers. */
        PRIVILEGED_CONTAINERS(Level.BASELINE, "Privileged Containers"),
        /** Baseline: capabilities beyond the default set. */
        CAPABILITIES_BASELINE(Level.BASELINE, "Capabilities"),
        /** Baseline: hostPath volumes. */
        HOST_PATH_VOLUMES(Level.BASELINE, "HostPath Volumes"),
        /** Baseline: host ports. */
        HOST_PORTS(Level.BASELINE, "Host Ports"),
        /** Baseline: AppArmor profile overrides. */
        APPARMOR(Level.BASELINE, "AppArmor"),
        /** Baseline: custom SELinux type, user or role. */
        SELINUX(Level.BASELINE, "SELinux"),
        /** Baseline: unmasked /proc. */
        PROC_MOUNT(Level.BASELINE, "/proc Mount Type"),
        /** Baseline: seccomp Unconfined. */
        SECCOMP_BASELINE(Level.BASELINE, "Seccomp"),
        /** Baseline: unsafe sysctls. */
        SYSCTLS(Level.BASELINE, "Sysctls"),
        /** Restricted: volume types other than the allowed ones. */
        VOLUME_TYPES(Level.RESTRICTED, "Volume Types"),
        /** Restricted: allowPrivilegeEscalation must be false. */
        PRIVILEGE_ESCALATION(Level.RESTRICTED, "Privilege Escalation"),
        /** Restricted: runAsNonRoot must be true. */
        RUNNING_AS_NON_ROOT(Level.RESTRICTED, "Running as Non-root"),
        /** Restricted: runAsUser must not be 0. */
        RUNNING_AS_NON_ROOT_USER(Level.RESTRICTED, "Running as Non-root user"),
        /** Restricted: a seccomp profile must be set (RuntimeDefault or Localhost). */
        SECCOMP_RESTRICTED(Level.RESTRICTED, "Seccomp"),
        /** Restricted: drop ALL, add at most NET_BIND_SERVICE. */
        CAPABILITIES_RESTRICTED(Level.RESTRICTED, "Capabilities");

        private final Level level;
        private final String title;

        Control(Level level, String title) {
            this.level = level;
            this.title = title;
        }

        /** The profile that introduces the control. */
        public Level level() {
            return level;
        }

        /** The control's name in the Pod Security Standards ({@code Privileged Containers}). */
        public String title() {
            return title;
        }

        /** The name with its profile, e.g. {@code Baseline "Capabilities"}. */
        public String qualifiedTitle() {
            String profile = level == Level.BASELINE ? "Baseline" : "Restricted";
            return profile + " \"" + title + "\"";
        }
    }

    /**
     * One control the job pods fail.
     *
     * @param control  the control
     * @param detail   what in the configuration fails it, naming the containers
     * @param keyPath  the key that causes it (for an absence, the key that is missing)
     * @param position the key's position, or null for an absence
     */
    public record Violation(Control control, String detail, String keyPath, @Nullable Position position) {
    }

    /**
     * The prediction for one runner.
     *
     * @param level      the highest level the job pods meet
     * @param violations every failed control, Baseline ones first
     * @param notes      what the prediction cannot judge or what jobs can change
     */
    public record Assessment(Level level, List<Violation> violations, List<String> notes) {

        /** Copies the lists. */
        public Assessment {
            violations = List.copyOf(violations);
            notes = List.copyOf(notes);
        }

        /** The violations that an admission controller enforcing {@code enforced} rejects. */
        public List<Violation> rejectedAt(Level enforced) {
            return violations.stream().filter(v -> v.control().level().compareTo(enforced) <= 0).toList();
        }

        /** The violations that keep the pods from the level just above {@link #level()}. */
        public List<Violation> blockingNextLevel() {
            if (level == Level.RESTRICTED) {
                return List.of();
            }
            Level next = Level.values()[level.ordinal() + 1];
            return violations.stream().filter(v -> v.control().level() == next).toList();
        }
    }

    /** Capabilities Baseline allows adding. */
    public static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    /** SELinux types Baseline allows. */
    public static final Set<String> BASELINE_SELINUX_TYPES = Set.of("container_t", "container_init_t",
            "container_kvm_t", "container_engine_t");
    /** Sysctls Baseline allows. */
    public static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
    /** Volume source keys that Restricted forbids (everything but configMap, csi, downwardAPI, emptyDir, ...). */
    public static final Set<String> RESTRICTED_FORBIDDEN_VOLUME_SOURCES = Set.of("hostPath", "nfs", "iscsi", "rbd",
            "cephfs", "glusterfs", "gcePersistentDisk", "awsElasticBlockStore", "azureDisk", "azureFile", "cinder",
            "fc", "flexVolume", "flocker", "gitRepo", "photonPersistentDisk", "portworxVolume", "quobyte",
            "scaleIO", "storageos", "vsphereVolume");
    private static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

    private PodSecurity() {
    }

    /** Predicts the level of the job pods of {@code runner}. */
    public static Assessment assess(KubernetesRunner runner) {
        List<Violation> v = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        privileged(runner, v);
        capabilitiesBaseline(runner, v);
        hostPaths(runner, v);
        profiles(runner, v, Control.APPARMOR, ContainerContext::appArmor, runner.pod().appArmor());
        appArmorAnnotations(runner, v);
        selinux(runner, v);
        procMount(runner, v);
        profiles(runner, v, Control.SECCOMP_BASELINE, ContainerContext::seccomp, runner.pod().seccomp());
        volumeTypes(runner, v);
        privilegeEscalation(runner, v);
        runAsNonRoot(runner, v);
        runAsNonRootUser(runner, v, notes);
        seccompRestricted(runner, v);
        capabilitiesRestricted(runner, v);
        patches(runner, v, notes);
        jobAnnotations(runner, notes);
        invalidCombination(runner, notes);
        v.sort((a, b) -> Integer.compare(a.control().ordinal(), b.control().ordinal()));
        Level level = Level.RESTRICTED;
        for (Violation violation : v) {
            Level below = Level.values()[violation.control().level().ordinal() - 1];
            if (below.compareTo(level) < 0) {
                level = below;
            }
        }
        return new Assessment(level, v, notes);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Groups containers by the setting their value comes from, in container order. */
    private static <T> Map<Setting<T>, List<String>> byOrigin(Function<ContainerKind, Setting<T>> origin,
                                                              java.util.function.Predicate<Setting<T>> failing) {
        Map<Setting<T>, List<String>> groups = new LinkedHashMap<>();
        for (ContainerKind kind : ContainerKind.values()) {
            Setting<T> s = origin.apply(kind);
            if (failing.test(s)) {
                groups.computeIfAbsent(s, k -> new ArrayList<>()).add(kind.label());
            }
        }
        return groups;
    }

    private static String join(List<String> items) {
        return String.join(", ", items);
    }

    private static String key(String keyPath) {
        int dot = keyPath.indexOf('.', keyPath.indexOf(']') + 1);
        return dot < 0 ? keyPath : keyPath.substring(dot + 1);
    }

    // ---- Baseline ---------------------------------------------------------------------------------------------

    private static void privileged(KubernetesRunner r, List<Violation> out) {
        byOrigin(r::effectivePrivileged, s -> s.is(Boolean.TRUE)).forEach((s, containers) ->
                out.add(new Violation(Control.PRIVILEGED_CONTAINERS, key(s.keyPath()) + " = true makes "
                        + join(containers) + " privileged", s.keyPath(), s.position())));
    }

    private static void capabilitiesBaseline(KubernetesRunner r, List<Violation> out) {
        Map<Setting<List<String>>, List<String>> containers = new LinkedHashMap<>();
        Map<Setting<List<String>>, List<String>> caps = new LinkedHashMap<>();
        for (ContainerKind kind : ContainerKind.values()) {
            Capabilities c = r.effectiveCapabilities(kind);
            List<String> beyond = c.add().stream().filter(cap -> !BASELINE_CAPABILITIES.contains(cap)).toList();
            if (!beyond.isEmpty()) {
                containers.computeIfAbsent(c.addOrigin(), k -> new ArrayList<>()).add(kind.label());
                caps.putIfAbsent(c.addOrigin(), beyond);
            }
        }
        containers.forEach((origin, list) -> out.add(new Violation(Control.CAPABILITIES_BASELINE,
                key(origin.keyPath()) + " adds " + join(caps.get(origin)) + " (beyond the Baseline set) to "
                        + join(list), origin.keyPath(), origin.position())));
    }

    private static void hostPaths(KubernetesRunner r, List<Violation> out) {
        for (KubernetesRunner.HostPathVolume vol : r.hostPathVolumes()) {
            out.add(new Violation(Control.HOST_PATH_VOLUMES, "host_path volume \"" + vol.name() + "\" mounts "
                    + vol.hostPath() + " from the node", vol.path(), vol.position()));
        }
    }

    private static void profiles(KubernetesRunner r, List<Violation> out, Control control,
                                 Function<ContainerContext, Profile> of, Profile pod) {
        String what = control == Control.APPARMOR ? "AppArmor" : "seccomp";
        if ("Unconfined".equals(pod.applied())) {
            out.add(new Violation(control, "the pod security context sets the " + what + " profile to Unconfined",
                    pod.type().keyPath(), pod.type().position()));
        }
        for (ContainerKind kind : ContainerKind.values()) {
            Profile p = of.apply(r.context(kind));
            if ("Unconfined".equals(p.applied())) {
                out.add(new Violation(control, kind.label() + " container sets the " + what
                        + " profile to Unconfined", p.type().keyPath(), p.type().position()));
            }
        }
    }

    private static void appArmorAnnotations(KubernetesRunner r, List<Violation> out) {
        List<String> keys = new ArrayList<>();
        List<Setting<String>> values = RawReader.mapEntries(r.table(), "pod_annotations", keys);
        for (int i = 0; i < keys.size(); i++) {
            String value = values.get(i).orElse("");
            if (keys.get(i).startsWith(APPARMOR_ANNOTATION) && !value.isEmpty() && !value.equals("runtime/default")
                    && !value.startsWith("localhost/")) {
                out.add(new Violation(Control.APPARMOR, "pod annotation " + keys.get(i) + " = \"" + value + "\"",
                        values.get(i).keyPath(), values.get(i).position()));
            }
        }
    }

    private static void selinux(KubernetesRunner r, List<Violation> out) {
        List<Setting<String>> types = new ArrayList<>();
        types.add(r.pod().selinuxType());
        for (ContainerKind kind : ContainerKind.values()) {
            types.add(r.context(kind).selinuxType());
        }
        for (Setting<String> t : types) {
            if (t.value() != null && !t.value().isEmpty() && !BASELINE_SELINUX_TYPES.contains(t.value())) {
                out.add(new Violation(Control.SELINUX, key(t.keyPath()) + " = \"" + t.value()
                        + "\" is not one of " + String.join(", ", new java.util.TreeSet<>(BASELINE_SELINUX_TYPES)),
                        t.keyPath(), t.position()));
            }
        }
    }

    private static void procMount(KubernetesRunner r, List<Violation> out) {
        for (ContainerKind kind : ContainerKind.values()) {
            ContainerContext c = r.context(kind);
            if ("Unmasked".equals(c.procMountApplied())) {
                out.add(new Violation(Control.PROC_MOUNT, kind.label() + " container uses an unmasked /proc",
                        c.procMount().keyPath(), c.procMount().position()));
            }
        }
    }

    // ---- Restricted -------------------------------------------------------------------------------------------

    private static void volumeTypes(KubernetesRunner r, List<Violation> out) {
        for (KubernetesRunner.HostPathVolume vol : r.hostPathVolumes()) {
            out.add(new Violation(Control.VOLUME_TYPES, "host_path volume \"" + vol.name()
                    + "\" is not an allowed volume type", vol.path(), vol.position()));
        }
        for (KubernetesRunner.OtherVolume vol : r.otherVolumes()) {
            if (vol.type().equals("nfs")) {
                out.add(new Violation(Control.VOLUME_TYPES, "nfs volume \"" + vol.name()
                        + "\" is not an allowed volume type", vol.path(), vol.position()));
            }
        }
    }

    private static void privilegeEscalation(KubernetesRunner r, List<Violation> out) {
        byOrigin(r::effectiveAllowPrivilegeEscalation, s -> !s.is(Boolean.FALSE)).forEach((s, containers) -> {
            String detail = s.isSet() ? key(s.keyPath()) + " = true for " + join(containers)
                    : "allow_privilege_escalation is not set to false for " + join(containers);
            out.add(new Violation(Control.PRIVILEGE_ESCALATION, detail, s.keyPath(),
                    s.isSet() ? s.position() : null));
        });
    }

    private static void runAsNonRoot(KubernetesRunner r, List<Violation> out) {
        Setting<Boolean> pod = r.pod().runAsNonRoot();
        if (pod.is(Boolean.FALSE)) {
            out.add(new Violation(Control.RUNNING_AS_NON_ROOT, "the pod security context sets run_as_non_root = false",
                    pod.keyPath(), pod.position()));
        }
        List<String> unset = new ArrayList<>();
        for (ContainerKind kind : ContainerKind.values()) {
            Setting<Boolean> own = r.context(kind).runAsNonRoot();
            if (own.is(Boolean.FALSE)) {
                out.add(new Violation(Control.RUNNING_AS_NON_ROOT, kind.label()
                        + " container sets run_as_non_root = false", own.keyPath(), own.position()));
            } else if (!own.is(Boolean.TRUE) && !pod.is(Boolean.TRUE)) {
                unset.add(kind.label());
            }
        }
        if (!unset.isEmpty()) {
            out.add(new Violation(Control.RUNNING_AS_NON_ROOT, "run_as_non_root = true is set neither in the pod "
                    + "security context nor in the context of " + join(unset), pod.keyPath(),
                    pod.isSet() ? pod.position() : null));
        }
    }

    private static void runAsNonRootUser(KubernetesRunner r, List<Violation> out, List<String> notes) {
        Setting<Long> pod = r.pod().runAsUser();
        if (pod.is(0L)) {
            out.add(new Violation(Control.RUNNING_AS_NON_ROOT_USER, "the pod security context sets run_as_user = 0",
                    pod.keyPath(), pod.position()));
        }
        for (ContainerKind kind : ContainerKind.values()) {
            Setting<Long> own = r.context(kind).runAsUser();
            if (own.is(0L)) {
                out.add(new Violation(Control.RUNNING_AS_NON_ROOT_USER, kind.label()
                        + " container sets run_as_user = 0", own.keyPath(), own.position()));
            }
        }
        boolean rootAllowed = r.stringItems("allowed_users").stream()
                .anyMatch(s -> Ids.isZero(s.value()));
        if (rootAllowed && (!r.effectiveRunAsUser(ContainerKind.BUILD).isSet()
                || !r.effectiveRunAsUser(ContainerKind.SERVICE).isSet())) {
            notes.add("allowed_users lists UID 0, so a job can run its build or service containers as root "
                    + "(image:kubernetes:user \"0\"); Restricted admission would then reject that job");
        }
    }

    private static void seccompRestricted(KubernetesRunner r, List<Violation> out) {
        String podType = r.pod().seccomp().applied();
        if ("RuntimeDefault".equals(podType) || "Localhost".equals(podType)) {
            return;
        }
        List<String> unset = new ArrayList<>();
        for (ContainerKind kind : ContainerKind.values()) {
            String own = r.context(kind).seccomp().applied();
            if (own == null) {
                unset.add(kind.label());
            }
        }
        if (!unset.isEmpty()) {
            Setting<String> podSetting = r.pod().seccomp().type();
            out.add(new Violation(Control.SECCOMP_RESTRICTED, "no seccomp profile (RuntimeDefault or Localhost) in "
                    + "the pod security context nor in the context of " + join(unset), podSetting.keyPath(),
                    podSetting.isSet() ? podSetting.position() : null));
        }
    }

    private static void capabilitiesRestricted(KubernetesRunner r, List<Violation> out) {
        Map<Setting<List<String>>, List<String>> notDropped = new LinkedHashMap<>();
        Map<Setting<List<String>>, List<String>> added = new LinkedHashMap<>();
        Map<Setting<List<String>>, List<String>> addedCaps = new LinkedHashMap<>();
        for (ContainerKind kind : ContainerKind.values()) {
            Capabilities c = r.effectiveCapabilities(kind);
            if (!c.drop().contains("ALL")) {
                notDropped.computeIfAbsent(c.dropOrigin(), k -> new ArrayList<>()).add(kind.label());
            }
            List<String> extra = c.add().stream().filter(cap -> !cap.equals("NET_BIND_SERVICE")).toList();
            if (!extra.isEmpty()) {
                added.computeIfAbsent(c.addOrigin(), k -> new ArrayList<>()).add(kind.label());
                addedCaps.putIfAbsent(c.addOrigin(), extra);
            }
        }
        notDropped.forEach((origin, containers) -> out.add(new Violation(Control.CAPABILITIES_RESTRICTED,
                "ALL is not dropped for " + join(containers) + (origin.isSet() ? " (" + key(origin.keyPath()) + " = "
                        + origin.value() + ")" : " (gitlab-runner drops only NET_RAW by default)"),
                origin.keyPath(), origin.position())));
        added.forEach((origin, containers) -> out.add(new Violation(Control.CAPABILITIES_RESTRICTED,
                key(origin.keyPath()) + " adds " + join(addedCaps.get(origin)) + " to " + join(containers)
                        + " (only NET_BIND_SERVICE may be added)", origin.keyPath(), origin.position())));
    }

    /** The Kubernetes API refuses a container that is privileged but forbids privilege escalation. */
    private static void invalidCombination(KubernetesRunner r, List<String> notes) {
        List<String> refused = new ArrayList<>();
        for (ContainerKind kind : ContainerKind.values()) {
            if (r.effectivePrivileged(kind).is(Boolean.TRUE)
                    && r.effectiveAllowPrivilegeEscalation(kind).is(Boolean.FALSE)) {
                refused.add(kind.label());
            }
        }
        if (!refused.isEmpty()) {
            notes.add("the Kubernetes API refuses pods whose " + join(refused) + " containers are privileged with "
                    + "allow_privilege_escalation = false, so such jobs fail before admission");
        }
    }

    /** Jobs that may set pod annotations can turn AppArmor off for their containers with the beta annotation. */
    private static void jobAnnotations(KubernetesRunner r, List<String> notes) {
        String regex = r.string("pod_annotations_overwrite_allowed").value();
        if (regex == null || regex.isEmpty()) {
            return;
        }
        String probe = APPARMOR_ANNOTATION + "build=unconfined";
        if (GoRegex.compile(regex) instanceof GoRegex.Translated t) {
            try {
                if (t.matchString(probe)) {
                    notes.add("pod_annotations_overwrite_allowed accepts \"" + probe + "\", so a job can turn "
                            + "AppArmor off for its containers (KUBERNETES_POD_ANNOTATIONS_*); Baseline admission "
                            + "would reject that job");
                }
            } catch (GoRegex.TooComplexException e) {
                // not judged
            }
        }
    }

    // ---- pod_spec patches -------------------------------------------------------------------------------------

    private static void patches(KubernetesRunner r, List<Violation> out, List<String> notes) {
        List<PodSpecEntry> entries = r.podSpecs();
        if (entries.isEmpty()) {
            return;
        }
        Boolean flag = r.advancedPodSpecFlag();
        if (Boolean.FALSE.equals(flag)) {
            notes.add("pod_spec patches are ignored: [runners.feature_flags] turns "
                    + "FF_USE_ADVANCED_POD_SPEC_CONFIGURATION off");
            return;
        }
        if (flag == null) {
            notes.add("pod_spec patches apply only when FF_USE_ADVANCED_POD_SPEC_CONFIGURATION is on; a job can turn "
                    + "it on with a CI variable because [runners.feature_flags] does not set it; they are judged "
                    + "as if applied");
        }
        for (PodSpecEntry e : entries) {
            if (e.patch().value() == null) {
                if (e.patchPath().value() != null) {
                    notes.add("pod_spec \"" + e.name() + "\" reads its patch from " + e.patchPath().value()
                            + " at job time; it is not inspected");
                }
                continue;
            }
            PatchScanner.Scan scan = PatchScanner.scan(e.patch().value(), e.patchType());
            if (scan.textual()) {
                notes.add("pod_spec \"" + e.name() + "\" is YAML: its keys were found textually, not parsed");
            }
            for (PatchSetting s : scan.settings()) {
                Control c = patchViolation(s);
                if (c != null) {
                    out.add(new Violation(c, "pod_spec \"" + e.name() + "\" sets " + s.location() + " = "
                            + s.value(), e.patch().keyPath(), e.patch().position()));
                } else if (improves(s)) {
                    notes.add("pod_spec \"" + e.name() + "\" sets " + s.location() + " = " + s.value()
                            + "; patches that tighten settings are not credited, check the result on a cluster");
                }
            }
        }
    }

    /** The control a patch setting fails, or null. */
    public static @Nullable Control patchViolation(PatchSetting s) {
        String k = s.key();
        Object value = s.value();
        String parent = s.parent();
        if (k.equals("hostProcess") && s.isTrue()) {
            return Control.HOST_PROCESS;
        }
        if ((k.equals("hostNetwork") || k.equals("hostPID") || k.equals("hostIPC")) && s.isTrue()) {
            return Control.HOST_NAMESPACES;
        }
        if (k.equals("privileged") && s.isTrue()) {
            return Control.PRIVILEGED_CONTAINERS;
        }
        if (parent.equals("add") && s.ancestor(1).equals("capabilities") && value instanceof String cap) {
            return BASELINE_CAPABILITIES.contains(cap) ? (cap.equals("NET_BIND_SERVICE") ? null
                    : Control.CAPABILITIES_RESTRICTED) : Control.CAPABILITIES_BASELINE;
        }
        if (k.equals("hostPath") && value != PatchScanner.REMOVED) {
            return Control.HOST_PATH_VOLUMES;
        }
        if (k.equals("hostPort") && value instanceof Number n && n.longValue() != 0) {
            return Control.HOST_PORTS;
        }
        if (k.equals("type") && "Unconfined".equals(value)) {
            if (parent.equals("appArmorProfile")) {
                return Control.APPARMOR;
            }
            if (parent.equals("seccompProfile")) {
                return Control.SECCOMP_BASELINE;
            }
        }
        if (parent.equals("seLinuxOptions") && value instanceof String text && !text.isEmpty()
                && (k.equals("user") || k.equals("role")
                || (k.equals("type") && !BASELINE_SELINUX_TYPES.contains(text)))) {
            return Control.SELINUX;
        }
        if (k.equals("procMount") && value instanceof String text && !text.equals("Default")) {
            return Control.PROC_MOUNT;
        }
        if (k.equals("name") && parent.equals("sysctls") && value instanceof String name
                && !SAFE_SYSCTLS.contains(name)) {
            return Control.SYSCTLS;
        }
        if (RESTRICTED_FORBIDDEN_VOLUME_SOURCES.contains(k) && value != PatchScanner.REMOVED) {
            return Control.VOLUME_TYPES;
        }
        if (k.equals("allowPrivilegeEscalation") && s.isTrue()) {
            return Control.PRIVILEGE_ESCALATION;
        }
        if (k.equals("runAsNonRoot") && Boolean.FALSE.equals(value)) {
            return Control.RUNNING_AS_NON_ROOT;
        }
        if (k.equals("runAsUser") && value instanceof Number n && n.longValue() == 0) {
            return Control.RUNNING_AS_NON_ROOT_USER;
        }
        return null;
    }

    private static boolean improves(PatchSetting s) {
        return (s.key().equals("allowPrivilegeEscalation") && Boolean.FALSE.equals(s.value()))
                || (s.key().equals("runAsNonRoot") && s.isTrue())
                || (s.key().equals("type") && s.parent().equals("seccompProfile")
                    && ("RuntimeDefault".equals(s.value()) || "Localhost".equals(s.value())))
                || (s.parent().equals("drop") && "ALL".equals(s.value()));
    }
}
