package io.github.runnerguard.internal.bind;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Go's case folding: {@code strings.EqualFold} and {@code unicode.SimpleFold}, which gitlab-runner's TOML decoder uses
 * to match a key to a struct field when no tag is exactly equal.
 *
 * <p>Go folds by Unicode simple case folding: two runes are equal under folding when they are in the same "case
 * orbit", the set of runes that simple case folding maps to one another ({@code K}, {@code k} and U+212A KELVIN
 * SIGN; {@code S}, {@code s} and U+017F LONG S; {@code ß} and U+1E9E; {@code θ}, {@code ϑ}, {@code Θ}, {@code ϴ}).
 * Java's {@link String#equalsIgnoreCase} compares {@code toUpperCase} and then {@code toLowerCase} of each char, which
 * puts U+0130 (İ) and U+0131 (ı) in the orbit of {@code i}/{@code I}. Unicode's CaseFolding.txt has only Turkic
 * ({@code T}) and full ({@code F}) mappings for those two, no common or simple one, so Go's {@code SimpleFold}
 * returns them unchanged (Go's own tests list them as "has lower/upper but no case fold"): Go says
 * {@code EqualFold("İ", "i")} and {@code EqualFold("ı", "I")} are false, Java's {@code equalsIgnoreCase} says true.
 *
 * <p>The orbits are built once from the JVM's {@link Character} case data: a code point's orbit key is
 * {@code toLowerCase(toUpperCase(c))}, with U+0130 and U+0131 kept out of the {@code i} orbit for the reason above.
 * This reproduces simple case folding for every pair in CaseFolding.txt's {@code C} and {@code S} sets of the
 * Unicode version the JVM implements (Java 17: Unicode 13); characters Unicode added later have no orbit here.
 *
 * <p>Stateless and thread-safe; the orbit tables are built on the first non-ASCII code point.
 */
public final class GoFold {

    /**
     * The orbit tables, built from every code point on first use: only keys with a non-ASCII character need them
     * (building them walks all 1,114,112 code points, a noticeable part of a short command's start-up).
     */
    private static final class Orbits {
        /** Code points that are in an orbit of two or more, ascending. */
        static final int[] FOLDABLE;
        /** For each entry of {@link #FOLDABLE}: the next code point of its orbit, wrapping to the smallest. */
        static final int[] NEXT;
        /** For each entry of {@link #FOLDABLE}: the smallest code point of its orbit. */
        static final int[] SMALLEST;

        static {
            Map<Integer, int[]> orbits = new HashMap<>();
            int[] keys = new int[Character.MAX_CODE_POINT + 1];
            int count = 0;
            for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
                int key = orbitKey(c);
                keys[c] = key;
                if (key != c) {
                    count++;
                }
            }
            // Group every code point with its key; a group of one is no orbit.
            Map<Integer, Integer> sizes = new HashMap<>(count * 2);
            for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
                if (keys[c] != c) {
                    sizes.merge(keys[c], 1, Integer::sum);
                }
            }
            int total = 0;
            for (Map.Entry<Integer, Integer> entry : sizes.entrySet()) {
                int key = entry.getKey();
                // The key belongs to its own orbit only when it maps to itself.
                int size = entry.getValue() + (keys[key] == key ? 1 : 0);
                orbits.put(key, new int[size]);
                total += size;
            }
            Map<Integer, Integer> filled = new HashMap<>();
            for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
                int key = keys[c];
                int[] orbit = orbits.get(key);
                if (orbit != null && (key != c || keys[key] == key)) {
                    int at = filled.merge(key, 1, Integer::sum) - 1;
                    orbit[at] = c;
                }
            }
            int[] foldable = new int[total];
            int[] next = new int[total];
            int[] smallest = new int[total];
            int at = 0;
            for (int[] orbit : orbits.values()) {
                Arrays.sort(orbit);
                for (int i = 0; i < orbit.length; i++) {
                    foldable[at] = orbit[i];
                    next[at] = orbit[(i + 1) % orbit.length];
                    smallest[at] = orbit[0];
                    at++;
                }
            }
            Integer[] order = new Integer[total];
            for (int i = 0; i < total; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(foldable[a], foldable[b]));
            FOLDABLE = new int[total];
            NEXT = new int[total];
            SMALLEST = new int[total];
            for (int i = 0; i < total; i++) {
                FOLDABLE[i] = foldable[order[i]];
                NEXT[i] = next[order[i]];
                SMALLEST[i] = smallest[order[i]];
            }
        }

        private Orbits() {
        }
    }

    private GoFold() {
    }

    private static int orbitKey(int c) {
        if (c == 0x130 || c == 0x131) {
            return c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * Go's {@code unicode.SimpleFold}: the smallest code point greater than {@code r} that is equivalent to it under
     * simple case folding, or, when there is none, the smallest equivalent code point (possibly {@code r} itself).
     * Values outside the Unicode range are returned unchanged.
     */
    public static int simpleFold(int r) {
        if (r < 0 || r > Character.MAX_CODE_POINT) {
            return r;
        }
        int at = Arrays.binarySearch(Orbits.FOLDABLE, r);
        return at < 0 ? r : Orbits.NEXT[at];
    }

    /**
     * Go's {@code strings.EqualFold}: whether {@code s} and {@code t}, read as sequences of code points, are equal
     * under simple Unicode case folding. Follows Go's loop: equal runes match, an ASCII pair matches only as an
     * upper/lower-case letter pair, otherwise the orbit of the smaller rune is walked up to the larger one.
     */
    public static boolean equalFold(String s, String t) {
        int i = 0;
        int j = 0;
        while (i < s.length() && j < t.length()) {
            int sr = s.codePointAt(i);
            int tr = t.codePointAt(j);
            i += Character.charCount(sr);
            j += Character.charCount(tr);
            if (sr == tr) {
                continue;
            }
            if (tr < sr) {
                int swap = tr;
                tr = sr;
                sr = swap;
            }
            if (tr < 0x80) {
                if ('A' <= sr && sr <= 'Z' && tr == sr + 'a' - 'A') {
                    continue;
                }
                return false;
            }
            int r = simpleFold(sr);
            while (r != sr && r < tr) {
                r = simpleFold(r);
            }
            if (r == tr) {
                continue;
            }
            return false;
        }
        return i == s.length() && j == t.length();
    }

    /**
     * A key such that {@code foldKey(a).equals(foldKey(b))} exactly when {@code equalFold(a, b)}: every code point is
     * replaced by the smallest code point of its orbit. Lets a table of field names be searched in constant time.
     */
    public static String foldKey(String s) {
        StringBuilder key = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int width = Character.charCount(c);
            int smallest;
            if (c < 0x80) {
                // An ASCII letter's orbit holds its two cases (and for k and s a larger non-ASCII code point).
                smallest = 'a' <= c && c <= 'z' ? c - ('a' - 'A') : c;
            } else {
                int at = Arrays.binarySearch(Orbits.FOLDABLE, c);
                smallest = at < 0 ? c : Orbits.SMALLEST[at];
            }
            if (smallest != c && key == null) {
                key = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (key != null) {
                key.appendCodePoint(smallest);
            }
            i += width;
        }
        return key == null ? s : key.toString();
    }
}
