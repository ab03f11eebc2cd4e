package io.github.runnerguard.audit;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown when a policy file cannot be used: unreadable, not TOML, an unknown key, a bad value, a waiver without a
 * reason, a rule id no rule answers to. It lists every problem found, each with its line and column.
 *
 * <p>Its message is {@code source:line:column: problem}, one problem per line, with secrets masked.
 */
public final class PolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<PolicyProblem> problems;

    /**
     * Creates the exception.
     *
     * @param source   the policy file's name
     * @param problems what is wrong; at least one
     */
    public PolicyException(String source, List<PolicyProblem> problems) {
        super(render(source, problems));
        this.source = Objects.requireNonNull(source, "source");
        this.problems = List.copyOf(problems);
    }

    /** The policy file's name. */
    public String source() {
        return source;
    }

    /** Every problem, in file order. */
    public List<PolicyProblem> problems() {
        return problems;
    }

    private static String render(String source, List<PolicyProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a policy exception needs at least one problem");
        }
        return problems.stream()
                .map(p -> source + (p.position() == null ? "" : ":" + p.position().line() + ":" + p.position().column())
                        + ": " + Redactor.patterns().redact(p.message()))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
