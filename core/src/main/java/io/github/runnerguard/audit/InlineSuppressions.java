package io.github.runnerguard.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.github.runnerguard.config.Comment;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RunnerRef;
import org.jspecify.annotations.Nullable;

/**
 * The {@code # runnerguard:ignore <rule-id>[,<rule-id>...] [until YYYY-MM-DD] -- <reason>} comments of one config.
 *
 * <p>A comment at the end of a line applies to that line. A comment alone on its line applies to the next line; a
 * block of such comments stacked directly above a line all apply to it. Nothing else (a blank line, another comment)
 * may come between. Immutable once read.
 */
final class InlineSuppressions {

    static final String MARKER = "runnerguard:ignore";

    private final Map<Integer, List<Entry>> byLine;
    private final List<Problem> problems;

    private InlineSuppressions(Map<Integer, List<Entry>> byLine, List<Problem> problems) {
        this.byLine = byLine;
        this.problems = problems;
    }

    /** One usable suppression. */
    record Entry(Set<String> ruleIds, String reason, @Nullable LocalDate until, Position position) {
    }

    /** A comment that suppresses nothing, and why. */
    record Problem(String ruleId, String message, Position position) {
    }

    static InlineSuppressions read(RunnerConfig config, RuleRegistry registry, LocalDate today) {
        List<Comment> marked = new ArrayList<>();
        Set<Integer> standaloneLines = new HashSet<>();
        for (Comment comment : config.comments()) {
            if (comment.text().strip().startsWith(MARKER)) {
                marked.add(comment);
                if (!comment.trailing()) {
                    standaloneLines.add(comment.position().line());
                }
            }
        }
        Map<Integer, List<Entry>> byLine = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Comment comment : marked) {
            Parsed parsed = parse(comment.text().strip().substring(MARKER.length()), registry);
            if (parsed.error != null) {
                problems.add(new Problem(BuiltinRules.SUPPRESSION_INVALID,
                        "Inline suppression suppresses nothing: " + parsed.error, comment.position()));
                continue;
            }
            int target = comment.trailing() ? comment.position().line()
                    : targetBelow(comment.position().line(), standaloneLines, config.lines());
            if (target < 0) {
                problems.add(new Problem(BuiltinRules.SUPPRESSION_INVALID,
                        "Inline suppression suppresses nothing: it must stand at the end of the flagged line or "
                                + "directly above it", comment.position()));
                continue;
            }
            if (parsed.until != null && today.isAfter(parsed.until)) {
                problems.add(new Problem(BuiltinRules.SUPPRESSION_EXPIRED, "Inline suppression of "
                        + String.join(", ", parsed.ruleIds) + " expired on " + parsed.until
                        + " and no longer applies to line " + target + " (reason given: " + parsed.reason + ")",
                        comment.position()));
                continue;
            }
            byLine.computeIfAbsent(target, k -> new ArrayList<>())
                    .add(new Entry(parsed.ruleIds, parsed.reason, parsed.until, comment.position()));
        }
        return new InlineSuppressions(byLine, List.copyOf(problems));
    }

    /** The suppression of a finding of {@code ruleId} on {@code line}, or null. */
    @Nullable Entry find(String ruleId, int line) {
        if (byLine.isEmpty()) {
            return null;
        }
        List<Entry> entries = byLine.get(line);
        if (entries == null) {
            return null;
        }
        for (Entry entry : entries) {
            if (entry.ruleIds.contains(ruleId)) {
                return entry;
            }
        }
        return null;
    }

    List<Problem> problems() {
        return problems;
    }

    private static int targetBelow(int line, Set<Integer> standaloneLines, List<String> lines) {
        int next = line + 1;
        while (standaloneLines.contains(next)) {
            next++;
        }
        if (next > lines.size()) {
            return -1;
        }
        String text = lines.get(next - 1).strip();
        return text.isEmpty() || text.startsWith("#") ? -1 : next;
    }

    private record Parsed(Set<String> ruleIds, String reason, @Nullable LocalDate until, @Nullable String error) {
    }

    private static Parsed parse(String rest, RuleRegistry registry) {
        int separator = findSeparator(rest);
        if (separator < 0) {
            return failed("it needs a reason: # runnerguard:ignore <rule-id> -- <reason>");
        }
        String reason = rest.substring(separator + 2).strip();
        if (reason.isEmpty()) {
            return failed("the reason after -- is empty");
        }
        String[] tokens = rest.substring(0, separator).strip().split("[\\s,]+");
        Set<String> ids = new java.util.LinkedHashSet<>();
        LocalDate until = null;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty()) {
                continue;
            }
            if (token.equals("until")) {
                if (i + 1 >= tokens.length) {
                    return failed("'until' needs a date (YYYY-MM-DD)");
                }
                try {
                    until = LocalDate.parse(tokens[++i]);
                } catch (DateTimeParseException e) {
                    return failed("'until " + tokens[i] + "' is not a date (YYYY-MM-DD)");
                }
                continue;
            }
            Optional<String> id = registry.canonicalId(token);
            if (id.isEmpty()) {
                String hint = registry.closestId(token).map(c -> " (did you mean " + c + "?)").orElse("");
                return failed("no rule has the id " + token + hint);
            }
            ids.add(id.get());
        }
        if (ids.isEmpty()) {
            return failed("it names no rule: # runnerguard:ignore <rule-id> -- <reason>");
        }
        return new Parsed(Set.copyOf(ids), reason, until, null);
    }

    private static int findSeparator(String rest) {
        int from = 0;
        while (true) {
            int index = rest.indexOf("--", from);
            if (index < 0) {
                return -1;
            }
            boolean before = index == 0 || Character.isWhitespace(rest.charAt(index - 1));
            boolean after = index + 2 >= rest.length() || Character.isWhitespace(rest.charAt(index + 2));
            if (before && after) {
                return index;
            }
            from = index + 2;
        }
    }

    private static Parsed failed(String why) {
        return new Parsed(Set.of(), "", null, why);
    }

    /** The runner whose {@code [[runners]]} entry contains {@code line}, or null for the global part. */
    static @Nullable RunnerRef runnerAt(RunnerConfig config, int line) {
        Runner found = null;
        for (Runner runner : config.runners()) {
            Position header = runner.position();
            if (header != null && header.line() <= line) {
                found = runner;
            }
        }
        return found == null ? null : new RunnerRef(found.index(), found.name().orElse(""));
    }

    /** The finding a problem becomes. */
    static Finding toFinding(Problem problem, RunnerConfig config) {
        return new Finding(problem.ruleId(), io.github.runnerguard.spi.Severity.LOW, problem.message(),
                config.source(), runnerAt(config, problem.position().line()),
                "comments[" + problem.position().line() + "]", problem.position(),
                BuiltinRules.BY_ID.get(problem.ruleId()).remediation());
    }
}
