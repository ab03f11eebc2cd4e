package io.github.runnerguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.Severity;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Fingerprints} gives exactly {@link Finding#fingerprint()}, for ASCII and other text alike. */
class FingerprintsTest {

    private static final List<String> PIECES = List.of("runners", "[", "]", ".", "0", "12", "docker", "privileged",
            "x", "-", "_", "\u00e9", "\u2026", "\ud83d\ude00", "\ud800", " ", "\u0000", "runners[3]", "runners[3].",
            "runners[]", "cache.s3", "k");

    private static Gen<String> texts(int max) {
        return lists().of(arbitrary().pick(PIECES)).ofSizeBetween(0, max).map(parts -> String.join("", parts));
    }

    @Test
    void givesTheFindingsOwnFingerprint() {
        Fingerprints fingerprints = new Fingerprints();
        qt().withExamples(5_000).forAll(texts(8), texts(4), texts(3), integers().between(-1, 3))
                .checkAssert((keyPath, file, name, runner) -> {
                    Finding finding = new Finding("rule.id" + name, Severity.LOW, "m", "f" + file,
                            runner < 0 ? null : new RunnerRef(runner, name), keyPath, new Position(1, 1), "r");
                    assertEquals(finding.fingerprint(), fingerprints.of(finding), keyPath + " | " + name);
                });
    }

    @Test
    void givesTheFindingsOwnFingerprintForLongTexts() {
        Fingerprints fingerprints = new Fingerprints();
        String longPath = "runners[7]." + "a.b".repeat(500);
        Finding finding = new Finding("docker.privileged", Severity.HIGH, "m", "x".repeat(1000),
                new RunnerRef(7, "n".repeat(300)), longPath, null, "r");
        assertEquals(finding.fingerprint(), fingerprints.of(finding));
        assertEquals(12, Fingerprints.runnerPrefixEnd("runners[12].docker"));
        assertEquals(11, Fingerprints.runnerPrefixEnd("runners[12]"));
        assertEquals(0, Fingerprints.runnerPrefixEnd("runners[].docker"));
    }
}
