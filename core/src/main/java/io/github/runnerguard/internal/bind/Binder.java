package io.github.runnerguard.internal.bind;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.regex.Pattern;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.internal.toml.PositionIndex;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;

/**
 * The binder: it binds a parsed {@code config.toml} tree to gitlab-runner's schema with the rules of its TOML decoder
 * (BurntSushi/toml, section 1 of {@code config-schema.md}), producing the raw view and diagnostics.
 *
 * <p>The rules:
 * <ul>
 *   <li>A key binds to the field tagged exactly so, else to the first field in struct order whose tag equals it under
 *       Go's {@code strings.EqualFold} ({@link GoFold}); {@code _} and {@code -} never fold. Keys of a struct with a
 *       custom decoder ({@code [[runners.kubernetes.volumes.nfs]]}) match exactly, and its required keys must be
 *       there.</li>
 *   <li>Two keys of one table that bind to one field are decoded in random order, so gitlab-runner keeps either
 *       value: an {@link Diagnostic.Kind#AMBIGUOUS_KEY} names both, and the less safe value ({@link LessSafe}) is the
 *       bound one. Two spellings of a sub-table or a map are merged by the decoder, as here; only the keys that
 *       collide inside them are ambiguous.</li>
 *   <li>A key no field takes is ignored by gitlab-runner: an {@link Diagnostic.Kind#UNKNOWN_KEY}, once for the key and
 *       not for what it holds, with the closest known key ({@link KeySuggester}). Map tables
 *       ({@code feature_flags}, labels, {@code plugin_config}) take any key.</li>
 *   <li>A value of a type the field's Go type refuses makes gitlab-runner refuse the file: a
 *       {@link Diagnostic.Kind#TYPE_MISMATCH} with the expected and found types. A value of the right type that
 *       gitlab-runner still refuses (an invalid duration, an int32 out of range, a missing required key, a label that
 *       fails validation) is an {@link Diagnostic.Kind#INVALID_VALUE}. Binding goes on after either.</li>
 * </ul>
 *
 * <p>The raw view keeps every key. {@link ConfigEntry#field()} is the canonical tag (the key itself inside maps),
 * null for an unknown key; {@link ConfigEntry#bound()} is true when gitlab-runner's value comes from that entry, false
 * for unknown keys, the losing side of an ambiguity, and values gitlab-runner refuses (whose contents are still bound
 * as far as they can be, to report what else is wrong in them). Paths use canonical keys for known fields and the
 * key as written otherwise; keys that are not bare TOML keys are quoted ({@code labels."test.label"}).
 *
 * <p>Datetimes must reach the binder as {@code java.time} values (Jackson's {@code TomlReadFeature.PARSE_JAVA_TIME});
 * a datetime read as a string cannot be told from a string. Messages never contain the value of a secret-bearing key
 * (section 4 of the reference); type mismatches name types only.
 *
 * <p>Runs in time linear in the number of keys. {@link #bind} is thread-safe: each call works on its own state.
 */
public final class Binder {

    private static final Pattern LABEL_KEY = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{2,64}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[a-zA-Z0-9._-]{1,256}");
    private static final int MAX_LABELS = 32;
    private static final long MAX_SAFE_FLOAT_INT = (1L << 53) - 1;
    private static final ValueType STRING = new ValueType(ValueType.Kind.STRING, null, null);

    private final Schema schema;
    private final KeySuggester suggester;
    private final PositionIndex positions;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Suggestions already made in this document, by struct, section and key: a key repeated in every runner. */
    private final Map<String, Optional<KeySuggester.Suggestion>> suggestions = new HashMap<>();
    /**
     * Recent short string values of this document by hash, so that a value written in many tables (an image, a URL, a
     * volume) is kept once. Direct-mapped and bounded: a value met once costs one probe of a small array that stays in
     * the cache, however many values the document has, and a value that keeps coming back keeps its slot. It starts
     * small (most files have a few runners) and doubles, keeping its values, as misses fill it, up to
     * {@link #SHARED_STRING_SLOTS}.
     */
    private String[] strings = new String[FIRST_SHARED_STRING_SLOTS];
    /** Values put into {@link #strings} since it last grew. */
    private int stringsAdded;
    /** The struct of a {@code [[runners]]} entry. */
    private final Schema.Struct runnerStruct;
    /**
     * The number of label keys of each bound runner table that writes labels, counted while the table is fresh, so
     * that {@link #checkLabelCount} need not walk every runner's entries again.
     */
    private final Map<ConfigTable, Integer> runnerLabels = new IdentityHashMap<>();
    /** Unknown keys reported so far in this document. */
    private int unknownKeys;

    /** How many unknown keys of one document get a "did you mean" suggestion. */
    static final int SUGGESTION_LIMIT = 1_000;
    /** The longest string value shared between the tables that write it. */
    private static final int SHARED_STRING_LENGTH = 256;
    /** The most slots {@link #strings} grows to, a power of two. */
    private static final int SHARED_STRING_SLOTS = 4096;
    /** The slots {@link #strings} starts with, a power of two. */
    private static final int FIRST_SHARED_STRING_SLOTS = 128;

    private Binder(Schema schema, KeySuggester suggester, PositionIndex positions) {
        this.schema = schema;
        this.suggester = suggester;
        this.positions = positions;
        Schema.Field runners = Objects.requireNonNull(schema.root().lookup("runners"), "runners");
        this.runnerStruct = schema.struct(Objects.requireNonNull(runners.type().struct()));
    }

