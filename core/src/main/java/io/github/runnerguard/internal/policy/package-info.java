/**
 * Internal: reads the runnerguard.toml policy file through the loader's TOML front end, with the positions of its keys.
 */
@NullMarked
package io.github.runnerguard.internal.policy;

import org.jspecify.annotations.NullMarked;
