/**
 * Runnerguard rules-git.
 */
@NullMarked
package io.github.runnerguard.rules.git;

import org.jspecify.annotations.NullMarked;
