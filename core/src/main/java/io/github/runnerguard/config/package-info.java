/**
 * The immutable model of a loaded config.toml: typed settings with their origins, and the raw view of every key.
 */
@NullMarked
package io.github.runnerguard.config;

import org.jspecify.annotations.NullMarked;
