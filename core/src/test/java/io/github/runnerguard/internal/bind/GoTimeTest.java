package io.github.runnerguard.internal.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoTimeTest {

    @Test
    void parsesTheFormsTheRunnerAndTheDocsWrite() {
        assertEquals(OffsetDateTime.parse("2024-01-01T00:00:00Z"), GoTime.parse("2024-01-01T00:00:00Z"));
        assertEquals(OffsetDateTime.parse("2024-05-06T07:08:09.123456789+02:00"),
                GoTime.parse("2024-05-06T07:08:09.123456789+02:00"));
        assertTrue(GoTime.isValid("0001-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-01-01", "2024-01-01T00:00:00", "2024-01-01 00:00:00Z", "2024-13-01T00:00:00Z",
        "2024-01-01T25:00:00Z", "next year", "2024-01-01T00:00Z"})
    void refusesTheRest(String text) {
        assertFalse(GoTime.isValid(text));
        assertThrows(IllegalArgumentException.class, () -> GoTime.parse(text));
    }
}
