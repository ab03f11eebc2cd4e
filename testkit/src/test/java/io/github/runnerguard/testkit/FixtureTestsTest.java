package io.github.runnerguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.testkit.sample.NoLimitRule;
import io.github.runnerguard.testkit.sample.PrivilegedFlagRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class FixtureTestsTest {

    private static final Path PASSING = Path.of("src/test/resources/fixtures/sample");
    private static final Path FAILING = Path.of("src/test/resources/fixtures-failing");
    private static final SecurityRule[] RULES = {new PrivilegedFlagRule(), new NoLimitRule()};

    /** The way rule authors use it: one dynamic test per fixture file. */
    @TestFactory
    Stream<DynamicTest> passingFixtures() {
        return FixtureTests.forDirectory(PASSING, RULES);
    }

    @Test
    void oneTestPerFileRecursivelySortedByRelativePath() {
        List<String> names = FixtureTests.forDirectory(PASSING, RULES).map(DynamicTest::getDisplayName).toList();
        assertEquals(List.of("dedicated/no-findings.toml", "multi-tenant.toml", "privileged-shared.toml",
                "strings-and-comments.toml", "unconstrained.toml"), names);
    }

    @Test
    void everyFailingFixtureFails() {
        List<DynamicTest> tests = FixtureTests.forDirectory(FAILING, RULES).toList();
        assertEquals(8, tests.size());
        for (DynamicTest test : tests) {
            assertThrows(AssertionFailedError.class, () -> test.getExecutable().execute(),
                    () -> test.getDisplayName() + " should fail");
        }
    }

    @Test
    void missingExpectationShowsExpectedAndActualLines() {
        String message = failure("missing.toml");
        assertTrue(message.contains("(tenancy shared) does not match the findings:"), message);
        assertTrue(message.contains("  - missing: sample.privileged-flag on line 6"), message);
        assertTrue(message.contains("  - unexpected: sample.privileged-flag high at 7:5"), message);
        assertTrue(message.contains("   6 E | " + "    image = \"alpine:3.20\" # expect: sample.privileged-flag"),
                message);
        assertTrue(message.contains("   7 F |     privileged = true"), message);
    }

    @Test
    void anUnexpectedFindingOfAnExpectedRuleFails() {
        String message = failure("unexpected.toml");
        assertTrue(message.contains("  - unexpected: sample.privileged-flag high at 13:5, runner #1 \"b\""), message);
        assertTrue(!message.contains("missing:"), message);
    }

    @Test
    void expectNoneFailsOnAnyFindingOfThatRule() {
        String message = failure("expect-none-violated.toml");
        assertTrue(message.contains("  - expect-none sample.no-limit but found: sample.no-limit low at 2:1"),
                message);
    }

    @Test
    void wrongSeverityNamesTheActualOne() {
        String message = failure("wrong-severity.toml");
        assertTrue(message.contains("(tenancy dedicated)"), message);
        assertTrue(message.contains("missing: sample.privileged-flag critical on line 7 (a finding is there, with "
                + "severity medium)"), message);
    }

    @Test
    void malformedExpectationsAreReportedBeforeLoading() {
        String message = failure("malformed.toml");
        assertTrue(message.contains("has malformed expectations"), message);
        assertTrue(message.contains("line 6: '# expect: sample.privileged-flag severe' must be '# expect: <rule-id> "
                + "[critical|high|medium|low|info]'"), message);
    }

    @Test
    void anExpectationOfARuleNotUnderTestIsAnError() {
        String message = failure("unknown-rule.toml");
        assertTrue(message.contains("line 6: expects docker.privileged, which is not among the rules under test "
                + "[sample.privileged-flag, sample.no-limit]"), message);
    }

    @Test
    void aStandaloneExpectCommentGetsAHint() {
        String message = failure("standalone.toml");
        assertTrue(message.contains("the expect comment stands alone on its line"), message);
    }

    @Test
    void aFixtureThatDoesNotLoadFailsWithTheDiagnostic() {
        String message = failure("syntax-error.toml");
        assertTrue(message.contains("did not load"), message);
    }

    @Test
    void aMissingOrEmptyDirectoryFails(@TempDir Path dir) throws Exception {
        assertThrows(AssertionFailedError.class, () -> FixtureTests.forDirectory(dir.resolve("absent"), RULES));
        Files.writeString(dir.resolve("notes.txt"), "not a fixture");
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> FixtureTests.forDirectory(dir, RULES));
        assertTrue(error.getMessage().contains("holds no .toml file"), error.getMessage());
    }

    @Test
    void rulesAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> FixtureTests.forDirectory(PASSING));
    }

    private static String failure(String file) {
        return assertThrows(AssertionFailedError.class,
                () -> FixtureTests.assertFixture(FAILING.resolve(file), RULES)).getMessage();
    }
}
