package io.github.runnerguard.testkit;

import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

/**
 * The loader round trip (issues 2 and 8): every generated config loads with the production loader to a model equal
 * to the generator's expectation: values, defaults, key positions, sections present and absent, runner headers.
 */
class LoaderRoundTripTest {

    @Test
    void everyGeneratedConfigLoadsToItsExpectation() {
        qt().withExamples(500).withShrinkCycles(500).forAll(RunnerConfigGens.configs())
                .checkAssert(config -> config.model().assertMatches(config.load()));
    }

    @Test
    void everyExecutorRoundTrips() {
        for (String executor : RunnerConfigGenerator.EXECUTORS) {
            qt().withExamples(40).forAll(RunnerConfigGens.withExecutor(executor))
                    .checkAssert(config -> config.model().assertMatches(config.load()));
        }
    }
}
