package io.github.runnerguard.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** Names of TOML value types, as the toml-test suite spells them. */
final class TomlTypes {

    private TomlTypes() {
    }

    static String nameOf(Object value) {
        if (value instanceof String) {
            return "string";
        } else if (value instanceof Long || value instanceof Integer) {
            return "integer";
        } else if (value instanceof Double || value instanceof Float) {
            return "float";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof OffsetDateTime) {
            return "datetime";
        } else if (value instanceof LocalDateTime) {
            return "datetime-local";
        } else if (value instanceof LocalDate) {
            return "date-local";
        } else if (value instanceof LocalTime) {
            return "time-local";
        }
        return value.getClass().getSimpleName();
    }
}
