/**
 * Discovers rules, runs audits, applies policy and suppressions.
 */
@NullMarked
package io.github.runnerguard.audit;

import org.jspecify.annotations.NullMarked;
