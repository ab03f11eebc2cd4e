/**
 * Internal: binds a parsed TOML tree to gitlab-runner's schema with its decoder's key and type rules.
 */
@NullMarked
package io.github.runnerguard.internal.bind;

import org.jspecify.annotations.NullMarked;
