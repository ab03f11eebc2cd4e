/**
 * Internal: the Jackson-based JSON rendering behind the public report writers.
 */
@NullMarked
package io.github.runnerguard.internal.report;

import org.jspecify.annotations.NullMarked;
