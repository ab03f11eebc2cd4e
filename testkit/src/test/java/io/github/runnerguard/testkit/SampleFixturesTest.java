package io.github.runnerguard.testkit;

import java.nio.file.Path;
import java.util.List;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.testkit.sample.NoLimitRule;
import io.github.runnerguard.testkit.sample.PrivilegedFlagRule;

/** The base-class way: the fixtures run as this class's dynamic tests. */
class SampleFixturesTest extends FixtureTestBase {

    @Override
    protected List<SecurityRule> rules() {
        return List.of(new PrivilegedFlagRule(), new NoLimitRule());
    }

    @Override
    protected Path fixtureDirectory() {
        return Path.of("src/test/resources/fixtures/sample");
    }
}
