/**
 * The runnerguard command line: {@code audit}, {@code rules} and {@code explain}, built with picocli.
 */
@NullMarked
package io.github.runnerguard.cli;

import org.jspecify.annotations.NullMarked;
