/**
 * Public API for rule authors' tests and for tools that read Runnerguard's reports:
 * {@link io.github.runnerguard.testkit.RuleTestKit}, {@link io.github.runnerguard.testkit.FixtureTests},
 * {@link io.github.runnerguard.testkit.ServiceRegistrationCheck}, the config generators
 * {@link io.github.runnerguard.testkit.RunnerConfigGenerator} and {@link io.github.runnerguard.testkit.RunnerConfigGens},
 * and the JSON report contract.
 */
@NullMarked
package io.github.runnerguard.testkit;

import org.jspecify.annotations.NullMarked;
