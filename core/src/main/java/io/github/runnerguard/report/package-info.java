/**
 * Writers that turn an audit report into text, JSON and the formats other tools read.
 */
@NullMarked
package io.github.runnerguard.report;

import org.jspecify.annotations.NullMarked;
