package io.github.runnerguard.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.runnerguard.audit.Policy;
import io.github.runnerguard.audit.PolicyException;
import io.github.runnerguard.audit.PolicyProblem;
import io.github.runnerguard.config.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The policy file read through the loader's TOML front end: TOML errors in the front end's words at their line and
 * column, value types named as for config files, and positions wherever TOML allows a key (multi-line inline tables,
 * keys after multi-line strings, CR LF, a byte order mark).
 */
class PolicyParserTest {

    private static PolicyProblem only(String text) {
        PolicyException error = assertThrows(PolicyException.class, () -> PolicyParser.parse(text, "p.toml"));
        assertEquals(1, error.problems().size(), error::getMessage);
        return error.problems().get(0);
    }

    @Test
    void tomlErrorsAreTheFrontEndsAtTheirPlace() {
        assertEquals(new PolicyProblem("not valid TOML: duplicate key `tenancy` (first defined on line 1)",
                new Position(2, 1)), only("tenancy = \"shared\"\ntenancy = \"dedicated\"\n"));
        assertEquals(new PolicyProblem("not valid TOML: unterminated string: a \"...\" string must end on its line "
                + "(use \"\"\"...\"\"\" for text over several lines)", new Position(3, 10)),
                only("[[waivers]]\nrule = \"x.y\"\nreason = \"because\n"));
        assertEquals(new PolicyProblem("not valid TOML: invalid value `shared`: text values must be quoted, as in "
                + "\"shared\"", new Position(1, 11)), only("tenancy = shared\n"));
    }

    @Test
    void valueTypesAreNamedAsForConfigFiles() {
        assertEquals(new PolicyProblem("tenancy must be a string, not an offset date-time", new Position(1, 1)),
                only("tenancy = 2027-01-01T00:00:00Z\n"));
        assertEquals(new PolicyProblem("expires must be a date such as 2027-06-30, not an integer",
                new Position(4, 1)), only("[[waivers]]\nrule = \"x.y\"\nreason = \"ok\"\nexpires = 20270630\n"));
        assertEquals(new PolicyProblem("enabled must be true or false, not an array of tables", new Position(2, 1)),
                only("[rules.\"x.y\"]\nenabled = [{}, {}]\n"));
    }

    @Test
    void positionsWhereverTomlAllowsAKey() {
        assertEquals(new Position(4, 3), only("rules = {\n  \"x.y\" = {\n    enabled = true,\n  severty = 'low' },\n}\n")
                .position());
        assertEquals(new Position(4, 1), only("[[waivers]]\nreason = '''\nrule = \"not a key\"'''\nrule = 1\n")
                .position());
        assertEquals(new Position(2, 1), only("\uFEFFtenancy = \"shared\"\r\ncolour = true\r\n").position());
        Policy policy = PolicyParser.parse("[[waivers]]\r\nreason = \"\"\"\r\nmultiple\r\nlines\"\"\"\r\n"
                + "  rule = \"x.y\"\r\n", "p.toml");
        assertEquals(List.of(new Position(5, 3)), policy.waivers().stream().map(w -> w.position()).toList());
    }
}
