package io.github.runnerguard.rules.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link KubernetesRule#rel} removes exactly what {@code replaceFirst("^runners\\[\\d+]\\.", "")} removed. */
class KeyPathTest {

    private static final List<String> PIECES = List.of("runners[", "runners", "[", "]", ".", "].", "0", "12",
            "\u0663", "kubernetes", "x", "runners[0].");

    @Test
    void theRunnerPrefixIsRemovedAsThePatternRemovedIt() {
        qt().withExamples(20_000).forAll(lists().of(arbitrary().pick(PIECES)).ofSizeBetween(0, 6)
                .map(parts -> String.join("", parts))).checkAssert(keyPath -> {
                    assertEquals(keyPath.replaceFirst("^runners\\[\\d+]\\.", ""), KubernetesRule.rel(keyPath),
                            keyPath);
                });
    }
}
