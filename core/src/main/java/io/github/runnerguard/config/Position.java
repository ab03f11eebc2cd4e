package io.github.runnerguard.config;

/**
 * A place in a config file: 1-based line and 1-based column, counted in Unicode code points.
 *
 * <p>Immutable and thread-safe.
 *
 * @param line   the line, starting at 1
 * @param column the column, starting at 1
 */
public record Position(int line, int column) implements Comparable<Position> {

    /** Checks that both coordinates are positive. */
    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1, got " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(Position other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
