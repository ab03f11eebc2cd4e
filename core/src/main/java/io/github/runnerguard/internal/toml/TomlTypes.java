package io.github.runnerguard.internal.toml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.POJONode;

/**
 * How messages name the TOML type of a value of the front end's tree ({@link ParseOutcome.Parsed#root()}): one
 * wording for every reader of TOML files (config and policy).
 *
 * <p>Stateless and thread-safe.
 */
public final class TomlTypes {

    private TomlTypes() {
    }

    /**
     * The TOML type of a value with its article, for messages: "a string", "an integer", "a float", "a boolean",
     * "a table", "an array", "an array of tables" (a non-empty array of tables only), "an offset date-time",
     * "a local date-time", "a local date", "a local time", or "a value" for anything else.
     *
     * @param value a node of the front end's tree
     * @return the type's name
     */
    public static String describe(JsonNode value) {
        if (value.isString()) {
            return "a string";
        } else if (value.isBoolean()) {
            return "a boolean";
        } else if (value.isIntegralNumber()) {
            return "an integer";
        } else if (value.isNumber()) {
            return "a float";
        } else if (value.isObject()) {
            return "a table";
        } else if (value.isArray()) {
            return isArrayOfTables(value) ? "an array of tables" : "an array";
        }
        Object temporal = value instanceof POJONode pojo ? pojo.getPojo() : null;
        if (temporal instanceof OffsetDateTime) {
            return "an offset date-time";
        } else if (temporal instanceof LocalDateTime) {
            return "a local date-time";
        } else if (temporal instanceof LocalDate) {
            return "a local date";
        } else if (temporal instanceof LocalTime) {
            return "a local time";
        }
        return "a value";
    }

    private static boolean isArrayOfTables(JsonNode value) {
        if (value.isEmpty()) {
            return false;
        }
        for (JsonNode element : value.values()) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }
}
