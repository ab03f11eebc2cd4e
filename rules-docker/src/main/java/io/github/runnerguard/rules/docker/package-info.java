/**
 * The {@code docker.*} rules: what in {@code [runners.docker]}, {@code [runners.machine]} and
 * {@code [runners.autoscaler]} puts the host, other projects or secrets at risk for the docker, docker-windows,
 * docker+machine and docker-autoscaler executors.
 */
@NullMarked
package io.github.runnerguard.rules.docker;

import org.jspecify.annotations.NullMarked;
