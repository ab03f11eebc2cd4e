package io.github.runnerguard.testkit;

import java.util.ArrayList;
import java.util.List;

/** A config decided but not yet written: which tables, fields, values, key spellings and forms. Mutable. */
final class Draft {

    /** How a table is written relative to its parent. */
    public enum Form {
        /** {@code [parent.table]} header (or {@code [[...]]} for an array element). */
        HEADER,
        /** {@code table.key = value} lines in the parent table. */
        DOTTED,
        /** {@code table = { key = value }} in the parent table. */
        INLINE
    }

    /** Flat files (no indentation), as gitlab-runner writes them, instead of the docs' nested indentation. */
    boolean flat;
    /** A comment line at the top of the file. */
    boolean headerComment;
    /** The global table. */
    TableDraft global = new TableDraft(Catalog.GLOBAL, Form.HEADER);
    /** The runners. */
    final List<RunnerDraft> runners = new ArrayList<>();

    /** One runner. */
    static final class RunnerDraft {
        String name = "";
        String executor = "";
        String token = "";
        int nameStyle;
        /** The runner's own keys (url, limit, ...). */
        TableDraft table = new TableDraft(Catalog.RUNNER, Form.HEADER);
        /** feature_flags, written as a table. */
        FieldDraft featureFlags;
        Form featureFlagsForm = Form.HEADER;
        /** The sections, in writing order. */
        final List<TableDraft> sections = new ArrayList<>();
    }

    /** A table with the fields, sub-tables and arrays chosen for it. */
    static final class TableDraft {
        final Spec.Table spec;
        final Form form;
        final List<FieldDraft> fields = new ArrayList<>();
        final List<TableDraft> tables = new ArrayList<>();
        final List<ArrayDraft> arrays = new ArrayList<>();

        TableDraft(Spec.Table spec, Form form) {
            this.spec = spec;
            this.form = form;
        }

        boolean isEmpty() {
            return fields.isEmpty() && tables.isEmpty() && arrays.isEmpty();
        }
    }

    /**
     * A field with its value.
     *
     * @param spec       the field
     * @param writtenKey the key as written (a case variant of the canonical key, or the key itself)
     * @param value      the model value
     * @param style      0 or 1: basic or literal strings; array or single string; long or short durations
     */
    record FieldDraft(Spec.Field spec, String writtenKey, Object value, int style) {
    }

    /** An array of tables with its elements. */
    static final class ArrayDraft {
        final Spec.Array spec;
        final boolean inline;
        final List<TableDraft> elements = new ArrayList<>();

        ArrayDraft(Spec.Array spec, boolean inline) {
            this.spec = spec;
            this.inline = inline;
        }
    }
}
