package io.github.runnerguard.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.junit.jupiter.api.Test;

class FixtureParseTest {

    @Test
    void headerExpectAndExpectNone() {
        Fixture fixture = Fixture.parse(Excerpt.lines("""
                # tenancy: multi-tenant
                # enforced-pss: Restricted
                [[runners]] # expect: runner.no-limit
                  privileged = true # expect: docker.privileged critical
                  image = "x" # expect: docker.image low # expect: docker.image
                # expect-none: docker.socket
                """));
        assertEquals(Tenancy.MULTI_TENANT, fixture.tenancy());
        assertEquals("restricted", fixture.enforcedPss());
        assertEquals(List.of(new Fixture.Expect("runner.no-limit", null, 3, false),
                new Fixture.Expect("docker.privileged", Severity.CRITICAL, 4, false),
                new Fixture.Expect("docker.image", Severity.LOW, 5, false),
                new Fixture.Expect("docker.image", null, 5, false)), fixture.expects());
        assertEquals(List.of(new Fixture.ExpectNone("docker.socket", 6)), fixture.expectNone());
        assertEquals(List.of(), fixture.errors());
    }

    @Test
    void defaultsToSharedTenancy() {
        Fixture fixture = Fixture.parse(Excerpt.lines("concurrent = 1\n"));
        assertEquals(Tenancy.SHARED, fixture.tenancy());
        assertNull(fixture.enforcedPss());
    }

    @Test
    void tenancyAfterTheFirstTomlLineIsNotAHeader() {
        Fixture fixture = Fixture.parse(Excerpt.lines("concurrent = 1\n# tenancy: dedicated\n"));
        assertEquals(Tenancy.SHARED, fixture.tenancy());
    }

    @Test
    void otherCommentsAndStringsAreNotExpectations() {
        Fixture fixture = Fixture.parse(Excerpt.lines("""
                name = "a # expect: x.y"
                image = 'b # expect: x.y' # runnerguard:ignore x.y -- reviewed
                script = \"""
                # expect: x.y
                \"""
                other = '''
                # expect: x.y '''
                # expected: x.y is prose, not an expectation
                """));
        assertEquals(List.of(), fixture.expects());
        assertEquals(List.of(), fixture.errors());
    }

    @Test
    void mistakesAreErrors() {
        Fixture fixture = Fixture.parse(Excerpt.lines("""
                # tenancy: everyone
                a = 1 # expect: X.Y
                b = 2 # expect: x.y severe
                c = 3 # expect-none: x.y z.w
                d = 4 # expect: a.b
                # expect-none: a.b
                """));
        assertEquals(5, fixture.errors().size(), fixture.errors().toString());
        assertTrue(fixture.errors().get(0).contains("tenancy 'everyone'"));
        assertTrue(fixture.errors().get(4).contains("a.b is both expected and expected to report none"));
    }

    @Test
    void standaloneCommentsAreMarked() {
        Fixture fixture = Fixture.parse(Excerpt.lines("a = 1\n  # expect: x.y\n"));
        assertTrue(fixture.expects().get(0).standalone());
    }
}
