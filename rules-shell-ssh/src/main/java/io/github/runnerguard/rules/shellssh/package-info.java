/**
 * Security rules for the shell executor, the SSH executor and the VM executors that log in over SSH (Parallels,
 * VirtualBox), and for reused autoscaled instances ({@code shell.*}, {@code ssh.*}, {@code vm.*}).
 */
@NullMarked
package io.github.runnerguard.rules.shellssh;

import org.jspecify.annotations.NullMarked;
