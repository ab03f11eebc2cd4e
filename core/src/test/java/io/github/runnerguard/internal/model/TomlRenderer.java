package io.github.runnerguard.internal.model;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.Value;

/**
 * Renders a model's written keys as config.toml text: key/value pairs first, then {@code [sub.tables]} and
 * {@code [[arrays.of.tables]]} with full dotted headers. Durations alternate between Go duration strings and integer
 * nanoseconds, one-element {@code pull_policy} lists between a string and an array, so both forms get loaded.
 */
final class TomlRenderer {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSSSSSSSS]XXX");

    private final StringBuilder out = new StringBuilder();
    private int counter;

    private TomlRenderer() {
    }

    /** The TOML text of a generated model. */
    static String render(ModelGenerator.Spec spec) {
        TomlRenderer renderer = new TomlRenderer();
        renderer.table(spec.global(), "");
        for (Runner runner : spec.runners()) {
            renderer.out.append("\n[[runners]]\n");
            renderer.table(runner, "runners");
        }
        return renderer.out.toString();
    }

    private void table(Record record, String path) {
        List<ModelSchema.Field> fields = ModelSchema.fields(record.getClass());
        for (ModelSchema.Field field : fields) {
            if (field.kind() == ModelSchema.Kind.TABLE || field.kind() == ModelSchema.Kind.TABLES) {
                continue;
            }
            Value<?> value = (Value<?>) ModelTrees.component(record, field.component());
            if (value.isSet()) {
                out.append(field.key()).append(" = ").append(value(field.kind(), value.value())).append('\n');
            }
        }
        for (ModelSchema.Field field : fields) {
            String child = path.isEmpty() ? field.key() : path + "." + field.key();
            if (field.kind() == ModelSchema.Kind.TABLE) {
                Record sub = (Record) ModelTrees.component(record, field.component());
                if (ModelTrees.present(sub)) {
                    out.append("\n[").append(child).append("]\n");
                    table(sub, child);
                }
            } else if (field.kind() == ModelSchema.Kind.TABLES) {
                for (Object element : (List<?>) ModelTrees.component(record, field.component())) {
                    out.append("\n[[").append(child).append("]]\n");
                    table((Record) element, child);
                }
            }
        }
    }

    private String value(ModelSchema.Kind kind, Object value) {
        switch (kind) {
            case DURATION: {
                Duration duration = (Duration) value;
                return counter++ % 2 == 0 ? string(GoDuration.format(duration)) : Long.toString(duration.toNanos());
            }
            case STRING_OR_STRINGS: {
                List<?> list = (List<?>) value;
                if (list.size() == 1 && counter++ % 2 == 0) {
                    return string((String) list.get(0));
                }
                return scalar(value);
            }
            default:
                return scalar(value);
        }
    }

    private static String scalar(Object value) {
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        if (value instanceof Long || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof OffsetDateTime time) {
            return DATE_TIME.format(time);
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            for (Object element : list) {
                text.append(text.length() > 1 ? ", " : "").append(scalar(element));
            }
            return text.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                text.append(text.length() > 1 ? ", " : " ").append(string((String) entry.getKey())).append(" = ")
                        .append(scalar(entry.getValue()));
            }
            return text.append(map.isEmpty() ? "}" : " }").toString();
        }
        throw new IllegalArgumentException("cannot render " + value.getClass());
    }

    /** A TOML basic string. */
    static String string(String value) {
        StringBuilder text = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\b' -> text.append("\\b");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\f' -> text.append("\\f");
                case '\r' -> text.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        text.append(String.format("\\u%04X", c));
                    } else {
                        text.appendCodePoint(c);
                    }
                }
            }
        });
        return text.append('"').toString();
    }
}
