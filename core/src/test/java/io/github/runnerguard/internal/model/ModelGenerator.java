package io.github.runnerguard.internal.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.GlobalSettings;
import io.github.runnerguard.config.NfsVolume;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.Value;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Generates random models as a file would write them: every record of {@link ModelSchema} (free-form tables left out),
 * each key set with some probability to a random value of its kind, sub-tables and arrays of tables a few levels deep.
 * Set values sit at {@link #WRITTEN}; keys not set are absent, with no defaults applied.
 */
final class ModelGenerator {

    /** The position of every generated value that stands for a written key. */
    static final Position WRITTEN = new Position(1, 1);

    /** Characters strings are made of: plain text, TOML escapes, control characters, non-ASCII and astral. */
    private static final String[] ALPHABET = {"a", "b", "Z", "0", "9", " ", "-", "_", ".", ":", "/", "=", "$", "{",
        "}", "[", "]", "#", "'", "\"", "\\", "\t", "\n", "\r", "\b", "\f", "\u0001", "\u001f", "\u007f", "é", "ü",
        "日", "\u00a0", "\u2028", "😀"};

    /** A generated model: the global settings and the runners. */
    record Spec(GlobalSettings global, List<Runner> runners) {
    }

    private final RandomnessSource in;

    private ModelGenerator(RandomnessSource in) {
        this.in = in;
    }

    /** Random models. */
    static Gen<Spec> specs() {
        Gen<Spec> gen = in -> new ModelGenerator(in).spec();
        return gen.describedAs(TomlRenderer::render);
    }

    private Spec spec() {
        GlobalSettings global = (GlobalSettings) record(GlobalSettings.class, "", true, 0, 0);
        int count = between(0, 3);
        List<Runner> runners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runners.add((Runner) record(Runner.class, "runners[" + i + "]", true, 1, i));
        }
        return new Spec(global, runners);
    }

    private Record record(Class<? extends Record> type, String path, boolean wanted, int depth, int index) {
        Map<String, Object> args = new LinkedHashMap<>();
        boolean content = false;
        for (ModelSchema.Field field : ModelSchema.fields(type)) {
            Object value = component(type, field, path, depth);
            args.put(field.component(), value);
            content |= hasContent(value);
        }
        boolean present = wanted || content;
        args.put("index", index);
        args.put("position", present ? WRITTEN : null);
        args.put("present", present);
        args.put("raw", new ConfigTable(path, null, List.of()));
        return construct(type, args);
    }

    private static boolean hasContent(Object value) {
        if (value instanceof Value<?> v) {
            return v.isSet();
        }
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        if (value instanceof Record record) {
            return ModelTrees.present(record);
        }
        return false;
    }

    private Object component(Class<? extends Record> type, ModelSchema.Field field, String path, int depth) {
        String childPath = path.isEmpty() ? field.key() : path + "." + field.key();
        Object constrained = constrained(type, field);
        if (constrained != null) {
            return constrained;
        }
        switch (field.kind()) {
            case TABLE:
                return record(field.record(), childPath, depth < 4 && chance(25), depth + 1, 0);
            case TABLES: {
                int count = depth < 4 && chance(20) ? between(1, 2) : 0;
                List<Record> elements = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    elements.add(record(field.record(), childPath + "[" + i + "]", true, depth + 1, 0));
                }
                return elements;
            }
            case FREE_TABLE:
                return Value.absent();
            default:
                return chance(30) ? Value.of(scalar(field.kind()), WRITTEN) : Value.absent();
        }
    }

    /**
     * A value for the keys whose content gitlab-runner validates while loading (the binder reports an invalid one and
     * leaves it unbound): null for every other key.
     */
    private Object constrained(Class<? extends Record> type, ModelSchema.Field field) {
        if (type == NfsVolume.class && List.of("name", "mount_path", "server", "path").contains(field.key())) {
            return Value.of(string(), WRITTEN); // required keys
        }
        if (!chance(30)) {
            return field.key().equals("MachineOptionsWithName") || field.key().equals("labels")
                    || field.key().equals("weight") ? Value.absent() : null;
        }
        if (field.key().equals("MachineOptionsWithName")) {
            return Value.of(list(() -> string() + "%s"), WRITTEN); // each option names the machine
        }
        if (field.key().equals("labels") && field.kind() == ModelSchema.Kind.STRING_MAP) {
            return Value.of(map(() -> word(3), () -> word(1)), WRITTEN); // label name and value patterns
        }
        if (field.key().equals("weight")) {
            return Value.of((long) between(Integer.MIN_VALUE, Integer.MAX_VALUE), WRITTEN); // an int32
        }
        return null;
    }

    /** A label-safe word of at least {@code min} characters. */
    private String word(int min) {
        String chars = "abcXYZ019._-";
        StringBuilder text = new StringBuilder(chars.substring(0, 1));
        int length = between(min, min + 6);
        while (text.length() < length) {
            text.append(chars.charAt(between(0, chars.length() - 1)));
        }
        return text.toString();
    }

    private Object scalar(ModelSchema.Kind kind) {
        switch (kind) {
            case STRING:
                return string();
            case INTEGER:
                return integer();
            case FLOAT:
                return floatingPoint();
            case BOOL:
                return chance(50);
            case DURATION:
                return Duration.ofNanos(integer());
            case DATETIME:
                return dateTime();
            case STRINGS:
            case STRING_OR_STRINGS:
                return list(this::string);
            case INTEGERS:
                return list(this::integer);
            case FLOATS:
                return list(this::floatingPoint);
            case STRING_MAP:
                return map(this::string);
            case BOOL_MAP:
                return map(() -> chance(50));
            case INTEGER_MAP:
                return map(this::integer);
            case STRINGS_MAP:
                return map(() -> list(this::string));
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    private boolean chance(int percent) {
        return in.next(Constraint.between(0, 99)) < percent;
    }

    private int between(int min, int max) {
        return (int) in.next(Constraint.between(min, max));
    }

    private String string() {
        int length = between(0, 8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[between(0, ALPHABET.length - 1)]);
        }
        return text.toString();
    }

    private long integer() {
        switch (between(0, 3)) {
            case 0:
                return between(-3, 3);
            case 1:
                return between(0, 100_000);
            case 2:
                return in.next(Constraint.none());
            default:
                return between(0, 1) == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private double floatingPoint() {
        switch (between(0, 3)) {
            case 0:
                return between(-1000, 1000) / 8.0;
            case 1:
                return between(-5, 5);
            case 2:
                double value = Double.longBitsToDouble(in.next(Constraint.none()));
                return Double.isFinite(value) && value != 0 ? value : 0.5;
            default:
                return between(0, 1) == 0 ? 0.0 : 1e300; // not -0.0: Jackson reads "-0.0" as 0.0
        }
    }

    private OffsetDateTime dateTime() {
        long seconds = in.next(Constraint.between(-62_135_596_800L, 253_402_300_799L)); // years 1 to 9999, UTC
        int nanos = chance(50) ? 0 : between(0, 999_999_999);
        int offsetMinutes = chance(50) ? 0 : between(-18 * 60 + 1, 18 * 60 - 1);
        OffsetDateTime utc = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds, nanos),
                ZoneOffset.UTC);
        OffsetDateTime shifted = utc.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        return shifted.getYear() < 1 || shifted.getYear() > 9999 ? utc : shifted;
    }

    private <T> List<T> list(Supplier<T> element) {
        int count = between(0, 3);
        List<T> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(element.get());
        }
        return values;
    }

    private <T> Map<String, T> map(Supplier<T> value) {
        return map(this::string, value);
    }

    private <T> Map<String, T> map(Supplier<String> key, Supplier<T> value) {
        int count = between(0, 3);
        Map<String, T> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            values.putIfAbsent(key.get(), value.get());
        }
        return values;
    }

    private static Record construct(Class<? extends Record> type, Map<String, Object> args) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (!args.containsKey(components[i].getName())) {
                throw new IllegalStateException(type.getSimpleName() + "." + components[i].getName()
                        + " is not in ModelSchema");
            }
            values[i] = args.get(components[i].getName());
        }
        try {
            Constructor<? extends Record> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }
}
