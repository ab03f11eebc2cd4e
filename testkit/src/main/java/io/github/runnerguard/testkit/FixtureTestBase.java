package io.github.runnerguard.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import io.github.runnerguard.spi.SecurityRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A base class that turns a fixture directory into one dynamic test per file, by convention (the way PMD's
 * {@code PmdRuleTst} does): the fixtures of a rule with id {@code docker.privileged} are in
 * {@code src/test/resources/fixtures/docker.privileged/}.
 *
 * <pre class="code">
 * class PrivilegedRuleTest extends FixtureTestBase {
 *     &#64;Override
 *     protected List&lt;SecurityRule&gt; rules() {
 *         return List.of(new PrivilegedRule());
 *     }
 * }
 * </pre>
 *
 * <p>See {@link FixtureTests} for the fixture syntax.
 *
 * @since 0.1.0
 */
public abstract class FixtureTestBase {

    /** For subclasses. */
    protected FixtureTestBase() {
    }

    /** The rules under test; the first one names the default fixture directory. */
    protected abstract List<SecurityRule> rules();

    /**
     * The fixture directory: {@code src/test/resources/fixtures/<id of the first rule>}, relative to the working
     * directory (the module directory under Maven).
     */
    protected Path fixtureDirectory() {
        return Path.of("src", "test", "resources", "fixtures", rules().get(0).descriptor().id());
    }

    /** One test per fixture file. */
    @TestFactory
    public Stream<DynamicTest> fixtures() {
        return FixtureTests.forDirectory(fixtureDirectory(), rules().toArray(SecurityRule[]::new));
    }
}
