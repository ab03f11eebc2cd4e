package io.github.runnerguard.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.internal.toml.ParseOutcome;
import io.github.runnerguard.internal.toml.TomlFrontEnd;
import io.github.runnerguard.load.LoadLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unknown keys beyond the suggestion limit are still reported, without the costly "did you mean" search. */
class BinderSuggestionLimitTest {

    @Test
    void suggestionsStopAtTheLimitButEveryUnknownKeyIsReported() {
        int count = Binder.SUGGESTION_LIMIT + 50;
        StringBuilder text = new StringBuilder("[[runners]]\n");
        for (int i = 0; i < count; i++) {
            // each key contains `builds_dir`, so each would get it as a suggestion without the limit
            text.append("builds_dir_x").append(i).append(" = \"x\"\n");
        }
        ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class,
                TomlFrontEnd.parse(text.toString(), LoadLimits.DEFAULTS));
        List<Diagnostic> unknown = Binder.bind(parsed.root(), parsed.positions()).diagnostics().stream()
                .filter(d -> d.kind() == Diagnostic.Kind.UNKNOWN_KEY).toList();

        assertEquals(count, unknown.size(), "every unknown key is reported");
        assertEquals("builds_dir", unknown.get(0).suggestion(), unknown.get(0).message());
        assertEquals("builds_dir", unknown.get(Binder.SUGGESTION_LIMIT - 1).suggestion());
        Diagnostic last = unknown.get(unknown.size() - 1);
        assertNull(last.suggestion(), last.message());
    }
}
