package io.github.runnerguard.rules.kubernetes.internal;

import java.util.regex.Pattern;

/**
 * The glob syntax of gitlab-runner's {@code allowed_images} and {@code allowed_services} ({@code doublestar.Match}):
 * {@code *} matches within a path segment, {@code **} as a whole segment matches any number of segments, {@code ?}
 * one character, {@code [...]} a class, {@code {a,b}} alternatives, a backslash escapes. There is no negation: a
 * leading {@code !} is an ordinary character. Stateless and thread-safe.
 */
public final class DoublestarGlob {

    private DoublestarGlob() {
    }

    /** True when {@code glob} matches the whole of {@code name}; false for a malformed glob. */
    public static boolean matches(String glob, String name) {
        try {
            return Pattern.compile(toRegex(glob), Pattern.DOTALL).matcher(name).matches();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubled = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
                int after = doubled ? i + 2 : i + 1;
                boolean segmentEnd = after == glob.length() || glob.charAt(after) == '/';
                if (doubled && segmentStart && segmentEnd) {
                    if (after < glob.length()) {
                        re.append("(?:.*/)?");
                        i = after + 1;
                    } else {
                        re.append(".*");
                        i = after;
                    }
                    continue;
                }
                re.append("[^/]*");
                i = after;
                continue;
            }
            switch (c) {
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed [");
                    }
                    String body = glob.substring(i + 1, end);
                    if (body.startsWith("!") || body.startsWith("^")) {
                        body = "^" + body.substring(1);
                    }
                    re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = end;
                }
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        re.append(')');
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        if (braces != 0) {
            throw new IllegalArgumentException("unbalanced {");
        }
        return re.toString();
    }
}
