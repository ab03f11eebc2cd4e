package io.github.runnerguard.cli;

import java.io.InputStream;

/**
 * What a command needs from its process: standard input, and whether standard output is a terminal.
 *
 * @param in       standard input
 * @param terminal true when standard output is a terminal
 */
record Environment(InputStream in, boolean terminal) {
}
