/**
 * Loads config.toml files as gitlab-runner reads them: strict UTF-8, TOML, gitlab-runner's key rules, limits.
 */
@NullMarked
package io.github.runnerguard.load;

import org.jspecify.annotations.NullMarked;
