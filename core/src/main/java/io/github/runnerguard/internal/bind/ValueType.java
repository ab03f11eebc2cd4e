package io.github.runnerguard.internal.bind;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The TOML shape gitlab-runner's decoder requires of a field, derived from the field's Go type.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind    the kind of value
 * @param element the element type of a {@link Kind#LIST} or the value type of a {@link Kind#MAP}, else null
 * @param struct  the struct type name of a {@link Kind#TABLE} or {@link Kind#ARRAY}, else null
 */
public record ValueType(Kind kind, @Nullable ValueType element, @Nullable String struct) {

    /** The kinds of value, one per Go type family gitlab-runner's config uses. */
    public enum Kind {
        /** {@code string} and named string types: a TOML string. */
        STRING,
        /** {@code int}, {@code int64} and named int types: a TOML integer. */
        INT,
        /** {@code int32}: a TOML integer in the 32-bit range. */
        INT32,
        /** {@code bool}: a TOML boolean. */
        BOOL,
        /** {@code float64}: a TOML float, or an integer that a float64 holds exactly. */
        FLOAT,
        /** {@code time.Duration}: a Go duration string, or an integer of nanoseconds. */
        DURATION,
        /** {@code time.Time}: a TOML date-time, or an RFC 3339 string. */
        TIME,
        /** gitlab-runner's {@code StringOrArray}: a string, or an array of strings. */
        STRING_OR_ARRAY,
        /** {@code any}: every TOML value. */
        ANY,
        /** A Go slice of scalars: a TOML array. */
        LIST,
        /** A Go map with string keys: a TOML table whose keys are free. */
        MAP,
        /** A Go struct: a TOML table. */
        TABLE,
        /** A Go slice of structs: an array of tables ({@code [[x]]} or an inline array of inline tables). */
        ARRAY
    }

    /** Checks that the parts fit the kind. */
    public ValueType {
        Objects.requireNonNull(kind, "kind");
        boolean needsElement = kind == Kind.LIST || kind == Kind.MAP;
        boolean needsStruct = kind == Kind.TABLE || kind == Kind.ARRAY;
        if (needsElement != (element != null) || needsStruct != (struct != null)) {
            throw new IllegalArgumentException("malformed value type " + kind);
        }
    }

    /**
     * Parses the notation of the schema resource: {@code string}, {@code int}, {@code int32}, {@code bool},
     * {@code float}, {@code duration}, {@code time}, {@code string_or_array}, {@code any}, {@code list<T>},
     * {@code map<T>}, {@code table<Struct>}, {@code array<Struct>}.
     *
     * @throws IllegalArgumentException when the text is not such a type
     */
    public static ValueType parse(String text) {
        int open = text.indexOf('<');
        if (open < 0) {
            Kind kind = switch (text) {
                case "string" -> Kind.STRING;
                case "int" -> Kind.INT;
                case "int32" -> Kind.INT32;
                case "bool" -> Kind.BOOL;
                case "float" -> Kind.FLOAT;
                case "duration" -> Kind.DURATION;
                case "time" -> Kind.TIME;
                case "string_or_array" -> Kind.STRING_OR_ARRAY;
                case "any" -> Kind.ANY;
                default -> throw new IllegalArgumentException("unknown value type " + text);
            };
            return new ValueType(kind, null, null);
        }
        if (!text.endsWith(">")) {
            throw new IllegalArgumentException("unknown value type " + text);
        }
        String outer = text.substring(0, open);
        String inner = text.substring(open + 1, text.length() - 1);
        return switch (outer) {
            case "list" -> new ValueType(Kind.LIST, parse(inner), null);
            case "map" -> new ValueType(Kind.MAP, parse(inner), null);
            case "table" -> new ValueType(Kind.TABLE, null, inner);
            case "array" -> new ValueType(Kind.ARRAY, null, inner);
            default -> throw new IllegalArgumentException("unknown value type " + text);
        };
    }

    /** True for a struct table or a map: two spellings of such a key are merged by the decoder, not chosen. */
    public boolean mergeable() {
        return kind == Kind.TABLE || kind == Kind.MAP;
    }

    /** How a message names what this type requires: "a boolean", "an array of strings", ... */
    public String describe() {
        return switch (kind) {
            case STRING -> "a string";
            case INT -> "an integer";
            case INT32 -> "an integer (32-bit)";
            case BOOL -> "a boolean";
            case FLOAT -> "a number";
            case DURATION -> "a duration string such as \"30m\" or an integer of nanoseconds";
            case TIME -> "a date-time or an RFC 3339 string";
            case STRING_OR_ARRAY -> "a string or an array of strings";
            case ANY -> "any value";
            case LIST -> "an array of " + plural(Objects.requireNonNull(element));
            case MAP -> "a table of " + plural(Objects.requireNonNull(element));
            case TABLE -> "a table";
            case ARRAY -> "an array of tables";
        };
    }

    private static String plural(ValueType type) {
        return switch (type.kind) {
            case STRING -> "strings";
            case INT, INT32 -> "integers";
            case BOOL -> "booleans";
            case FLOAT -> "numbers";
            case LIST -> "arrays of " + plural(Objects.requireNonNull(type.element));
            case ANY -> "values";
            default -> type.describe();
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LIST -> "list<" + element + ">";
            case MAP -> "map<" + element + ">";
            case TABLE -> "table<" + struct + ">";
            case ARRAY -> "array<" + struct + ">";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
