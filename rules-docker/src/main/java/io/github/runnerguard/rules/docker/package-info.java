/**
 * Runnerguard rules-docker.
 */
@NullMarked
package io.github.runnerguard.rules.docker;

import org.jspecify.annotations.NullMarked;
