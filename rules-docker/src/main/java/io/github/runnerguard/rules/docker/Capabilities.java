package io.github.runnerguard.rules.docker;

import java.util.List;
import java.util.Locale;

/**
 * Linux capabilities as Docker computes them from {@code cap_add} and {@code cap_drop}.
 *
 * <p>Names are compared the way Docker normalises them (upper case, with or without a {@code CAP_} prefix), and the
 * effective set follows Docker Engine's {@code TweakCapabilities}: a privileged container has every capability;
 * {@code cap_add = ["ALL"]} grants all but those dropped; {@code cap_drop = ["ALL"]} keeps only those added; otherwise
 * the default set minus the dropped plus the added (an added capability wins over a dropped one). Docker's default set
 * includes {@code SETUID} and {@code SETGID}.
 *
 * <p>Stateless and thread-safe.
 */
final class Capabilities {

    /** The value that stands for every capability in {@code cap_add} and {@code cap_drop}. */
    static final String ALL = "ALL";

    private Capabilities() {
    }

    /** {@code cap_sys_admin}, {@code CAP_SYS_ADMIN} and {@code SYS_ADMIN} all become {@code SYS_ADMIN}. */
    static String normalize(String capability) {
        String upper = capability.trim().toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper.substring(4) : upper;
    }

    /** True when the list names the capability (any spelling). */
    static boolean contains(List<String> capabilities, String capability) {
        if (capabilities.isEmpty()) {
            return false;
        }
        String wanted = normalize(capability);
        for (String c : capabilities) {
            if (names(c, wanted)) {
                return true;
            }
        }
        return false;
    }

    /** {@code normalize(capability).equals(wanted)}, without building the normalized name for ASCII names. */
    private static boolean names(String capability, String wanted) {
        int start = 0;
        int end = capability.length();
        for (int i = 0; i < end; i++) {
            if (capability.charAt(i) >= 128) {
                return normalize(capability).equals(wanted);
            }
        }
        while (start < end && capability.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && capability.charAt(end - 1) <= ' ') {
            end--;
        }
        if (end - start >= 4 && capability.regionMatches(true, start, "CAP_", 0, 4)) {
            start += 4;
        }
        return end - start == wanted.length() && upperCaseMatches(capability, start, wanted);
    }

    /** The ASCII characters from {@code start} upper-cased equal {@code wanted} (already upper case). */
    private static boolean upperCaseMatches(String capability, int start, String wanted) {
        for (int i = 0; i < wanted.length(); i++) {
            char c = capability.charAt(start + i);
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - ('a' - 'A'));
            }
            if (c != wanted.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** True when a (non-privileged, unless {@code privileged}) build container keeps the capability. */
    static boolean kept(String capability, List<String> add, List<String> drop, boolean privileged) {
        if (privileged) {
            return true;
        }
        if (contains(add, ALL)) {
            return !contains(drop, capability);
        }
        if (contains(drop, ALL)) {
            return contains(add, capability);
        }
        return !contains(drop, capability) || contains(add, capability);
    }
}
