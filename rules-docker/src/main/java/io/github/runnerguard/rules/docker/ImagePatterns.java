package io.github.runnerguard.rules.docker;

import java.util.List;
import java.util.Optional;

/**
 * Facts about the doublestar glob lists of {@code [runners.docker]} ({@code allowed_images}, {@code allowed_services},
 * {@code allowed_privileged_images}, {@code allowed_privileged_services}, the keys of {@code services_devices}).
 *
 * <p>gitlab-runner matches an image name against each pattern with {@code doublestar.Match} and stops at the first
 * match ({@code common/allowed_images.go}, {@code isInAllowedPrivilegedImages} in {@code executors/docker/docker.go});
 * an empty list allows every image. Nothing treats a leading {@code !} as an exclusion: doublestar reads it as a
 * literal character, so such an entry matches no real image name.
 *
 * <p>Stateless and thread-safe.
 */
final class ImagePatterns {

    private ImagePatterns() {
    }

    /**
     * True when the pattern places no real restriction on image names: it is made only of {@code *}, {@code /} and
     * {@code :} (<code>**</code>, <code>*</code>, <code>**&#47;*</code>, <code>*&#47;*:*</code>, ...).
     * {@code *} alone still stops at a {@code /}, but it admits every Docker Hub official image under any tag.
     */
    static boolean matchesEverything(String pattern) {
        if (pattern.indexOf('*') < 0) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '*' && c != '/' && c != ':') {
                return false;
            }
        }
        return true;
    }

    /** The first match-everything pattern of the list, if any. */
    static Optional<String> firstMatchAll(List<String> patterns) {
        return patterns.stream().filter(ImagePatterns::matchesEverything).findFirst();
    }

    /** True when the entry looks like an exclusion (<code>!*&#47;kali*</code>), which gitlab-runner does not have. */
    static boolean isNegation(String pattern) {
        return pattern.startsWith("!");
    }

    /**
     * True when the allow-list lets at least one image through: it is empty (every image), or one of its entries is not
     * a {@code !} entry (which matches no real image name).
     */
    static boolean admitsSome(List<String> allowList) {
        return allowList.isEmpty() || allowList.stream().anyMatch(pattern -> !isNegation(pattern));
    }

    /** True when the allow-list limits which images it admits: it is not empty and has no match-everything pattern. */
    static boolean restricts(List<String> allowList) {
        return !allowList.isEmpty() && firstMatchAll(allowList).isEmpty();
    }
}
