/**
 * Public API for rule authors' tests: {@link io.github.runnerguard.testkit.RuleTestKit},
 * {@link io.github.runnerguard.testkit.FixtureTests}, {@link io.github.runnerguard.testkit.ServiceRegistrationCheck}
 * and the config generators {@link io.github.runnerguard.testkit.RunnerConfigGenerator} and
 * {@link io.github.runnerguard.testkit.RunnerConfigGens}; and
 * {@link io.github.runnerguard.testkit.JsonReportContract} for tools that read Runnerguard's JSON reports.
 */
@NullMarked
package io.github.runnerguard.testkit;

import org.jspecify.annotations.NullMarked;
