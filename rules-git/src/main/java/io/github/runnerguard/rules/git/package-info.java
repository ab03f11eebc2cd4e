/**
 * Security rules for what jobs leave behind on hosts whose build directories persist: git strategy, clean-up, git
 * configuration, job tokens in git credentials, custom build directories, and security feature flags
 * ({@code git.*}).
 */
@NullMarked
package io.github.runnerguard.rules.git;

import org.jspecify.annotations.NullMarked;
