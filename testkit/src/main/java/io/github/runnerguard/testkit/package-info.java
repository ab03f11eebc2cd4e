/**
 * Runnerguard testkit.
 */
@NullMarked
package io.github.runnerguard.testkit;

import org.jspecify.annotations.NullMarked;
