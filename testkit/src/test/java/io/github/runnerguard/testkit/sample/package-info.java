/**
 * Sample rules the testkit's own tests check.
 */
@NullMarked
package io.github.runnerguard.testkit.sample;

import org.jspecify.annotations.NullMarked;
