package io.github.runnerguard.testkit.internal;

import java.util.List;
import io.github.runnerguard.spi.Finding;

/**
 * One-line descriptions of findings for assertion failure messages.
 *
 * <p>Stateless and thread-safe.
 */
public final class FindingFormat {

    private FindingFormat() {
    }

    /**
     * Describes a finding: {@code docker.privileged high at 5:3, runner #0 "builder", key
     * runners[0].docker.privileged: message}.
     */
    public static String describe(Finding finding) {
        StringBuilder out = new StringBuilder();
        out.append(finding.ruleId()).append(' ').append(finding.severity().id());
        out.append(finding.position() == null ? " (no position)" : " at " + finding.position());
        if (finding.runner() != null) {
            out.append(", runner #").append(finding.runner().index())
                    .append(" \"").append(finding.runner().name()).append('"');
        }
        out.append(", key ").append(finding.keyPath().isEmpty() ? "(none)" : finding.keyPath());
        out.append(": ").append(finding.message());
        return out.toString();
    }

    /** A numbered list of findings, one per line, each line indented by two spaces; "(none)" when empty. */
    public static String list(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "  (none)\n";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < findings.size(); i++) {
            out.append("  ").append(i + 1).append(". ").append(describe(findings.get(i))).append('\n');
        }
        return out.toString();
    }
}
