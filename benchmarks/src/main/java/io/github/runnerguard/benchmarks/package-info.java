/**
 * Runnerguard benchmarks.
 */
@NullMarked
package io.github.runnerguard.benchmarks;

import org.jspecify.annotations.NullMarked;
