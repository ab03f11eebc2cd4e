package io.github.runnerguard.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import io.github.runnerguard.spi.Finding;

/**
 * Computes {@link Finding#fingerprint()} for the findings of one report faster than the finding does: one SHA-256
 * digest and one buffer for them all, and the runner prefix of the key path cut off without a regular expression.
 * The result is always the same string as {@link Finding#fingerprint()}.
 *
 * <p>Not thread-safe: one instance per report being written.
 */
final class Fingerprints {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private byte[] buffer = new byte[256];

    /** A fingerprinter with its own digest. */
    Fingerprints() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The fingerprint of {@code finding}, equal to {@link Finding#fingerprint()}. */
    String of(Finding finding) {
        String runnerName = finding.runner() == null ? "" : finding.runner().name();
        String keyPath = finding.keyPath();
        int relative = runnerPrefixEnd(keyPath);
        int length = 0;
        length = put(finding.ruleId(), 0, length);
        length = put(finding.file(), 0, length);
        length = put(runnerName, 0, length);
        length = putLast(keyPath, relative, length);
        if (length < 0) {
            // not ASCII: let the JDK encode it, as Finding does
            String material = finding.ruleId() + '\u0000' + finding.file() + '\u0000' + runnerName + '\u0000'
                    + keyPath.substring(relative);
            byte[] bytes = material.getBytes(StandardCharsets.UTF_8);
            return HEX.formatHex(sha256.digest(bytes), 0, 16);
        }
        sha256.update(buffer, 0, length);
        return HEX.formatHex(sha256.digest(), 0, 16);
    }

    /**
     * Where the key path goes on after {@code ^runners\[\d+]\.?} (what {@link Finding#fingerprint()} removes), or 0
     * when it does not start so.
     */
    static int runnerPrefixEnd(String keyPath) {
        String prefix = "runners[";
        if (!keyPath.startsWith(prefix)) {
            return 0;
        }
        int end = prefix.length();
        while (end < keyPath.length() && keyPath.charAt(end) >= '0' && keyPath.charAt(end) <= '9') {
            end++;
        }
        if (end == prefix.length() || end >= keyPath.length() || keyPath.charAt(end) != ']') {
            return 0;
        }
        end++;
        return end < keyPath.length() && keyPath.charAt(end) == '.' ? end + 1 : end;
    }

    /** Appends the ASCII text and a NUL; -1 (and stays -1) when the text is not ASCII. */
    private int put(String text, int from, int length) {
        int end = putLast(text, from, length);
        if (end < 0) {
            return -1;
        }
        buffer[end] = 0;
        return end + 1;
    }

    /** Appends the ASCII text from {@code from}; -1 (and stays -1) when it is not ASCII. */
    private int putLast(String text, int from, int length) {
        if (length < 0) {
            return -1;
        }
        int needed = length + text.length() - from + 1;
        if (needed > buffer.length) {
            byte[] larger = new byte[Math.max(needed, buffer.length * 2)];
            System.arraycopy(buffer, 0, larger, 0, length);
            buffer = larger;
        }
        int at = length;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return -1;
            }
            buffer[at++] = (byte) c;
        }
        return at;
    }
}
