package io.github.runnerguard.testkit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.testkit.Draft.ArrayDraft;
import io.github.runnerguard.testkit.Draft.FieldDraft;
import io.github.runnerguard.testkit.Draft.Form;
import io.github.runnerguard.testkit.Draft.RunnerDraft;
import io.github.runnerguard.testkit.Draft.TableDraft;

/**
 * Writes a {@link Draft} as TOML text and records, for every key written, the model value and the position the
 * loader must report.
 *
 * <p>Not thread-safe; use one per config.
 */
final class Renderer {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final List<String> lines = new ArrayList<>();
    private final boolean flat;

    private Renderer(boolean flat) {
        this.flat = flat;
    }

    static GeneratedConfig render(Draft draft) {
        return new Renderer(draft.flat).write(draft);
    }

    /** Collects the expectations of one runner (or of the global table). */
    private static class Sink {
        final Map<String, ExpectedValue> values = new LinkedHashMap<>();
        final List<ExpectedSection> sections = new ArrayList<>();

        void value(String modelPath, String keyPath, Object value, Position position) {
            values.put(modelPath, new ExpectedValue(modelPath, keyPath, value, true, position));
        }

        void section(String modelPath, String keyPath, int line) {
            sections.add(new ExpectedSection(modelPath, keyPath, true, line));
        }

        /** The sink for {@code table}'s content: this one, or none for a table the model does not type. */
        Sink within(TableDraft table) {
            return table.spec.typed() ? this : DISCARD;
        }
    }

    /** Takes the expectations of free-form tables the model does not type, and forgets them. */
    private static final Sink DISCARD = new Sink() {
        @Override
        void value(String modelPath, String keyPath, Object value, Position position) {
        }

        @Override
        void section(String modelPath, String keyPath, int line) {
        }
    };

    private GeneratedConfig write(Draft draft) {
        if (draft.headerComment) {
            lines.add("# GitLab Runner configuration (generated for a test)");
        }
        Sink global = new Sink();
        headerTable(draft.global, "", "", "", -1, false, global);
        List<RunnerExpectation> runners = new ArrayList<>();
        for (int i = 0; i < draft.runners.size(); i++) {
            runners.add(runner(i, draft.runners.get(i)));
        }
        String toml = String.join("\n", lines) + "\n";
        return new GeneratedConfig(toml, new Expectation(List.copyOf(global.values.values()), runners));
    }

    private RunnerExpectation runner(int index, RunnerDraft runner) {
        if (!lines.isEmpty()) {
            lines.add("");
        }
        lines.add("[[runners]]");
        Position header = new Position(lines.size(), 1);
        String keyPath = "runners[" + index + "]";
        Sink sink = new Sink();
        String indent = indent(1);
        writeLine(indent + "name = " + string(runner.name, runner.nameStyle));
        sink.value("name", keyPath + ".name", runner.name, new Position(lines.size(), indent.length() + 1));
        List<FieldDraft> fields = new ArrayList<>(runner.table.fields);
        for (FieldDraft field : List.copyOf(fields)) {
            if (field.spec().key().equals("url")) {
                fieldLine(indent, "", field, keyPath, "", sink);
                fields.remove(field);
            }
        }
        writeLine(indent + "token = " + string(runner.token, 0));
        sink.value("token", keyPath + ".token", runner.token, new Position(lines.size(), indent.length() + 1));
        writeLine(indent + "executor = " + string(runner.executor, 0));
        sink.value("executor", keyPath + ".executor", runner.executor,
                new Position(lines.size(), indent.length() + 1));
        for (FieldDraft field : fields) {
            fieldLine(indent, "", field, keyPath, "", sink);
        }
        FieldDraft flags = runner.featureFlags;
        if (flags != null && runner.featureFlagsForm != Form.HEADER) {
            featureFlags(flags, runner.featureFlagsForm, indent, keyPath, sink);
        }
        for (TableDraft section : runner.sections) {
            if (section.form != Form.HEADER) {
                child(section, indent, "", keyPath, "", sink);
            }
        }
        for (TableDraft section : runner.sections) {
            if (section.form == Form.HEADER) {
                headerTable(section, "runners." + section.spec.key(), join(keyPath, section.spec.key()),
                        section.spec.model(), 1, false, sink);
            }
        }
        if (flags != null && runner.featureFlagsForm == Form.HEADER) {
            writeLine(indent(1) + "[runners.feature_flags]");
            featureFlags(flags, Form.HEADER, indent(2), keyPath, sink);
        }
        List<ExpectedSection> sections = new ArrayList<>(sink.sections);
        for (String model : Catalog.ALL_SECTIONS.keySet()) {
            if (runner.sections.stream().noneMatch(s -> s.spec.model().equals(model))) {
                sections.add(new ExpectedSection(model, join(keyPath, Catalog.ALL_SECTIONS.get(model).key()),
                        false, 0));
            }
        }
        return new RunnerExpectation(index, header, runner.name, runner.executor,
                List.copyOf(sink.values.values()), sections);
    }

