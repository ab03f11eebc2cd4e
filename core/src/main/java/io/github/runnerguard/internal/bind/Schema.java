package io.github.runnerguard.internal.bind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * gitlab-runner's {@code config.toml} schema: every struct the decoder fills, its fields in struct order with their
 * TOML keys exactly as tagged and their Go types, and every section path reachable from the root.
 *
 * <p>Loaded from the resource {@code schema.tsv}, which {@code tools/generate-schema.py} generates from section 5 of
 * the reference {@code config-schema.md}. {@link #get()} loads it once, lazily and thread-safely. A schema is
 * immutable and thread-safe.
 */
public final class Schema {

    /** The name of the resource next to this class. */
    public static final String RESOURCE = "schema.tsv";

    private final String sourceHash;
    private final Map<String, Struct> structs;
    private final Map<String, Section> sections;
    private final Struct root;

    private Schema(String sourceHash, Map<String, Struct> structs, Map<String, Section> sections) {
        this.sourceHash = sourceHash;
        this.structs = Collections.unmodifiableMap(structs);
        this.sections = Collections.unmodifiableMap(sections);
        Section rootSection = sections.get("");
        if (rootSection == null || rootSection.kind() != SectionKind.ROOT) {
            throw new IllegalArgumentException("schema has no root section");
        }
        this.root = struct(rootSection.type());
    }

    /** The schema of the bundled resource. */
    public static Schema get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final Schema INSTANCE = load();

        private static Schema load() {
            try (InputStream in = Schema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Reads a schema in the resource's tab-separated format.
     *
     * @throws IllegalArgumentException when the text is malformed or refers to an undefined struct
     */
    public static Schema parse(String text) {
        String hash = "";
        Map<String, StructBuilder> builders = new LinkedHashMap<>();
        Map<String, Section> sections = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.startsWith("# source-sha256\t")) {
                hash = line.substring(line.indexOf('\t') + 1).trim();
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            try {
                switch (cells[0]) {
                    case "struct" -> {
                        expect(cells, 3);
                        builders.put(cells[1], new StructBuilder(cells[1], cells[2]));
                    }
                    case "field" -> {
                        expect(cells, 7);
                        StructBuilder owner = builders.get(cells[1]);
                        if (owner == null) {
                            throw new IllegalArgumentException("field of undeclared struct " + cells[1]);
                        }
                        int index = Integer.parseInt(cells[2]);
                        if (index != owner.fields.size()) {
                            throw new IllegalArgumentException("field index out of order");
                        }
                        owner.fields.add(new Field(cells[1], index, cells[3], cells[4], ValueType.parse(cells[5]),
                                "secret".equals(cells[6])));
                    }
                    case "section" -> {
                        expect(cells, 4);
                        String path = "(root)".equals(cells[1]) ? "" : cells[1];
                        SectionKind kind = SectionKind.valueOf(cells[2].toUpperCase(Locale.ROOT));
                        sections.put(path, new Section(path, kind, cells[3]));
                    }
                    default -> throw new IllegalArgumentException("unknown row kind " + cells[0]);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("schema line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        Map<String, Struct> structs = new LinkedHashMap<>();
        for (StructBuilder builder : builders.values()) {
            structs.put(builder.name, builder.build());
        }
        for (Struct struct : structs.values()) {
            for (Field field : struct.fields()) {
                String ref = field.type().struct();
                if (ref != null && !structs.containsKey(ref)) {
                    throw new IllegalArgumentException("field " + struct.name() + "." + field.key()
                            + " refers to undefined struct " + ref);
                }
            }
        }
        for (Section section : sections.values()) {
            if (section.kind() != SectionKind.MAP && !structs.containsKey(section.type())) {
                throw new IllegalArgumentException("section " + section.path() + " refers to undefined struct "
                        + section.type());
            }
        }
        return new Schema(hash, structs, sections);
    }

    /** True for a bare TOML key: {@code A-Za-z0-9_-}, at least one. */
    static boolean bareKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static void expect(String[] cells, int count) {
        if (cells.length != count) {
            throw new IllegalArgumentException("expected " + count + " cells, found " + cells.length);
        }
    }

    /** The SHA-256 of the reference's section 5 text the resource was generated from. */
    public String sourceHash() {
        return sourceHash;
    }

    /** The root struct ({@code Config}). */
    public Struct root() {
        return root;
    }

    /**
     * The struct with this Go type name, as the reference writes it ({@code DockerConfig}, {@code cacheconfig.Config}).
     *
     * @throws IllegalArgumentException when there is none
     */
    public Struct struct(String name) {
        Struct struct = structs.get(name);
        if (struct == null) {
            throw new IllegalArgumentException("no struct " + name);
        }
        return struct;
    }

    /** Every struct, in the order the root walk first reaches them. */
    public List<Struct> structs() {
        return List.copyOf(structs.values());
    }

    /** Every section, root first, in walk order. */
    public List<Section> sections() {
        return List.copyOf(sections.values());
    }

    /**
     * The section at a path without array indexes, using the canonical keys ({@code runners.docker},
     * {@code runners.kubernetes.volumes.host_path}; {@code ""} for the root).
     */
    public Optional<Section> section(String path) {
        return Optional.ofNullable(sections.get(path));
    }

    /** How a section is written in TOML. */
    public enum SectionKind {
        /** The document itself. */
        ROOT,
        /** A struct table: {@code [runners.docker]}. */
        TABLE,
        /** An array of struct tables: {@code [[runners]]}. */
        ARRAY,
        /** A table with free keys: {@code [runners.feature_flags]}. */
        MAP
    }

    /**
     * A place in the config where a struct or a map lives.
     *
     * @param path the dotted path with canonical keys and no array indexes, {@code ""} for the root
     * @param kind how it is written
     * @param type the struct's Go type name, or for a map the value type notation ({@code bool}, {@code string})
     */
    public record Section(String path, SectionKind kind, String type) {

        /** Checks the parts. */
        public Section {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(type, "type");
        }

        /** How messages name the section: {@code [[runners]]}, {@code [runners.docker]}, {@code the top level}. */
        public String display() {
            return display(path, kind == SectionKind.ARRAY);
        }

        /** How messages name a section at {@code path}. */
        public static String display(String path, boolean array) {
            if (path.isEmpty()) {
                return "the top level";
            }
            return array ? "[[" + path + "]]" : "[" + path + "]";
        }
    }

    /**
     * One field of a struct.
     *
     * @param struct the Go type name of the struct it belongs to
     * @param index  its position in struct order, from 0
     * @param key    the TOML key exactly as tagged (or the Go field name when untagged)
     * @param goType the Go type as the reference writes it ({@code *bool}, {@code []string})
     * @param type   what the decoder accepts
     * @param secret true when the value can carry a credential (section 4 of the reference): never print it
     */
    public record Field(String struct, int index, String key, String goType, ValueType type, boolean secret) {

        /** Checks the parts. */
        public Field {
            Objects.requireNonNull(struct, "struct");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(goType, "goType");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A Go struct the decoder fills: its fields in struct order, and its key lookup.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Struct {
        private final String name;
        private final List<Field> fields;
        private final boolean exactKeys;
        private final List<String> required;
        private final boolean synthesized;
        private final Map<String, Field> byKey;
        private final Map<String, Field> byFoldKey;
        /** By field index: whether the field's key is a bare TOML key. */
        private final boolean[] bareKeys;

        private Struct(String name, List<Field> fields, boolean exactKeys, List<String> required,
                       boolean synthesized) {
            this.name = name;
            this.fields = List.copyOf(fields);
            this.exactKeys = exactKeys;
            this.required = List.copyOf(required);
            this.synthesized = synthesized;
            Map<String, Field> keys = new HashMap<>();
            Map<String, Field> folded = new HashMap<>();
            for (Field field : this.fields) {
                keys.putIfAbsent(field.key(), field);
                folded.putIfAbsent(GoFold.foldKey(field.key()), field);
            }
            this.byKey = Map.copyOf(keys);
            this.byFoldKey = Map.copyOf(folded);
            this.bareKeys = new boolean[this.fields.size()];
            for (int i = 0; i < bareKeys.length; i++) {
                bareKeys[i] = Schema.bareKey(this.fields.get(i).key());
            }
            for (String key : this.required) {
                if (!byKey.containsKey(key)) {
                    throw new IllegalArgumentException("required key " + key + " is not a field of " + name);
                }
            }
        }

        /** The Go type name. */
        public String name() {
            return name;
        }

        /** True when the key of {@code field}, a field of this struct, is a bare TOML key. */
        public boolean bareKey(Field field) {
            return bareKeys[field.index()];
        }

        /** The fields in struct order. */
        public List<Field> fields() {
            return fields;
        }

        /** True when keys are matched exactly, without case folding (a custom {@code UnmarshalTOML}). */
        public boolean exactKeys() {
            return exactKeys;
        }

        /** Keys that must be present, or gitlab-runner refuses the file. */
        public List<String> required() {
            return required;
        }

        /** True when the reference has no table for this struct and its fields come from the sections below it. */
        public boolean synthesized() {
            return synthesized;
        }

        /** The field whose key is exactly {@code key}. */
        public @Nullable Field exact(String key) {
            return byKey.get(key);
        }

        /**
         * The field gitlab-runner's decoder fills for {@code key}: the field tagged exactly {@code key}, else (unless
         * keys are matched exactly) the first field in struct order whose tag equals it under Go's
         * {@code strings.EqualFold}; null when none does.
         */
        public @Nullable Field lookup(String key) {
            Field field = byKey.get(key);
            if (field != null || exactKeys) {
                return field;
            }
            return byFoldKey.get(GoFold.foldKey(key));
        }

        @Override
        public String toString() {
            return "Struct[" + name + ", " + fields.size() + " fields]";
        }
    }

    private static final class StructBuilder {
        final String name;
        final List<Field> fields = new ArrayList<>();
        final boolean exact;
        final boolean synthesized;
        final List<String> required = new ArrayList<>();

        StructBuilder(String name, String flags) {
            this.name = name;
            boolean exactKeys = false;
            boolean synth = false;
            if (!"-".equals(flags)) {
                for (String flag : flags.split(",")) {
                    if (flag.equals("exact")) {
                        exactKeys = true;
                    } else if (flag.equals("synthesized")) {
                        synth = true;
                    } else if (flag.startsWith("required=")) {
                        required.addAll(List.of(flag.substring("required=".length()).split("\\+")));
                    } else {
                        throw new IllegalArgumentException("unknown struct flag " + flag);
                    }
                }
            }
            this.exact = exactKeys;
            this.synthesized = synth;
        }

        Struct build() {
            return new Struct(name, fields, exact, required, synthesized);
        }
    }
}
