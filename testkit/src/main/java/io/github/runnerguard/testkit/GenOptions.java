package io.github.runnerguard.testkit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What the generator may produce: the executors, how many runners, settings forced to a value or never written.
 *
 * <p>Immutable and thread-safe.
 *
 * @param executors  the executors runners may have (at least one)
 * @param maxRunners the most runners (at least 1)
 * @param forced     model paths (from the runner, or {@code global.} paths) and the value each must have
 * @param omitted    model paths never written
 */
record GenOptions(List<String> executors, int maxRunners, Map<String, Object> forced, Set<String> omitted) {

    /** Every executor, up to 3 runners, nothing forced or omitted. */
    public static final GenOptions DEFAULTS = new GenOptions(Catalog.EXECUTORS, 3, Map.of(), Set.of());

    /** Checks and copies the parts. */
    public GenOptions {
        executors = List.copyOf(executors);
        forced = Map.copyOf(forced);
        omitted = Set.copyOf(omitted);
        if (maxRunners < 1) {
            throw new IllegalArgumentException("maxRunners must be at least 1: " + maxRunners);
        }
        for (String executor : executors) {
            if (!Catalog.EXECUTORS.contains(executor)) {
                throw new IllegalArgumentException("unknown executor '" + executor + "'; known: " + Catalog.EXECUTORS);
            }
        }
        for (String path : forced.keySet()) {
            if (omitted.contains(path)) {
                throw new IllegalArgumentException(path + " is both forced and omitted");
            }
        }
        if (usableExecutors(executors, forced).isEmpty()) {
            throw new IllegalArgumentException("no executor among " + executors + " has every forced setting "
                    + forced.keySet());
        }
    }

    /** The executors whose runners can carry every forced runner setting. */
    public List<String> usableExecutors() {
        return usableExecutors(executors, forced);
    }

    private static List<String> usableExecutors(List<String> executors, Map<String, Object> forced) {
        List<String> out = new ArrayList<>();
        for (String executor : executors) {
            boolean ok = forced.keySet().stream().filter(p -> !p.startsWith("global."))
                    .allMatch(p -> field(executor, p) != null);
            if (ok) {
                out.add(executor);
            }
        }
        return out;
    }

    /** The field at a runner model path for an executor, or null when that executor's runners do not have it. */
    public static Spec.@Nullable Field field(String executor, String path) {
        String[] segments = path.split("\\.");
        if (segments.length == 1) {
            if (segments[0].equals(Catalog.FEATURE_FLAGS.model())) {
                return Catalog.FEATURE_FLAGS;
            }
            return Catalog.RUNNER.field(segments[0]);
        }
        List<Spec.Table> candidates = new ArrayList<>(Catalog.SECTIONS_BY_EXECUTOR.get(executor));
        candidates.addAll(Catalog.COMMON_SECTIONS);
        Spec.Table table = candidates.stream().filter(t -> t.model().equals(segments[0])).findFirst().orElse(null);
        for (int i = 1; table != null && i < segments.length - 1; i++) {
            table = table.table(segments[i]);
        }
        return table == null ? null : table.field(segments[segments.length - 1]);
    }

    /** The field at a {@code global.} model path, or null. */
    public static Spec.@Nullable Field globalField(String path) {
        String[] segments = path.substring("global.".length()).split("\\.");
        Spec.Table table = Catalog.GLOBAL;
        for (int i = 0; table != null && i < segments.length - 1; i++) {
            table = table.table(segments[i]);
        }
        return table == null ? null : table.field(segments[segments.length - 1]);
    }

    /** Every model path a setting can be forced or omitted at, sorted. */
    public static Set<String> knownPaths() {
        Set<String> out = new TreeSet<>();
        addPaths(out, "global.", Catalog.GLOBAL);
        addPaths(out, "", Catalog.RUNNER);
        out.add(Catalog.FEATURE_FLAGS.model());
        for (List<Spec.Table> sections : Catalog.SECTIONS_BY_EXECUTOR.values()) {
            for (Spec.Table table : sections) {
                addPaths(out, table.model() + ".", table);
            }
        }
        for (Spec.Table table : Catalog.COMMON_SECTIONS) {
            addPaths(out, table.model() + ".", table);
        }
        return out;
    }

    private static void addPaths(Set<String> out, String prefix, Spec.Table table) {
        for (Spec.Field field : table.fields()) {
            out.add(prefix + field.model());
        }
        for (Spec.Table sub : table.tables()) {
            if (sub.typed()) {
                addPaths(out, prefix + sub.model() + ".", sub);
            }
        }
    }

    /**
     * Checks that {@code path} is a known setting and converts {@code value} to the model type of its field.
     *
     * @throws IllegalArgumentException for an unknown path or a value of the wrong type
     */
    public static Object checkedValue(String path, Object value) {
        Objects.requireNonNull(value, "value");
        Spec.Field field = null;
        if (path.startsWith("global.")) {
            field = globalField(path);
        } else {
            for (String executor : Catalog.EXECUTORS) {
                field = field(executor, path);
                if (field != null) {
                    break;
                }
            }
        }
        if (field == null) {
            throw new IllegalArgumentException("unknown setting '" + path + "'; known: " + knownPaths());
        }
        return switch (field.type()) {
            case BOOL -> cast(path, value, Boolean.class, "a Boolean");
            case INT -> Long.valueOf(cast(path, value, Number.class, "an integer number").longValue());
            case FLOAT -> Double.valueOf(cast(path, value, Number.class, "a number").doubleValue());
            case STRING -> cast(path, value, String.class, "a String");
            case STRINGS, STRING_OR_ARRAY -> stringList(path, value);
            case DURATION -> cast(path, value, Duration.class, "a java.time.Duration");
            case DATETIME -> cast(path, value, OffsetDateTime.class, "a java.time.OffsetDateTime");
            case BOOL_MAP -> boolMap(path, value);
        };
    }

    private static <T> T cast(String path, Object value, Class<T> type, String what) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(path + " takes " + what + ", not " + value.getClass().getName());
        }
        return type.cast(value);
    }

    private static List<String> stringList(String path, Object value) {
        if (!(value instanceof List<?> list) || list.stream().anyMatch(e -> !(e instanceof String))) {
            throw new IllegalArgumentException(path + " takes a List<String>");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static Map<String, Boolean> boolMap(String path, Object value) {
        if (!(value instanceof Map<?, ?> map) || map.entrySet().stream()
                .anyMatch(e -> !(e.getKey() instanceof String) || !(e.getValue() instanceof Boolean))) {
            throw new IllegalArgumentException(path + " takes a Map<String, Boolean>");
        }
        java.util.Map<String, Boolean> out = new java.util.TreeMap<>();
        map.forEach((k, v) -> out.put((String) k, (Boolean) v));
        return Map.copyOf(out);
    }
}
