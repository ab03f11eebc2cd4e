/**
 * Internal: TOML parsing through Jackson, strict decoding, limits and the source position index.
 */
@NullMarked
package io.github.runnerguard.internal.toml;

import org.jspecify.annotations.NullMarked;
