package io.github.runnerguard.audit;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import io.github.runnerguard.spi.Finding;
import org.jspecify.annotations.Nullable;

/**
 * A finding as reported: the rule's finding (severity after policy, secrets masked), the rule's title and help
 * link, and whether it is suppressed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param finding     the finding
 * @param title       the title of the rule that reported it
 * @param helpUri     the rule's documentation, or null when unknown
 * @param suppression why it is suppressed, or null when it is not
 */
public record AuditFinding(Finding finding, String title, @Nullable URI helpUri, @Nullable Suppression suppression) {

    /** Checks the parts. */
    public AuditFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(title, "title");
    }

    /** True when a comment or waiver suppresses it. */
    public boolean suppressed() {
        return suppression != null;
    }

    /** The suppression's reason, if suppressed. */
    public Optional<String> suppressionReason() {
        return suppression == null ? Optional.empty() : Optional.of(suppression.reason());
    }

    /** The same finding, suppressed for {@code why}. */
    AuditFinding suppressedBy(Suppression why) {
        return new AuditFinding(finding, title, helpUri, why);
    }
}
