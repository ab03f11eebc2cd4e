/**
 * Internal: small text helpers shared by the engine, the policy parser and the report writers.
 */
@NullMarked
package io.github.runnerguard.internal.text;

import org.jspecify.annotations.NullMarked;
