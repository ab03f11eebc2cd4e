/**
 * Internal: builds the typed model from the bound raw view.
 */
@NullMarked
package io.github.runnerguard.internal.model;

import org.jspecify.annotations.NullMarked;
