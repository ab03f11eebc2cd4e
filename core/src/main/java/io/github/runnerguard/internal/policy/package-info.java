/**
 * Internal: reads the runnerguard.toml policy file with Jackson and finds the positions of its keys.
 */
@NullMarked
package io.github.runnerguard.internal.policy;

import org.jspecify.annotations.NullMarked;
