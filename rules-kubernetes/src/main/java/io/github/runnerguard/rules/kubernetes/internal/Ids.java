package io.github.runnerguard.rules.kubernetes.internal;

import org.jspecify.annotations.Nullable;

/** UID and GID strings as gitlab-runner reads them ({@code strconv.ParseInt(s, 10, 64)}). Stateless. */
public final class Ids {

    private Ids() {
    }

    /** True when {@code text} parses as the number 0 ({@code 0}, {@code 00}, {@code +0}, {@code -0}). */
    public static boolean isZero(@Nullable String text) {
        if (text == null || !text.matches("[+-]?[0-9]+")) {
            return false;
        }
        return text.replaceFirst("^[+-]", "").chars().allMatch(c -> c == '0');
    }
}