    private void featureFlags(FieldDraft flags, Form form, String indent, String keyPath, Sink sink) {
        @SuppressWarnings("unchecked")
        Map<String, Boolean> map = new TreeMap<>((Map<String, Boolean>) flags.value());
        switch (form) {
            case HEADER -> map.forEach((k, v) -> writeLine(indent + k + " = " + v));
            case DOTTED -> map.forEach((k, v) -> writeLine(indent + flags.writtenKey() + "." + k + " = " + v));
            case INLINE -> {
                List<String> entries = new ArrayList<>();
                map.forEach((k, v) -> entries.add(k + " = " + v));
                writeLine(indent + flags.writtenKey() + " = { " + String.join(", ", entries) + " }");
            }
        }
        String model = flags.spec().model();
        sink.values.put(model, new ExpectedValue(model, join(keyPath, flags.spec().key()), Map.copyOf(map), true,
                null));
    }

    /**
     * Writes a table in header form (or the root when {@code depth} is -1): its header, its key/value lines, its
     * dotted and inline children, then its header-form children and arrays of tables.
     */
    private void headerTable(TableDraft table, String tomlPath, String keyPath, String modelPath, int depth,
                             boolean arrayElement, Sink parentSink) {
        Sink sink = parentSink.within(table);
        boolean root = depth < 0;
        boolean hasBody = !table.fields.isEmpty() || table.tables.stream().anyMatch(t -> t.form != Form.HEADER)
                || table.arrays.stream().anyMatch(a -> a.inline);
        if (!root && (hasBody || arrayElement)) {
            writeLine(indent(depth) + (arrayElement ? "[[" + tomlPath + "]]" : "[" + tomlPath + "]"));
            if (table.spec.typed() && !table.spec.container()) {
                sink.section(modelPath, keyPath, lines.size());
            }
        }
        String indent = indent(depth + 1);
        for (FieldDraft field : table.fields) {
            fieldLine(indent, "", field, keyPath, modelPath, sink);
        }
        defaults(table, keyPath, modelPath, sink);
        for (TableDraft child : table.tables) {
            if (child.form != Form.HEADER) {
                child(child, indent, "", keyPath, modelPath, sink);
            }
        }
        for (ArrayDraft array : table.arrays) {
            if (array.inline) {
                StringBuilder line = new StringBuilder(indent).append(array.spec.key()).append(" = ");
                inlineArray(array, line, join(keyPath, array.spec.key()), join(modelPath, array.spec.model()), sink);
                writeLine(line.toString());
            }
        }
        for (TableDraft child : table.tables) {
            if (child.form == Form.HEADER) {
                headerTable(child, join(tomlPath, child.spec.key()), join(keyPath, child.spec.key()),
                        join(modelPath, child.spec.model()), depth + 1, false, sink);
            }
        }
        for (ArrayDraft array : table.arrays) {
            if (!array.inline) {
                for (int i = 0; i < array.elements.size(); i++) {
                    headerTable(array.elements.get(i), join(tomlPath, array.spec.key()),
                            join(keyPath, array.spec.key()) + "[" + i + "]",
                            join(modelPath, array.spec.model()) + "[" + i + "]", depth + 1, true, sink);
                }
            }
        }
    }

    /** Writes a dotted or inline child table inside a header-form table, whose keys start with {@code prefix}. */
    private void child(TableDraft table, String indent, String prefix, String parentKeyPath, String parentModelPath,
                       Sink parentSink) {
        Sink sink = parentSink.within(table);
        String dotted = prefix + table.spec.key();
        String keyPath = join(parentKeyPath, table.spec.key());
        String modelPath = join(parentModelPath, table.spec.model());
        if (table.form == Form.INLINE) {
            StringBuilder line = new StringBuilder(indent).append(dotted).append(" = ");
            inlineTable(table, line, keyPath, modelPath, sink);
            writeLine(line.toString());
            return;
        }
        int firstLine = lines.size() + 1;
        for (FieldDraft field : table.fields) {
            fieldLine(indent, dotted + ".", field, keyPath, modelPath, sink);
        }
        defaults(table, keyPath, modelPath, sink);
        for (TableDraft sub : table.tables) {
            child(sub, indent, dotted + ".", keyPath, modelPath, sink);
        }
        for (ArrayDraft array : table.arrays) {
            StringBuilder line = new StringBuilder(indent).append(dotted).append('.').append(array.spec.key())
                    .append(" = ");
            inlineArray(array, line, join(keyPath, array.spec.key()), join(modelPath, array.spec.model()), sink);
            writeLine(line.toString());
        }
        if (table.spec.typed() && !table.spec.container() && lines.size() >= firstLine) {
            sink.section(modelPath, keyPath, firstLine);
        }
    }

