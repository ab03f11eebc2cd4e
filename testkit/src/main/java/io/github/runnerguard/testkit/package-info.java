/**
 * Test helpers for rule authors and for tools that read Runnerguard's reports.
 */
@NullMarked
package io.github.runnerguard.testkit;

import org.jspecify.annotations.NullMarked;
