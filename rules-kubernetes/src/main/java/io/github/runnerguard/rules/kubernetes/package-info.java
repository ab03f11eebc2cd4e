/**
 * Runnerguard rules-kubernetes.
 */
@NullMarked
package io.github.runnerguard.rules.kubernetes;

import org.jspecify.annotations.NullMarked;
