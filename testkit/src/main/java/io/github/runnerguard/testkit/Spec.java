package io.github.runnerguard.testkit;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The shapes the generator knows: tables, their fields and arrays of tables. */
final class Spec {

    private Spec() {
    }

    /** How a field's value is written and typed in the model. */
    public enum Type {
        /** TOML boolean; model {@code Boolean}. */
        BOOL,
        /** TOML integer; model {@code Long}. */
        INT,
        /** TOML float; model {@code Double}. */
        FLOAT,
        /** TOML string; model {@code String}. */
        STRING,
        /** TOML array of strings; model {@code List<String>}. */
        STRINGS,
        /** A string or an array of strings; model {@code List<String>}. */
        STRING_OR_ARRAY,
        /** A Go duration string such as {@code "1h30m"}; model {@code java.time.Duration}. */
        DURATION,
        /** A TOML offset date-time; model {@code java.time.OffsetDateTime}. */
        DATETIME,
        /** A table of booleans ({@code feature_flags}); model {@code Map<String, Boolean>}. */
        BOOL_MAP
    }

    /**
     * A field of a table.
     *
     * @param key      the canonical key (the gitlab-runner tag)
     * @param model    the model accessor
     * @param type     the type
     * @param values   candidate model values, the simplest first
     * @param required always generated
     * @param foldable case variants of the key may be generated
     */
    public record Field(String key, String model, Type type, List<Object> values, boolean required,
                        boolean foldable) {

        /** Checks the parts. */
        public Field {
            Objects.requireNonNull(key, "key");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("no candidate values for " + key);
            }
        }

        /** This field, always generated. */
        public Field req() {
            return new Field(key, model, type, values, true, foldable);
        }

        /** This field, with case variants of its key. */
        public Field fold() {
            return new Field(key, model, type, values, required, true);
        }
    }

    /**
     * A table: a top-level section of a runner ({@code docker}), a sub-table ({@code pod_security_context}), the
     * element type of an array of tables, or the global table.
     *
     * @param key      the canonical key in its parent ({@code ""} for the root and array elements)
     * @param model    the model accessor
     * @param fields   the fields
     * @param tables   the sub-tables
     * @param arrays   the arrays of tables
     * @param typed    false for a free-form table the model does not type (no expectations about it)
     * @param defaults the defaulted values to expect, from the written ones (model accessor to written value);
     *                 each result is (model accessor, canonical key, value)
     */
    public record Table(String key, String model, List<Field> fields, List<Table> tables, List<Array> arrays,
                        boolean typed, @Nullable Function<java.util.Map<String, Object>, List<Defaulted>> defaults) {

        /** Copies the lists. */
        public Table {
            fields = List.copyOf(fields);
            tables = List.copyOf(tables);
            arrays = List.copyOf(arrays);
        }

        /** A typed table without defaults. */
        public static Table of(String key, String model, List<Field> fields, List<Table> tables, List<Array> arrays) {
            return new Table(key, model, fields, tables, arrays, true, null);
        }

        /** This table with defaults. */
        public Table withDefaults(Function<java.util.Map<String, Object>, List<Defaulted>> rule) {
            return new Table(key, model, fields, tables, arrays, typed, rule);
        }

        /** The field with this model accessor. */
        public @Nullable Field field(String modelName) {
            return fields.stream().filter(f -> f.model().equals(modelName)).findFirst().orElse(null);
        }

        /** The sub-table with this model accessor. */
        public @Nullable Table table(String modelName) {
            return tables.stream().filter(t -> t.model().equals(modelName)).findFirst().orElse(null);
        }

        /** True when this table only holds other tables or arrays (it has no fields of its own). */
        public boolean container() {
            return fields.isEmpty();
        }
    }

    /**
     * An array of tables.
     *
     * @param key     the canonical key
     * @param model   the model accessor
     * @param element the element table
     * @param max     the most elements generated
     */
    public record Array(String key, String model, Table element, int max) {
    }

    /**
     * A value gitlab-runner defaults when its key is absent, to expect in the model.
     *
     * @param model the model accessor
     * @param key   the canonical key
     * @param value the effective value
     */
    public record Defaulted(String model, String key, Object value) {
    }
}
