package io.github.runnerguard.testkit.internal.gen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;
import io.github.runnerguard.testkit.internal.gen.Draft.ArrayDraft;
import io.github.runnerguard.testkit.internal.gen.Draft.FieldDraft;
import io.github.runnerguard.testkit.internal.gen.Draft.Form;
import io.github.runnerguard.testkit.internal.gen.Draft.RunnerDraft;
import io.github.runnerguard.testkit.internal.gen.Draft.TableDraft;

/**
 * Decides a config from a source of small choices. Every decision is one choice in {@code [0, bound)} where 0 is
 * the simplest option (fewer runners, a setting left out, the first candidate value, the canonical key, the
 * {@code [header]} form), so a source that shrinks its choices toward 0 shrinks the config.
 *
 * <p>Not thread-safe; use one per config.
 */
final class Drafter {

    private static final String[] NAME_PREFIXES = {"runner", "shared", "build", "deploy"};
    private static final String TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    private final GenOptions options;
    private final IntUnaryOperator choices;

    Drafter(GenOptions options, IntUnaryOperator choices) {
        this.options = options;
        this.choices = choices;
    }

    private int choose(int bound) {
        if (bound <= 1) {
            return 0;
        }
        int choice = choices.applyAsInt(bound);
        if (choice < 0 || choice >= bound) {
            throw new IllegalStateException("a choice in [0, " + bound + ") was expected, got " + choice);
        }
        return choice;
    }

    private boolean maybe() {
        return choose(2) == 1;
    }

    Draft draft() {
        Draft draft = new Draft();
        int runners = 1 + choose(options.maxRunners());
        draft.flat = maybe();
        draft.headerComment = maybe();
        draft.global = table(Catalog.GLOBAL, Form.HEADER, "global.");
        List<String> executors = options.usableExecutors();
        for (int i = 0; i < runners; i++) {
            RunnerDraft runner = new RunnerDraft();
            runner.executor = executors.get(choose(executors.size()));
            runner.name = NAME_PREFIXES[choose(NAME_PREFIXES.length)] + "-" + runner.executor.replace('+', '-')
                    + "-" + (i + 1);
            runner.nameStyle = choose(2);
            runner.token = token(choose(1 << 20));
            runner.table = table(Catalog.RUNNER, Form.HEADER, "");
            String flagsPath = Catalog.FEATURE_FLAGS.model();
            boolean flags = options.forced().containsKey(flagsPath)
                    || (!options.omitted().contains(flagsPath) && maybe());
            if (flags) {
                runner.featureFlags = field(Catalog.FEATURE_FLAGS, flagsPath);
                runner.featureFlagsForm = form(Form.HEADER);
            }
            for (Spec.Table section : Catalog.SECTIONS_BY_EXECUTOR.get(runner.executor)) {
                TableDraft drafted = table(section, form(Form.HEADER), section.model() + ".");
                runner.sections.add(drafted);
            }
            for (Spec.Table section : Catalog.COMMON_SECTIONS) {
                String prefix = section.model() + ".";
                if (forcedWithin(prefix) || maybe()) {
                    TableDraft drafted = table(section, form(Form.HEADER), prefix);
                    if (!drafted.isEmpty()) {
                        runner.sections.add(drafted);
                    }
                }
            }
            draft.runners.add(runner);
        }
        return draft;
    }

    private boolean forcedWithin(String prefix) {
        return options.forced().keySet().stream().anyMatch(p -> p.startsWith(prefix));
    }

    /** A form for a table whose parent has {@code parent} form: a header only under a header. */
    private Form form(Form parent) {
        return switch (parent) {
            case HEADER -> Form.values()[choose(3)];
            case DOTTED -> choose(2) == 0 ? Form.DOTTED : Form.INLINE;
            case INLINE -> Form.INLINE;
        };
    }

    /**
     * Drafts a table. {@code prefix} is the model path prefix of its fields for forcing and omitting ({@code null}
     * for array elements, which cannot be forced).
     */
    private TableDraft table(Spec.Table spec, Form form, @Nullable String prefix) {
        TableDraft table = new TableDraft(spec, form);
        for (Spec.Field field : spec.fields()) {
            @Nullable String path = prefix == null ? null : prefix + field.model();
            if (path != null && options.omitted().contains(path)) {
                continue;
            }
            boolean forced = path != null && options.forced().containsKey(path);
            if (forced || field.required() || maybe()) {
                table.fields.add(field(field, path));
            }
        }
        for (Spec.Table sub : spec.tables()) {
            @Nullable String subPrefix = prefix == null ? null : prefix + sub.model() + ".";
            boolean forced = subPrefix != null && forcedWithin(subPrefix);
            if (forced || maybe()) {
                TableDraft drafted = table(sub, form(form), subPrefix);
                if (!drafted.isEmpty()) {
                    table.tables.add(drafted);
                }
            }
        }
        for (Spec.Array array : spec.arrays()) {
            int count = choose(array.max() + 1);
            if (count == 0) {
                continue;
            }
            boolean inline = form != Form.HEADER || maybe();
            ArrayDraft drafted = new ArrayDraft(array, inline);
            for (int i = 0; i < count; i++) {
                drafted.elements.add(table(array.element(), inline ? Form.INLINE : Form.HEADER, null));
            }
            table.arrays.add(drafted);
        }
        return table;
    }

    private FieldDraft field(Spec.Field field, @Nullable String path) {
        Object value = path != null && options.forced().containsKey(path) ? options.forced().get(path)
                : field.values().get(choose(field.values().size()));
        String key = field.key();
        if (field.foldable()) {
            List<String> variants = new ArrayList<>(new LinkedHashSet<>(List.of(key, toggleFirst(key),
                    key.toUpperCase(Locale.ROOT), key.toLowerCase(Locale.ROOT))));
            key = variants.get(choose(variants.size()));
        }
        return new FieldDraft(field, key, value, choose(2));
    }

    private static String toggleFirst(String key) {
        char first = key.charAt(0);
        char toggled = Character.isUpperCase(first) ? Character.toLowerCase(first) : Character.toUpperCase(first);
        return toggled + key.substring(1);
    }

    private static String token(int seed) {
        StringBuilder out = new StringBuilder("glrt-");
        long state = seed * 6364136223846793005L + 1442695040888963407L;
        for (int i = 0; i < 20; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            out.append(TOKEN_ALPHABET.charAt((int) ((state >>> 33) % TOKEN_ALPHABET.length())));
        }
        return out.toString();
    }
}
