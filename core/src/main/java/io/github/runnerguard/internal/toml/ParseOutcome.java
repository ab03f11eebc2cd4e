package io.github.runnerguard.internal.toml;

import java.util.List;
import java.util.Objects;
import io.github.runnerguard.config.Comment;
import io.github.runnerguard.config.Diagnostic;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link TomlFrontEnd#parse(byte[], io.github.runnerguard.load.LoadLimits)} made of a document: the parsed tree
 * with its positions, or the one problem that stopped it.
 *
 * <p>Both are immutable records, except that the Jackson tree of {@link Parsed} is mutable by type and must not be
 * modified; safe to share between threads once published.
 */
public sealed interface ParseOutcome {

    /**
     * A document that is valid TOML 1.1 within the limits.
     *
     * <p>The tree is made of Jackson nodes, node for node the tree Jackson's TOML parser builds from the same text
     * (see {@link ScalarSyntax#value}): tables are {@link ObjectNode}s with their keys in file order, arrays
     * {@code ArrayNode}s; strings are string nodes; integers are int, long or (never beyond 64 bits) big-integer
     * nodes; floats are decimal nodes, and {@code inf}/{@code nan} double nodes; date-times are POJO nodes holding a
     * {@link java.time.OffsetDateTime}, {@link java.time.LocalDateTime}, {@link java.time.LocalDate} or
     * {@link java.time.LocalTime}. The tree must not be modified. Everything else is immutable.
     *
     * @param text      the decoded text, without a leading byte order mark
     * @param root      the root table
     * @param positions where every key, table and array element of the tree is in {@code text}
     * @param comments  every comment, in file order
     * @param lines     the lines of {@code text} without their line endings (computed on access, unmodifiable)
     */
    record Parsed(String text, ObjectNode root, PositionIndex positions, List<Comment> comments, List<String> lines)
            implements ParseOutcome {

        /** Checks the parts and copies the comments. */
        public Parsed {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(positions, "positions");
            comments = List.copyOf(comments);
            Objects.requireNonNull(lines, "lines");
        }
    }

    /**
     * A document that could not be parsed: too large, not UTF-8, not TOML, or beyond a limit.
     *
     * @param diagnostic the problem; its kind is {@link Diagnostic.Kind#fatal() fatal}
     */
    record Failed(Diagnostic diagnostic) implements ParseOutcome {

        /** Checks the diagnostic. */
        public Failed {
            Objects.requireNonNull(diagnostic, "diagnostic");
        }
    }
}
