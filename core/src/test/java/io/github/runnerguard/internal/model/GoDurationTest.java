package io.github.runnerguard.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's time.ParseDuration and Duration.String, as gitlab-runner applies them. */
class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0", "+0, 0", "-0, 0", "5s, 5000000000", "30m, 1800000000000", "1h30m, 5400000000000",
        "1.5h, 5400000000000", "-1.5h, -5400000000000", "300ms, 300000000", "2us, 2000", "2µs, 2000",
        "2μs, 2000", "1ns, 1", "1.9ns, 1", ".5s, 500000000", "5.s, 5000000000", "1h1m1s1ms1us1ns, 3661001001001",
        "2562047h47m16.854775807s, 9223372036854775807", "-2562047h47m16.854775808s, -9223372036854775808"})
    void parsesWhatGoParses(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1", "s", ".s", "1x", "1hour", "1h 30m", " 1h", "1e3s", "1.5.5s",
        "2562047h47m16.854775808s", "9223372036854775808ns", "99999999999999999999h"})
    void refusesWhatGoRefuses(String text) {
        assertNull(GoDuration.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "1, 1ns", "1500, 1.5µs", "1500000, 1.5ms", "1000000000, 1s", "90000000000, 1m30s",
        "3600000000000, 1h0m0s", "5400500000000, 1h30m0.5s", "-1500000000, -1.5s"})
    void formatsAsGoDoes(long nanos, String text) {
        assertEquals(text, GoDuration.format(Duration.ofNanos(nanos)));
    }

    @Test
    void formatThenParseIsTheIdentity() {
        qt().forAll(longs().all()).checkAssert(nanos -> {
            Duration duration = Duration.ofNanos(nanos);
            assertEquals(duration, GoDuration.parse(GoDuration.format(duration)), GoDuration.format(duration));
        });
    }
}
