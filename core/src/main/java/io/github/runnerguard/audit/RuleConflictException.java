package io.github.runnerguard.audit;

import java.util.List;

/**
 * Thrown when two different rule classes claim the same rule id (or one's alias is the other's id): results and
 * suppressions could no longer be told apart, so discovery refuses to choose.
 *
 * <p>The message names both classes and the jar or directory each came from.
 */
public final class RuleConflictException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> conflicts;

    RuleConflictException(List<String> conflicts) {
        super(String.join(System.lineSeparator(), conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    /** One sentence per conflicting id. */
    public List<String> conflicts() {
        return conflicts;
    }
}
