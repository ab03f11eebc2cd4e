/**
 * Runnerguard cli.
 */
@NullMarked
package io.github.runnerguard.cli;

import org.jspecify.annotations.NullMarked;
