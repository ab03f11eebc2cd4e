package io.github.runnerguard.internal.bind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The suggester of unknown keys: it finds the known key an unknown key was probably meant to be, in the same section,
 * or in another section when the key was written in the wrong place.
 *
 * <p>Keys are compared lower-cased with {@code _} and {@code -} removed ({@code allowPrivilegeEscalation} is
 * {@code allow_privilege_escalation} written the Kubernetes way), then by edit distance ({@code buids_dir} is one
 * letter from {@code builds_dir}). In order: the same section's key that is equal so compared; a key of another
 * section that is equal so compared (the nearest ancestor section first, then the section sharing the longest path
 * prefix, then the shallower); the same section's key at edit distance 1, then at a distance that grows with the key's
 * length; the same section's key contained in the unknown one ({@code metric_queries} for {@code queries}). Keys
 * gitlab-runner renamed or dropped (section 6 of the reference) get their replacement first:
 * {@code pre_clone_script} and {@code post_clone_script} (removed in 17.0) become {@code pre_get_sources_script} and
 * {@code post_get_sources_script}; Kubernetes' {@code terminationGracePeriodSeconds} becomes
 * {@code pod_termination_grace_period_seconds}.
 *
 * <p>Immutable and thread-safe.
 */
final class KeySuggester {

    /**
     * A suggestion.
     *
     * @param key     the known key, canonical
     * @param section the section it belongs to when that is another section, else null
     */
    record Suggestion(String key, Schema.@Nullable Section section) {
    }

    private record Place(Schema.Section section, String key, int order) {
    }

    /** Removed or renamed keys, normalized, and the key that replaced them. */
    private static final Map<String, String> REPLACED = Map.of(
            "preclonescript", "pre_get_sources_script",
            "postclonescript", "post_get_sources_script",
            "terminationgraceperiodseconds", "pod_termination_grace_period_seconds");

    private final Map<String, List<Place>> byNormalized = new HashMap<>();
    /** Per struct, the normalized keys of its fields in struct order. */
    private final Map<String, String[]> normalizedFields = new HashMap<>();

    KeySuggester(Schema schema) {
        for (Schema.Struct struct : schema.structs()) {
            normalizedFields.put(struct.name(),
                    struct.fields().stream().map(f -> normalize(f.key())).toArray(String[]::new));
        }
        int order = 0;
        for (Schema.Section section : schema.sections()) {
            if (section.kind() == Schema.SectionKind.MAP) {
                continue;
            }
            for (Schema.Field field : schema.struct(section.type()).fields()) {
                byNormalized.computeIfAbsent(normalize(field.key()), k -> new ArrayList<>())
                        .add(new Place(section, field.key(), order++));
            }
        }
    }

    /** Lower-cased, without {@code _} and {@code -}. */
    static String normalize(String key) {
        StringBuilder out = new StringBuilder(key.length());
        String lower = key.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c != '_' && c != '-') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The suggestion for {@code key}, written in the struct {@code struct} at section path {@code sectionPath}, or
     * null when no known key is near.
     */
    @Nullable Suggestion suggest(Schema.Struct struct, String sectionPath, String key) {
        String normalized = normalize(key);
        String[] known = normalizedFields.get(struct.name());
        if (known == null) {
            throw new IllegalArgumentException("struct " + struct.name() + " is not in the schema");
        }
        List<Schema.Field> fields = struct.fields();
        String replacement = REPLACED.get(normalized);
        if (replacement != null && struct.exact(replacement) != null) {
            return new Suggestion(replacement, null);
        }
        for (int i = 0; i < known.length; i++) {
            if (known[i].equals(normalized)) {
                return new Suggestion(fields.get(i).key(), null);
            }
        }
        Place elsewhere = elsewhere(struct, sectionPath, normalized);
        int close = closest(known, normalized, 1);
        if (close >= 0) {
            return new Suggestion(fields.get(close).key(), null);
        }
        if (elsewhere != null) {
            return new Suggestion(elsewhere.key(), elsewhere.section());
        }
        close = closest(known, normalized, threshold(normalized.length()));
        if (close >= 0) {
            return new Suggestion(fields.get(close).key(), null);
        }
        int contained = -1;
        for (int i = 0; i < known.length; i++) {
            if (known[i].length() >= 4 && normalized.contains(known[i])
                    && (contained < 0 || known[i].length() > known[contained].length())) {
                contained = i;
            }
        }
        return contained < 0 ? null : new Suggestion(fields.get(contained).key(), null);
    }

    private @Nullable Place elsewhere(Schema.Struct struct, String sectionPath, String normalized) {
        List<Place> places = byNormalized.get(normalized);
        if (places == null) {
            return null;
        }
        Place best = null;
        int[] bestRank = null;
        for (Place place : places) {
            if (place.section().type().equals(struct.name())) {
                continue;
            }
            int[] rank = rank(sectionPath, place);
            if (best == null || compare(rank, bestRank) < 0) {
                best = place;
                bestRank = rank;
            }
        }
        return best;
    }

    /** Lower ranks first: ancestor (nearest first), longest shared prefix, shallowest, schema order. */
    private static int[] rank(String sectionPath, Place place) {
        String path = place.section().path();
        String[] here = sectionPath.isEmpty() ? new String[0] : sectionPath.split("\\.");
        String[] there = path.isEmpty() ? new String[0] : path.split("\\.");
        int shared = 0;
        while (shared < here.length && shared < there.length && here[shared].equals(there[shared])) {
            shared++;
        }
        boolean ancestor = shared == there.length;
        return new int[] {ancestor ? 0 : 1, ancestor ? -there.length : -shared, there.length, place.order()};
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Integer.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int threshold(int length) {
        if (length <= 3) {
            return 0;
        }
        if (length <= 5) {
            return 1;
        }
        return length <= 10 ? 2 : 3;
    }

    /** The index of the closest known key within {@code limit} edits, or -1. */
    private static int closest(String[] known, String normalized, int limit) {
        if (limit < 1 || normalized.length() <= 3) {
            return -1;
        }
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < known.length; i++) {
            if (Math.abs(known[i].length() - normalized.length()) > limit) {
                continue;
            }
            int distance = distance(known[i], normalized);
            if (distance <= limit && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
            }
        }
        return d[a.length()][b.length()];
    }
}