    private static final class Suggesters {
        static final KeySuggester DEFAULT = new KeySuggester(Schema.get());
    }

    /**
     * Binds a document.
     *
     * @param root      the document's root table, as Jackson's TOML reader builds it
     * @param positions where each key is in the source text ({@link PositionIndex#EMPTY} when unknown)
     * @return the raw view and the diagnostics
     */
    public static BindResult bind(ObjectNode root, PositionIndex positions) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(positions, "positions");
        Binder binder = new Binder(Schema.get(), Suggesters.DEFAULT, positions);
        ConfigTable raw = binder.bindStruct(binder.schema.root(),
                List.of(new Source(root, "", List.of(), null)), "", false).get(0);
        binder.checkLabelCount(raw);
        List<Diagnostic> sorted = new ArrayList<>(binder.diagnostics);
        sorted.sort(Comparator.comparing(Diagnostic::position, Comparator.nullsLast(Comparator.naturalOrder())));
        return new BindResult(raw, sorted);
    }

    /** A TOML table being bound as one struct value (several tables when two spellings of a key are merged). */
    private record Source(JsonNode node, String path, List<Object> rawPath, @Nullable Position position) {
    }

    /** One key of a table, on its way to becoming a {@link ConfigEntry}. */
    private static final class Pending {
        final String key;
        final JsonNode value;
        final Schema.@Nullable Field field;
        final String path;
        /** The raw path of the table the key is in; with {@link #key} it makes the key's own. */
        final List<Object> parentRaw;
        final @Nullable Position position;
        private @Nullable List<Object> rawPath;
        @Nullable ConfigNode node;
        boolean bound;
        boolean valid;

        Pending(String key, JsonNode value, Schema.@Nullable Field field, String path, List<Object> parentRaw,
                @Nullable Position position) {
            this.key = key;
            this.value = value;
            this.field = field;
            this.path = path;
            this.parentRaw = parentRaw;
            this.position = position;
        }

        /** The raw path of the key, made when first needed: a scalar's is needed only for a message. */
        List<Object> rawPath() {
            List<Object> made = rawPath;
            if (made == null) {
                made = append(parentRaw, key);
                rawPath = made;
            }
            return made;
        }

        ConfigNode node() {
            return Objects.requireNonNull(node, "node");
        }
    }

    /**
     * A reusable view of a parent path and one more segment, so that looking a key's position up copies no path and
     * (mostly) allocates no iterator. Only for the duration of one {@link PositionIndex#of} call, which does not keep
     * the list it is given.
     */
    private static final class ChildPath extends AbstractList<Object> implements RandomAccess {
        private List<Object> parent = List.of();
        private Object last = "";
        private final Cursor cursor = new Cursor();
        /** Whether {@link #cursor} was handed out since the last {@link #set}. */
        private boolean iterating;

        ChildPath set(List<Object> parent, Object last) {
            this.parent = parent;
            this.last = last;
            this.iterating = false;
            return this;
        }

        @Override
        public Object get(int index) {
            int size = parent.size();
            if (index == size) {
                return last;
            }
            Objects.checkIndex(index, size);
            return parent.get(index);
        }

        @Override
        public int size() {
            return parent.size() + 1;
        }

        @Override
        public Iterator<Object> iterator() {
            if (iterating) {
                return super.iterator();
            }
            iterating = true;
            cursor.next = 0;
            return cursor;
        }

        /** The iterator {@link #iterator()} reuses. */
        private final class Cursor implements Iterator<Object> {
            int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Object next() {
                if (next >= size()) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        }
    }

    private final ChildPath lookup = new ChildPath();

    /**
     * The position of {@code key}, the {@code rank}-th key of the table at {@code parentRaw}: from the table's
     * {@code keys} when the index has that view, else looked up by path.
     */
    private @Nullable Position keyPosition(PositionIndex.@Nullable Keys keys, int rank, List<Object> parentRaw,
                                           String key) {
        return keys != null ? keys.position(rank, key) : positionOf(parentRaw, key);
    }

    /** The position of {@code segment} under {@code parentRaw}. */
    private @Nullable Position positionOf(List<Object> parentRaw, Object segment) {
        return positions.of(lookup.set(parentRaw, segment));
    }

    // ---------------------------------------------------------------------------------------------------- structs

    private List<ConfigTable> bindStruct(Schema.Struct struct, List<Source> sources, String sectionPath,
                                         boolean sectionArray) {
        List<List<Pending>> perSource = new ArrayList<>(sources.size());
        int keyCount = 0;
        for (int s = 0; s < sources.size(); s++) {
            keyCount += sources.get(s).node().size();
        }
        List<Pending> known = new ArrayList<>(keyCount);
        // Which fields have a key already: a second key for one field (an ambiguity, or two spellings of a table to
        // merge) is rare, and only then are the keys grouped by field.
        long[] seen = new long[(struct.fields().size() + 63) >>> 6];
        boolean repeated = false;
        for (int s = 0; s < sources.size(); s++) {
            Source source = sources.get(s);
            List<Pending> pendings = new ArrayList<>(source.node().size());
            perSource.add(pendings);
            PositionIndex.Keys keys = positions.keysOf(source.rawPath());
            int rank = 0;
            for (Map.Entry<String, JsonNode> property : source.node().properties()) {
                String key = property.getKey();
                Position position = keyPosition(keys, rank++, source.rawPath(), key);
                Schema.Field field = struct.lookup(key);
                if (field != null && field.key().equals(key)) {
                    key = field.key(); // one String for the key in every table that writes it so
                }
                String path = field != null ? child(source.path(), field.key(), struct.bareKey(field))
                        : child(source.path(), key);
                Pending pending = new Pending(key, property.getValue(), field, path, source.rawPath(), position);
                pendings.add(pending);
                if (field == null) {
                    pending.node = raw(pending, false);
                    reportUnknown(struct, sectionPath, sectionArray, pending);
                } else {
                    known.add(pending);
                    int index = field.index();
                    long bit = 1L << index;
                    if ((seen[index >>> 6] & bit) != 0) {
                        repeated = true;
                    }
                    seen[index >>> 6] |= bit;
                }
            }
        }
        if (!repeated) {
            for (Pending pending : known) {
                Schema.Field field = Objects.requireNonNull(pending.field);
                if (holdsValue(field.type())) {
                    bindValue(struct, field, pending, sectionPath);
                    pending.bound = pending.valid; // the only candidate: chosen when valid
                } else {
                    bindField(struct, field, List.of(pending), sectionPath);
                }
            }
        } else {
            Map<Schema.Field, List<Pending>> byField = new LinkedHashMap<>();
            for (Pending pending : known) {
                byField.computeIfAbsent(Objects.requireNonNull(pending.field), f -> new ArrayList<>(2)).add(pending);
            }
            for (Map.Entry<Schema.Field, List<Pending>> group : byField.entrySet()) {
                bindField(struct, group.getKey(), group.getValue(), sectionPath);
            }
        }
        if (!struct.required().isEmpty()) {
            Set<String> present = new HashSet<>();
            for (Pending pending : known) {
                present.add(Objects.requireNonNull(pending.field).key());
            }
            List<String> missing = new ArrayList<>();
            for (String key : struct.required()) {
                if (!present.contains(key)) {
                    missing.add("`" + key + "`");
                }
            }
            if (!missing.isEmpty()) {
                Source first = sources.get(0);
                diagnostics.add(Diagnostic.of(Diagnostic.Kind.INVALID_VALUE,
                        "an entry of " + Schema.Section.display(sectionPath, sectionArray) + " lacks the required "
                                + (missing.size() == 1 ? "key " : "keys ") + String.join(", ", missing)
                                + " (keys of this table are matched exactly)" + at(first.position())
                                + "; gitlab-runner refuses to load the file",
                        first.path(), first.position()));
            }
        }
        List<ConfigTable> tables = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            List<ConfigEntry> entries = entries(perSource.get(i), false);
            ConfigTable table = new ConfigTable(source.path(), source.position(), entries);
            if (struct == runnerStruct) {
                int labels = labelCount(table);
                if (labels > 0) {
                    runnerLabels.put(table, labels);
                }
            }
            tables.add(table);
        }
        return tables;
    }

    private void bindField(Schema.Struct struct, Schema.Field field, List<Pending> candidates, String sectionPath) {
        ValueType type = field.type();
        switch (type.kind()) {
            case TABLE -> {
                String childSection = child(sectionPath, field.key());
                bindMergeable(candidates, type, childSection,
                        objects -> bindStruct(schema.struct(Objects.requireNonNull(type.struct())), objects,
                                childSection, false));
            }
            case MAP -> {
                String childSection = child(sectionPath, field.key());
                bindMergeable(candidates, type, childSection,
                        objects -> bindMap(Objects.requireNonNull(type.element()), objects, childSection));
            }
            case ARRAY -> {
                String childSection = child(sectionPath, field.key());
                for (int c = 0; c < candidates.size(); c++) {
            Pending candidate = candidates.get(c);
                    bindArrayOfTables(candidate, schema.struct(Objects.requireNonNull(type.struct())), childSection);
                }
            }
            default -> {
                for (int c = 0; c < candidates.size(); c++) {
            Pending candidate = candidates.get(c);
                    bindValue(struct, field, candidate, sectionPath);
                }
            }
        }
        if (type.mergeable()) {
            for (int c = 0; c < candidates.size(); c++) {
            Pending candidate = candidates.get(c);
                candidate.bound = candidate.valid;
            }
            return;
        }
        choose(struct.name(), field.key(), field.secret(), candidates, sectionPath);
    }

    /** True for a field that holds a value: not a table, a map or an array of tables. */
    private static boolean holdsValue(ValueType type) {
        ValueType.Kind kind = type.kind();
        return kind != ValueType.Kind.TABLE && kind != ValueType.Kind.MAP && kind != ValueType.Kind.ARRAY;
    }

    /** Binds one candidate of a field that holds a value (not a table, map or array of tables). */
    private void bindValue(Schema.Struct struct, Schema.Field field, Pending candidate, String sectionPath) {
        ValueType type = field.type();
        candidate.node = raw(candidate, type.kind() == ValueType.Kind.ANY);
        candidate.valid = check(type, candidate, field.secret(), sectionPath);
        if (candidate.valid) {
            validate(struct, field, candidate);
        }
    }

    private interface GroupBinder {
        List<ConfigTable> bind(List<Source> sources);
    }

    /** Binds the table candidates of a struct or map field together (the decoder merges them); others mismatch. */
    private void bindMergeable(List<Pending> candidates, ValueType type, String childSection, GroupBinder binder) {
        List<Pending> tables = new ArrayList<>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            Pending candidate = candidates.get(c);
            if (candidate.value.isObject()) {
                tables.add(candidate);
            } else if (type.kind() == ValueType.Kind.TABLE && isArrayOfTables(candidate.value)) {
                mismatch(candidate.key, candidate.path, candidate.position, type.describe(), candidate.value,
                        sectionOf(parentOf(childSection)), "write [" + childSection + "], not [[" + childSection + "]]");
                candidate.node = arrayOfStructs(candidate, schema.struct(Objects.requireNonNull(type.struct())),
                        childSection);
            } else {
                mismatch(candidate.key, candidate.path, candidate.position, type.describe(), candidate.value,
                        sectionOf(parentOf(childSection)), null);
                candidate.node = raw(candidate, false);
            }
        }
        if (tables.isEmpty()) {
            return;
        }
        List<Source> sources;
        if (tables.size() == 1) {
            Pending table = tables.get(0);
            sources = List.of(new Source(table.value, table.path, table.rawPath(), table.position));
        } else {
            sources = new ArrayList<>(tables.size());
            for (Pending table : tables) {
                sources.add(new Source(table.value, table.path, table.rawPath(), table.position));
            }
        }
        List<ConfigTable> bound = binder.bind(sources);
        for (int i = 0; i < tables.size(); i++) {
            tables.get(i).node = bound.get(i);
            tables.get(i).valid = true;
        }
    }

    private void bindArrayOfTables(Pending candidate, Schema.Struct struct, String childSection) {
        JsonNode value = candidate.value;
        if (value.isArray()) {
            candidate.valid = true;
            ConfigNode[] elements = new ConfigNode[value.size()];
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                String path = candidate.path + "[" + i + "]";
                List<Object> rawPath = append(candidate.rawPath(), i);
                Position position = positions.of(rawPath);
                if (element.isObject()) {
                    elements[i] = bindStruct(struct, List.of(new Source(element, path, rawPath, position)),
                            childSection, true).get(0);
                } else {
                    candidate.valid = false;
                    mismatchElement(candidate.key, path, position, "a table", element,
                            sectionOf(parentOf(childSection)), "an array of tables");
                    elements[i] = raw(element, path, candidate.rawPath(), i, position, false);
                }
            }
            candidate.node = new ConfigArray(candidate.path, candidate.position, List.of(elements));
        } else if (value.isObject()) {
            mismatch(candidate.key, candidate.path, candidate.position, "an array of tables", value,
                    sectionOf(parentOf(childSection)), "write [[" + childSection + "]]"
                            + (childSection.contains(".") ? "" : " before its sub-tables: a [" + childSection
                            + ".x] header with no [[" + childSection + "]] before it makes `" + childSection
                            + "` a table"));
            candidate.node = bindStruct(struct,
                    List.of(new Source(value, candidate.path, candidate.rawPath(), candidate.position)),
                    childSection, true).get(0);
        } else {
            mismatch(candidate.key, candidate.path, candidate.position, "an array of tables", value,
                    sectionOf(parentOf(childSection)), null);
            candidate.node = raw(candidate, false);
        }
    }

    private ConfigArray arrayOfStructs(Pending candidate, Schema.Struct struct, String childSection) {
        ConfigNode[] elements = new ConfigNode[candidate.value.size()];
        for (int i = 0; i < elements.length; i++) {
            String path = candidate.path + "[" + i + "]";
            List<Object> rawPath = append(candidate.rawPath(), i);
            elements[i] = bindStruct(struct, List.of(new Source(candidate.value.get(i), path, rawPath,
                    positions.of(rawPath))), childSection, true).get(0);
        }
        return new ConfigArray(candidate.path, candidate.position, List.of(elements));
    }

    // ---------------------------------------------------------------------------------------------------- maps

    private List<ConfigTable> bindMap(ValueType valueType, List<Source> sources, String sectionPath) {
        List<List<Pending>> perSource = new ArrayList<>(sources.size());
        // One TOML table has no key twice: keys repeat only across merged spellings of the table.
        Map<String, List<Pending>> byKey = sources.size() > 1 ? new LinkedHashMap<>() : null;
        boolean labels = sectionPath.equals("labels") || sectionPath.equals("runners.labels");
        for (int s = 0; s < sources.size(); s++) {
            Source source = sources.get(s);
            List<Pending> pendings = new ArrayList<>(source.node().size());
            perSource.add(pendings);
            PositionIndex.Keys keys = positions.keysOf(source.rawPath());
            int rank = 0;
            for (Map.Entry<String, JsonNode> property : source.node().properties()) {
                String key = property.getKey();
                String path = child(source.path(), key);
                Pending pending = new Pending(key, property.getValue(), null, path, source.rawPath(),
                        keyPosition(keys, rank++, source.rawPath(), key));
                pendings.add(pending);
                if (byKey != null) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(pending);
                }
                pending.node = raw(pending, valueType.kind() == ValueType.Kind.ANY);
                pending.valid = check(valueType, pending, sectionPath.equals("runners.autoscaler.plugin_config"),
                        sectionPath);
                if (pending.valid && labels) {
                    validateLabel(pending, sectionPath);
                }
            }
        }
        if (byKey == null) {
            for (Pending pending : perSource.get(0)) {
                pending.bound = pending.valid; // the only candidate: chosen when valid
            }
        } else {
            for (Map.Entry<String, List<Pending>> group : byKey.entrySet()) {
                choose("map", group.getKey(), sectionPath.endsWith("plugin_config"), group.getValue(),
                        sectionPath);
            }
        }
        List<ConfigTable> tables = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            tables.add(new ConfigTable(source.path(), source.position(), entries(perSource.get(i), true)));
        }
        return tables;
    }

    // ---------------------------------------------------------------------------------------------------- values

    /**
     * Checks a scalar-like value against its type, reporting what is wrong.
     *
     * @return true when gitlab-runner accepts it
     */
    private boolean check(ValueType type, Pending pending, boolean secret, String sectionPath) {
        JsonNode value = pending.value;
        String key = pending.key;
        String path = pending.path;
        Position position = pending.position;
        switch (type.kind()) {
            case ANY:
                return true;
            case STRING:
                return value.isString()
                        || mismatch(key, path, position, type.describe(), value, sectionOf(sectionPath), null);
            case BOOL:
                return value.isBoolean()
                        || mismatch(key, path, position, type.describe(), value, sectionOf(sectionPath), null);
            case INT:
            case INT32:
                if (!value.isIntegralNumber()) {
                    return mismatch(key, path, position, type.describe(), value, sectionOf(sectionPath), null);
                }
                if (type.kind() == ValueType.Kind.INT32 || !value.canConvertToLong()) {
                    BigInteger number = value.bigIntegerValue();
                    long min = type.kind() == ValueType.Kind.INT32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
                    long max = type.kind() == ValueType.Kind.INT32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
                    if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
                        return invalid(key, path, position, sectionOf(sectionPath), "is out of range for a "
                                + (type.kind() == ValueType.Kind.INT32 ? "32" : "64") + "-bit integer");
                    }
                }
                return true;
            case FLOAT:
                if (value.isFloatingPointNumber()) {
                    return true;
                }
                if (value.isIntegralNumber()) {
                    if (!value.canConvertToLong() || Math.abs(value.longValue()) > MAX_SAFE_FLOAT_INT) {
                        return invalid(key, path, position, sectionOf(sectionPath),
                                "is an integer too large to convert to a float exactly");
                    }
                    return true;
                }
                return mismatch(key, path, position, type.describe(), value, sectionOf(sectionPath), null);
            case DURATION:
                if (value.isIntegralNumber()) {
                    return true;
                }
                if (value.isString()) {
                    try {
                        GoDuration.parseNanos(value.stringValue());
                        return true;
                    } catch (IllegalArgumentException e) {
                        return invalid(key, path, position, sectionOf(sectionPath), "is not a Go duration"
                                + (secret ? "" : " (" + e.getMessage() + ")")
                                + "; write a number with a unit, such as \"30m\" or \"1h30m\"");
                    }
                }
                return mismatch(key, path, position, type.describe(), value, sectionOf(sectionPath), null);
            case TIME:
                if (temporal(value) != null) {
                    return true;
                }
                if (value.isString()) {
                    if (GoTime.isValid(value.stringValue())) {
                        return true;
                    }
                    return invalid(key, path, position, sectionOf(sectionPath), "is not an RFC 3339 date-time such as "
                            + "\"2024-01-01T00:00:00Z\"");
                }
                return mismatch(key, path, position, type.describe(), value, sectionOf(sectionPath), null);
            case STRING_OR_ARRAY:
                if (value.isString()) {
                    return true;
                }
                if (value.isArray()) {
                    return checkElements(STRING, value, key, path, pending, sectionPath, type);
                }
                return mismatch(key, path, position, type.describe(), value, sectionOf(sectionPath), null);
            case LIST:
                if (value.isArray()) {
                    return checkElements(Objects.requireNonNull(type.element()), value, key, path, pending,
                            sectionPath, type);
                }
                return mismatch(key, path, position, type.describe(), value, sectionOf(sectionPath), null);
            default:
                throw new IllegalStateException("not a value type: " + type);
        }
    }

    private boolean checkElements(ValueType elementType, JsonNode array, String key, String path, Pending pending,
                                  String sectionPath, ValueType whole) {
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            boolean elementOk = switch (elementType.kind()) {
                case STRING -> element.isString();
                case INT, INT32 -> element.isIntegralNumber() && element.canConvertToLong();
                case FLOAT -> element.isFloatingPointNumber()
                        || element.isIntegralNumber() && element.canConvertToLong()
                        && Math.abs(element.longValue()) <= MAX_SAFE_FLOAT_INT;
                default -> true;
            };
            if (!elementOk) {
                ok = false;
                mismatchElement(key, path + "[" + i + "]", positions.of(append(pending.rawPath(), i)),
                        elementType.describe(), element, sectionOf(sectionPath), whole.describe());
            }
        }
        return ok;
    }

    /** Checks that only the decoder's own validation does, after the type is right. */
    private void validate(Schema.Struct struct, Schema.Field field, Pending candidate) {
        if (struct.name().equals("DockerMachine") && field.key().equals("MachineOptionsWithName")) {
            JsonNode value = candidate.value;
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).stringValue().contains("%s")) {
                    List<Object> rawPath = append(candidate.rawPath(), i);
                    diagnostics.add(Diagnostic.of(Diagnostic.Kind.INVALID_VALUE,
                            "`" + candidate.key + "` element [" + i + "] does not contain %s, where the machine "
                                    + "name goes" + at(positions.of(rawPath))
                                    + "; gitlab-runner refuses to load the file",
                            candidate.path + "[" + i + "]", positions.of(rawPath)));
                    candidate.valid = false;
                }
            }
        }
    }

    private void validateLabel(Pending pending, String sectionPath) {
        String problem = null;
        if (!LABEL_KEY.matcher(pending.key).matches()) {
            problem = "its name must match ^[a-zA-Z0-9_][a-zA-Z0-9._-]{2,64}$";
        } else if (!LABEL_VALUE.matcher(pending.value.stringValue()).matches()) {
            problem = "its value must match ^[a-zA-Z0-9._-]{1,256}$";
        }
        if (problem != null) {
            pending.valid = false;
            diagnostics.add(Diagnostic.of(Diagnostic.Kind.INVALID_VALUE,
                    "label `" + pending.key + "` in [" + sectionPath + "] is invalid: " + problem
                            + at(pending.position) + "; gitlab-runner refuses to load the file",
                    pending.path, pending.position));
        }
    }

    /** gitlab-runner allows at most 32 labels per runner, counting the global ones it inherits. */
    private void checkLabelCount(ConfigTable root) {
        ConfigNode runners = root.fieldValue("runners").orElse(null);
        if (!(runners instanceof ConfigArray array)) {
            return;
        }
        int globalCount = labelCount(root);
        Set<String> global = null;
        List<ConfigNode> elements = array.elements();
        for (int i = 0; i < elements.size(); i++) {
            // At most as many labels as keys written: only a runner that may have too many needs its set counted.
            // Every runner table was bound as a runner struct, its count taken then (none recorded: no labels).
            if (elements.get(i) instanceof ConfigTable runner
                    && globalCount + runnerLabels.getOrDefault(runner, 0) > MAX_LABELS) {
                if (global == null) {
                    global = labelKeys(root);
                }
                Set<String> all = new HashSet<>(global);
                all.addAll(labelKeys(runner));
                if (all.size() > MAX_LABELS) {
                    Position position = runner.field("labels").map(ConfigEntry::position)
                            .orElse(runner.position());
                    diagnostics.add(Diagnostic.of(Diagnostic.Kind.INVALID_VALUE,
                            "runner " + runner.path() + " has " + all.size() + " labels with the global ones, more "
                                    + "than the " + MAX_LABELS + " gitlab-runner allows" + at(position)
                                    + "; gitlab-runner refuses to load the file",
                            runner.path() + ".labels", position));
                }
            }
        }
    }

    /** The number of label keys {@code table} writes, a key written in two spellings of the table counted twice. */
    private static int labelCount(ConfigTable table) {
        int count = 0;
        List<ConfigEntry> entries = table.entries();
        for (int i = 0; i < entries.size(); i++) {
            ConfigEntry entry = entries.get(i);
            if (entry.bound() && "labels".equals(entry.field()) && entry.value() instanceof ConfigTable labels) {
                count += labels.entries().size();
            }
        }
        return count;
    }

    private static Set<String> labelKeys(ConfigTable table) {
        Set<String> keys = new HashSet<>();
        for (ConfigEntry entry : table.entries()) {
            if (entry.bound() && "labels".equals(entry.field()) && entry.value() instanceof ConfigTable labels) {
                for (ConfigEntry label : labels.entries()) {
                    keys.add(label.key());
                }
            }
        }
        return keys;
    }

    // ---------------------------------------------------------------------------------------------------- choice

    /** Marks the bound candidate among several for one field, reporting an ambiguity when there are several. */
    private void choose(String struct, String key, boolean secret, List<Pending> candidates, String sectionPath) {
        if (candidates.size() == 1) {
            Pending only = candidates.get(0);
            only.bound = only.valid;
            return;
        }
        List<Pending> valid = new ArrayList<>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            Pending candidate = candidates.get(c);
            if (candidate.valid) {
                valid.add(candidate);
            }
        }
        sortByPosition(valid);
        Pending winner = null;
        String reason = "";
        if (!valid.isEmpty()) {
            List<ConfigNode> values = new ArrayList<>(valid.size());
            for (Pending candidate : valid) {
                values.add(candidate.node());
            }
            LessSafe.Choice choice = LessSafe.choose(struct, key, values);
            winner = valid.get(choice.index());
            reason = choice.reason();
            winner.bound = true;
        }
        if (candidates.size() > 1) {
            reportAmbiguous(key, secret, candidates, winner, reason, sectionPath);
        }
    }

    private void reportAmbiguous(String key, boolean secret, List<Pending> candidates, @Nullable Pending winner,
                                 String reason, String sectionPath) {
        List<Pending> ordered = new ArrayList<>(candidates);
        sortByPosition(ordered);
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < ordered.size(); i++) {
            if (i > 0) {
                message.append(i == ordered.size() - 1 ? " and " : ", ");
            }
            message.append(describeKey(ordered.get(i)));
        }
        message.append(" in ").append(sectionOf(sectionPath)).append(ordered.size() == 2 ? " both set `" : " all set `")
                .append(key)
                .append("`; gitlab-runner decodes them in random order and keeps one of them on each load. ");
        if (winner == null) {
            message.append("None of the values is valid.");
        } else {
            String shown = secret ? null : render(winner.node());
            message.append("Audited: ").append(shown == null ? "the value" : shown).append(" from ")
                    .append(describeKey(winner)).append(", because ").append(reason).append('.');
        }
        Pending first = ordered.get(0);
        Pending second = ordered.get(1);
        diagnostics.add(new Diagnostic(Diagnostic.Kind.AMBIGUOUS_KEY, message.toString(), first.path,
                second.position, first.position, null, null));
    }

    private static String describeKey(Pending pending) {
        Position position = pending.position;
        return "`" + pending.key + "`" + (position == null ? "" : " (line " + position.line() + ")");
    }

    /** A short rendering of a value for a message, or null when it should not be shown. */
    private static @Nullable String render(ConfigNode node) {
        if (node instanceof ConfigScalar scalar) {
            Object value = scalar.value();
            if (value instanceof String s) {
                return s.length() <= 60 ? "\"" + s + "\"" : null;
            }
            return String.valueOf(value);
        }
        if (node instanceof ConfigArray array) {
            List<String> parts = new ArrayList<>();
            for (ConfigNode element : array.elements()) {
                String part = render(element);
                if (part == null) {
                    return null;
                }
                parts.add(part);
            }
            String joined = "[" + String.join(", ", parts) + "]";
            return joined.length() <= 80 ? joined : null;
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- reports

    private void reportUnknown(Schema.Struct struct, String sectionPath, boolean sectionArray, Pending pending) {
        // Suggestions cost an edit-distance search each; a file with more unknown keys than any hand-written config
        // has gets plain messages beyond the first SUGGESTION_LIMIT, so hostile input stays linear and fast.
        KeySuggester.Suggestion suggestion = unknownKeys++ >= SUGGESTION_LIMIT ? null : suggestions.computeIfAbsent(
                struct.name() + '\u0000' + sectionPath + '\u0000' + pending.key,
                k -> Optional.ofNullable(suggester.suggest(struct, sectionPath, pending.key))).orElse(null);
        String where = Schema.Section.display(sectionPath, sectionArray);
        StringBuilder message = new StringBuilder();
        if (sectionPath.isEmpty()) {
            message.append("unknown top-level key `").append(pending.key).append('`');
        } else {
            message.append("unknown key `").append(pending.key).append("` in ").append(where);
        }
        message.append(at(pending.position));
        if (struct.exactKeys()) {
            message.append(": gitlab-runner matches the keys of this table exactly and ignores it");
        } else {
            message.append(": gitlab-runner ignores it");
        }
        if (suggestion != null) {
            if (suggestion.section() == null) {
                message.append("; did you mean `").append(suggestion.key()).append("`?");
            } else {
                message.append("; `").append(suggestion.key()).append("` is a key of ")
                        .append(suggestion.section().display());
            }
        }
        diagnostics.add(new Diagnostic(Diagnostic.Kind.UNKNOWN_KEY, message.toString(), pending.path,
                pending.position, null, suggestion == null ? null : suggestion.key(), null));
    }

    /** Reports a type mismatch and returns false. */
    private boolean mismatch(String key, String path, @Nullable Position position, String expected, JsonNode found,
                             String where, @Nullable String hint) {
        diagnostics.add(Diagnostic.of(Diagnostic.Kind.TYPE_MISMATCH,
                "`" + key + "` in " + where + " must be " + expected + ", found " + describe(found) + at(position)
                        + (hint == null ? "" : "; " + hint) + "; gitlab-runner refuses to load the file",
                path, position));
        return false;
    }

    private void mismatchElement(String key, String path, @Nullable Position position, String expected,
                                 JsonNode found, String where, String whole) {
        diagnostics.add(Diagnostic.of(Diagnostic.Kind.TYPE_MISMATCH,
                "`" + key + "` in " + where + " must be " + whole + ", but element " + path.substring(
                        path.lastIndexOf('[')) + " is " + describe(found) + ", not " + expected + at(position)
                        + "; gitlab-runner refuses to load the file",
                path, position));
    }

    /** Reports an invalid value and returns false. */
    private boolean invalid(String key, String path, @Nullable Position position, String where, String problem) {
        diagnostics.add(Diagnostic.of(Diagnostic.Kind.INVALID_VALUE,
                "`" + key + "` in " + where + " " + problem + at(position)
                        + "; gitlab-runner refuses to load the file",
                path, position));
        return false;
    }

    private String sectionOf(String sectionPath) {
        return schema.section(sectionPath).map(Schema.Section::display)
                .orElse(Schema.Section.display(sectionPath, false));
    }

    private static String at(@Nullable Position position) {
        return position == null ? "" : " (line " + position.line() + ", column " + position.column() + ")";
    }

    /** The TOML type of a value, for messages. */
    static String describe(JsonNode value) {
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
        Object temporal = temporal(value);
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
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode element : value.values()) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable Object temporal(JsonNode value) {
        if (value instanceof POJONode pojo) {
            Object inner = pojo.getPojo();
            if (inner instanceof OffsetDateTime || inner instanceof LocalDateTime || inner instanceof LocalDate
                    || inner instanceof LocalTime) {
                return inner;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- raw view

    /** The raw view of a pending key's value; {@code known} marks the keys of its tables as bound. */
    private ConfigNode raw(Pending pending, boolean known) {
        return raw(pending.value, pending.path, pending.parentRaw, pending.key, pending.position, known);
    }

    /**
     * The raw view of the value at {@code segment} of {@code parentRaw}, whose position the caller has looked up;
     * {@code known} marks the keys of its tables as bound (free-form map contents).
     */
    private ConfigNode raw(JsonNode value, String path, List<Object> parentRaw, Object segment,
                           @Nullable Position position, boolean known) {
        if (value.isObject()) {
            List<Object> rawPath = append(parentRaw, segment);
            List<Pending> pendings = new ArrayList<>(value.size());
            PositionIndex.Keys keys = positions.keysOf(rawPath);
            int rank = 0;
            for (Map.Entry<String, JsonNode> property : value.properties()) {
                String key = property.getKey();
                String childPath = child(path, key);
                Pending pending = new Pending(key, property.getValue(), null, childPath, rawPath,
                        keyPosition(keys, rank++, rawPath, key));
                pending.node = raw(pending, known);
                pending.bound = known;
                pendings.add(pending);
            }
            return new ConfigTable(path, position, entries(pendings, known));
        }
        if (value.isArray()) {
            List<Object> rawPath = append(parentRaw, segment);
            ConfigNode[] elements = new ConfigNode[value.size()];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = raw(value.get(i), path + "[" + i + "]", rawPath, i, positionOf(rawPath, i), known);
            }
            return new ConfigArray(path, position, List.of(elements));
        }
        Object scalar = scalar(value);
        if (scalar instanceof String string && string.length() <= SHARED_STRING_LENGTH) {
            scalar = shared(string);
        }
        return new ConfigScalar(path, position, scalar);
    }

    /** {@code value}, or an equal string value met before in this document. */
    private String shared(String value) {
        int slot = slot(value, strings.length);
        String known = strings[slot];
        if (known != null && known.equals(value)) {
            return known;
        }
        strings[slot] = value;
        if (++stringsAdded > strings.length && strings.length < SHARED_STRING_SLOTS) {
            String[] larger = new String[strings.length * 2];
            for (String kept : strings) {
                if (kept != null) {
                    larger[slot(kept, larger.length)] = kept;
                }
            }
            strings = larger;
            stringsAdded = 0;
        }
        return value;
    }

    private static int slot(String value, int slots) {
        int hash = value.hashCode();
        return (hash ^ hash >>> 16) & (slots - 1);
    }

    /** A scalar as {@link ConfigScalar} holds it: String, Long, Double, Boolean or a java.time value. */
    static Object scalar(JsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        } else if (value.isBoolean()) {
            return value.booleanValue();
        } else if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.longValue() : (Object) value.doubleValue();
        } else if (value.isNumber()) {
            return value.doubleValue();
        }
        Object temporal = temporal(value);
        if (temporal != null) {
            return temporal;
        }
        if (value instanceof POJONode pojo && pojo.getPojo() != null) {
            return String.valueOf(pojo.getPojo());
        }
        return value.asString();
    }

    /**
     * Turns pending keys into entries in file order; {@code mapKeys} makes every key its own field name (the keys of
     * a map are the map's fields).
     */
    private static List<ConfigEntry> entries(List<Pending> pendings, boolean mapKeys) {
        List<Pending> ordered = pendings;
        if (!inPositionOrder(pendings)) {
            ordered = new ArrayList<>(pendings);
            sortByPosition(ordered);
        }
        ConfigEntry[] entries = new ConfigEntry[ordered.size()];
        for (int i = 0; i < entries.length; i++) {
            Pending pending = ordered.get(i);
            String field = pending.field != null ? pending.field.key() : mapKeys ? pending.key : null;
            entries[i] = new ConfigEntry(pending.key, field, pending.bound, pending.position, pending.node());
        }
        return List.of(entries); // immutable already, so the table keeps it without a copy
    }

    /** True when the positions are all known and already ascending, or when one is unknown (no sorting then). */
    private static boolean inPositionOrder(List<Pending> pendings) {
        Position previous = null;
        for (Pending pending : pendings) {
            Position position = pending.position;
            if (position == null) {
                return true;
            }
            if (previous != null && previous.compareTo(position) > 0) {
                return false;
            }
            previous = position;
        }
        return true;
    }

    /** Sorts by position when every position is known; otherwise keeps document order. */
    private static void sortByPosition(List<Pending> pendings) {
        for (Pending pending : pendings) {
            if (pending.position == null) {
                return;
            }
        }
        pendings.sort(Comparator.comparing(p -> Objects.requireNonNull(p.position)));
    }

    private static String child(String path, String key) {
        return child(path, key, Schema.bareKey(key));
    }

    /** The path of {@code key} under {@code path}, the key quoted unless {@code bare}. */
    private static String child(String path, String key, boolean bare) {
        String segment = bare ? key : "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return path.isEmpty() ? segment : path + "." + segment;
    }

    private static String parentOf(String sectionPath) {
        int dot = sectionPath.lastIndexOf('.');
        return dot < 0 ? "" : sectionPath.substring(0, dot);
    }

    private static List<Object> append(List<Object> path, Object segment) {
        Object[] out = path.toArray(new Object[path.size() + 1]);
        out[path.size()] = segment;
        return Arrays.asList(out);
    }
}
