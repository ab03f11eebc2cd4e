package io.github.runnerguard.report;

/** Escaping for XML and HTML text and attribute values. */
final class Markup {

    private Markup() {
    }

    /**
     * The text escaped for XML 1.0 and HTML, in content and in double- or single-quoted attributes: {@code & < > " '}
     * become references, and characters XML 1.0 forbids (control characters other than tab, line feed and carriage
     * return, unpaired surrogates, U+FFFE and U+FFFF) become U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement == null && !allowed(text, i)) {
                replacement = "\uFFFD";
            }
            if (replacement == null && Character.isHighSurrogate(c)) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean allowed(String text, int i) {
        char c = text.charAt(i);
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return !Character.isLowSurrogate(c);
    }
}
