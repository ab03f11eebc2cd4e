/**
 * Internal implementation of the testkit (excerpts, formatting, model navigation, TOML rendering); not exported.
 */
@NullMarked
package io.github.runnerguard.testkit.internal;

import org.jspecify.annotations.NullMarked;
