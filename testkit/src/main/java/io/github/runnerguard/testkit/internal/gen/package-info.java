/**
 * Internal implementation of the config generators: the catalog of settings, drafting from choices, rendering to
 * TOML with the positions of every key; not exported.
 */
@NullMarked
package io.github.runnerguard.testkit.internal.gen;

import org.jspecify.annotations.NullMarked;
