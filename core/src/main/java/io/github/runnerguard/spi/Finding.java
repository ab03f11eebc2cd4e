package io.github.runnerguard.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import io.github.runnerguard.config.Position;
import org.jspecify.annotations.Nullable;

/**
 * One problem a rule found in one config file.
 *
 * <p>Messages name the runner and the value but never a secret. Immutable and thread-safe.
 *
 * @param ruleId      the id of the rule that found it
 * @param severity    the effective severity (after tenancy; policy overrides are applied by the engine)
 * @param message     what is wrong here, specifically
 * @param file        the file it is in, as the audit named it
 * @param runner      the runner it belongs to, or null for a global setting
 * @param keyPath     the dotted key path of its cause ({@code runners[0].docker.privileged}); for an absence, the path
 *                    of the missing key
 * @param position    the key that causes it, or the {@code [[runners]]} header when the cause is an absence; null
 *                    when the finding has no place in the file
 * @param remediation what to do about it
 */
public record Finding(String ruleId, Severity severity, String message, String file, @Nullable RunnerRef runner,
                      String keyPath, @Nullable Position position, String remediation) {

    /** Checks the required parts. */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(remediation, "remediation");
    }

    /**
     * A stable fingerprint: a hash of the rule id, file, runner name and the key path within the runner. It does not
     * depend on the line, so it survives edits that move the key, and it does not depend on the runner's index.
     */
    public String fingerprint() {
        String runnerName = runner == null ? "" : runner.name();
        String relativePath = keyPath.replaceFirst("^runners\\[\\d+]\\.?", "");
        String material = ruleId + '\u0000' + file + '\u0000' + runnerName + '\u0000' + relativePath;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The same finding with another severity. */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, message, file, runner, keyPath, position, remediation);
    }
}
