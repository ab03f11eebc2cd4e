/**
 * Runnerguard rules-shell-ssh.
 */
@NullMarked
package io.github.runnerguard.rules.shellssh;

import org.jspecify.annotations.NullMarked;
