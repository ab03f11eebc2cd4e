/**
 * Internal: the TOML front end: strict decoding, one-pass TOML 1.1 parsing into a Jackson tree, limits and positions.
 */
@NullMarked
package io.github.runnerguard.internal.toml;

import org.jspecify.annotations.NullMarked;
