/**
 * Internal: the executor-independent rules (runner.*, host.*, cache.*, config.*).
 */
@NullMarked
package io.github.runnerguard.rules;

import org.jspecify.annotations.NullMarked;