    /** Appends {@code { key = value, ... }} to {@code line}, which becomes the next line of the file. */
    private void inlineTable(TableDraft table, StringBuilder line, String keyPath, String modelPath, Sink parentSink) {
        Sink sink = parentSink.within(table);
        int lineNumber = lines.size() + 1;
        line.append("{ ");
        boolean first = true;
        for (FieldDraft field : table.fields) {
            first = separate(line, first);
            Position position = new Position(lineNumber, line.length() + 1);
            line.append(field.writtenKey()).append(" = ").append(value(field));
            sink.value(join(modelPath, field.spec().model()), join(keyPath, field.spec().key()), field.value(),
                    position);
        }
        defaults(table, keyPath, modelPath, sink);
        for (TableDraft sub : table.tables) {
            first = separate(line, first);
            line.append(sub.spec.key()).append(" = ");
            inlineTable(sub, line, join(keyPath, sub.spec.key()), join(modelPath, sub.spec.model()), sink);
        }
        for (ArrayDraft array : table.arrays) {
            first = separate(line, first);
            line.append(array.spec.key()).append(" = ");
            inlineArray(array, line, join(keyPath, array.spec.key()), join(modelPath, array.spec.model()), sink);
        }
        line.append(" }");
        if (table.spec.typed() && !table.spec.container()) {
            sink.section(modelPath, keyPath, lineNumber);
        }
    }

    private void inlineArray(ArrayDraft array, StringBuilder line, String keyPath, String modelPath, Sink sink) {
        line.append('[');
        for (int i = 0; i < array.elements.size(); i++) {
            if (i > 0) {
                line.append(", ");
            }
            inlineTable(array.elements.get(i), line, keyPath + "[" + i + "]", modelPath + "[" + i + "]", sink);
        }
        line.append(']');
    }

    private static boolean separate(StringBuilder line, boolean first) {
        if (!first) {
            line.append(", ");
        }
        return false;
    }

    private void fieldLine(String indent, String prefix, FieldDraft field, String keyPath, String modelPath,
                           Sink sink) {
        writeLine(indent + prefix + field.writtenKey() + " = " + value(field));
        sink.value(join(modelPath, field.spec().model()), join(keyPath, field.spec().key()), field.value(),
                new Position(lines.size(), indent.length() + 1));
    }

    private static void defaults(TableDraft table, String keyPath, String modelPath, Sink sink) {
        if (table.spec.defaults() == null) {
            return;
        }
        Map<String, Object> written = new LinkedHashMap<>();
        for (FieldDraft field : table.fields) {
            written.put(field.spec().model(), field.value());
        }
        for (Spec.Defaulted defaulted : table.spec.defaults().apply(written)) {
            String path = join(modelPath, defaulted.model());
            sink.values.put(path, new ExpectedValue(path, join(keyPath, defaulted.key()), defaulted.value(), false,
                    null));
        }
    }

    private void writeLine(String line) {
        lines.add(line);
    }

    private String indent(int depth) {
        return flat || depth <= 0 ? "" : "  ".repeat(depth);
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static String value(FieldDraft field) {
        Object value = field.value();
        return switch (field.spec().type()) {
            case BOOL, INT, FLOAT -> String.valueOf(value);
            case STRING -> string((String) value, field.style());
            case STRINGS -> strings(value, field.style());
            case STRING_OR_ARRAY -> {
                List<?> list = (List<?>) value;
                yield list.size() == 1 && field.style() == 1 ? string((String) list.get(0), 0) : strings(value, 0);
            }
            case DURATION -> '"' + (field.style() == 0 ? GoDuration.format((Duration) value)
                    : compact(GoDuration.format((Duration) value))) + '"';
            case DATETIME -> DATE_TIME.format((OffsetDateTime) value);
            case BOOL_MAP -> throw new IllegalStateException("maps are written as tables");
        };
    }

    private static String compact(String goDuration) {
        String out = goDuration.replaceAll("(?<=[hm])0s$", "").replaceAll("(?<=h)0m", "");
        return out.isEmpty() ? "0s" : out;
    }

    private static String strings(Object value, int style) {
        List<String> out = new ArrayList<>();
        for (Object element : (List<?>) value) {
            out.add(string((String) element, style));
        }
        return "[" + String.join(", ", out) + "]";
    }

    /** A TOML string: basic ({@code "..."}, escaped) for style 0, literal ({@code '...'}) for 1 where possible. */
    static String string(String text, int style) {
        boolean literalPossible = text.chars().noneMatch(c -> c == '\'' || c < 0x20 || c == 0x7f);
        if (style == 1 && literalPossible) {
            return "'" + text + "'";
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
