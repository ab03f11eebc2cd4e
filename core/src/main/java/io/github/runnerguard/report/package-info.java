/**
 * Writers that turn an audit report into text, JSON, SARIF, GitLab Code Quality, JUnit XML and HTML, and baselines
 * of known findings.
 */
@NullMarked
package io.github.runnerguard.report;

import org.jspecify.annotations.NullMarked;
