package io.github.runnerguard.config;

import java.util.Objects;

/**
 * A comment in a config file.
 *
 * @param position where its {@code #} is
 * @param text     the text after the {@code #}, without the line ending
 * @param trailing true when code precedes it on its line, false when it stands alone
 */
public record Comment(Position position, String text, boolean trailing) {

    /** Checks the required parts. */
    public Comment {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(text, "text");
    }
}
