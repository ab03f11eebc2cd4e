package io.github.runnerguard.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;
import io.github.runnerguard.testkit.Draft.ArrayDraft;
import io.github.runnerguard.testkit.Draft.FieldDraft;
import io.github.runnerguard.testkit.Draft.Form;
import io.github.runnerguard.testkit.Draft.RunnerDraft;
import io.github.runnerguard.testkit.Draft.TableDraft;

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
        // Which runner slots are used is decided first, and every slot is drafted whether used or not, so removing
        // a runner (shrinking its choice to 0) leaves the choices of the others where they were: any runner can be
        // the one left when the others shrink away. When no slot is chosen, the first one is used.
        boolean[] present = new boolean[options.maxRunners()];
        for (int i = 0; i < present.length; i++) {
            present[i] = maybe();
        }
        draft.flat = maybe();
        draft.headerComment = maybe();
        draft.global = table(Catalog.GLOBAL, Form.HEADER, "global.");
        List<RunnerDraft> slots = new ArrayList<>();
        for (int i = 0; i < present.length; i++) {
            slots.add(runner());
        }
        List<RunnerDraft> used = new ArrayList<>();
        for (int i = 0; i < present.length; i++) {
            if (present[i]) {
                used.add(slots.get(i));
            }
        }
        if (used.isEmpty()) {
            used.add(slots.get(0));
        }
        for (int i = 0; i < used.size(); i++) {
            RunnerDraft runner = used.get(i);
            runner.name = runner.name + "-" + (i + 1);
            draft.runners.add(runner);
        }
        return draft;
    }

    private RunnerDraft runner() {
        List<String> executors = options.usableExecutors();
        RunnerDraft runner = new RunnerDraft();
        runner.executor = executors.get(choose(executors.size()));
        runner.name = NAME_PREFIXES[choose(NAME_PREFIXES.length)] + "-" + runner.executor.replace('+', '-');
        runner.nameStyle = choose(2);
        runner.token = token(choose(1 << 20));
        runner.table = table(Catalog.RUNNER, Form.HEADER, "");
        String flagsPath = Catalog.FEATURE_FLAGS.model();
        Drafted flags = field(Catalog.FEATURE_FLAGS, flagsPath);
        Form flagsForm = form(Form.HEADER);
        if (flags.included() && !options.omitted().contains(flagsPath)) {
            runner.featureFlags = flags.field();
            runner.featureFlagsForm = flagsForm;
        }
        for (Spec.Table section : Catalog.SECTIONS_BY_EXECUTOR.get(runner.executor)) {
            runner.sections.add(table(section, form(Form.HEADER), section.model() + "."));
        }
        for (Spec.Table section : Catalog.COMMON_SECTIONS) {
            String prefix = section.model() + ".";
            int choice = choose(4);
            Form form = Form.values()[Math.max(choice - 1, 0)];
            TableDraft table = table(section, form, prefix);
            if ((forcedWithin(prefix) || choice > 0) && !table.isEmpty()) {
                runner.sections.add(table);
            }
        }
        return runner;
    }

    private boolean forcedWithin(String prefix) {
        return options.forced().keySet().stream().anyMatch(p -> p.startsWith(prefix));
    }

    /** A form for a table whose parent has {@code parent} form: a header only under a header. */
    private Form form(Form parent) {
        return form(parent, choose(3));
    }

    private static Form form(Form parent, int choice) {
        return switch (parent) {
            case HEADER -> Form.values()[choice];
            case DOTTED -> choice < 2 ? Form.DOTTED : Form.INLINE;
            case INLINE -> Form.INLINE;
        };
    }

    /**
     * Drafts a table. {@code prefix} is the model path prefix of its fields for forcing and omitting ({@code null}
     * for array elements, which cannot be forced). Each part is one choice, drawn whether or not the part is kept,
     * with 0 meaning "left out".
     */
    private TableDraft table(Spec.Table spec, Form form, @Nullable String prefix) {
        TableDraft table = new TableDraft(spec, form);
        for (Spec.Field field : spec.fields()) {
            @Nullable String path = prefix == null ? null : prefix + field.model();
            Drafted drafted = field(field, path);
            if (path != null && options.omitted().contains(path)) {
                continue;
            }
            if (drafted.included() || field.required()) {
                table.fields.add(drafted.field());
            }
        }
        for (Spec.Table sub : spec.tables()) {
            @Nullable String subPrefix = prefix == null ? null : prefix + sub.model() + ".";
            int choice = choose(4);
            TableDraft drafted = table(sub, form(form, Math.max(choice - 1, 0)), subPrefix);
            boolean forced = subPrefix != null && forcedWithin(subPrefix);
            if ((forced || choice > 0) && !drafted.isEmpty()) {
                table.tables.add(drafted);
            }
        }
        for (Spec.Array array : spec.arrays()) {
            boolean inlineChoice = maybe();
            boolean inline = form != Form.HEADER || inlineChoice;
            ArrayDraft drafted = new ArrayDraft(array, inline);
            for (int i = 0; i < array.max(); i++) {
                boolean present = maybe();
                TableDraft element = table(array.element(), inline ? Form.INLINE : Form.HEADER, null);
                if (present) {
                    drafted.elements.add(element);
                }
            }
            if (!drafted.elements.isEmpty()) {
                table.arrays.add(drafted);
            }
        }
        return table;
    }

    /** A drafted field and whether the choice included it (forced fields are always included). */
    private record Drafted(FieldDraft field, boolean included) {
    }

    /**
     * Drafts a field with one choice: 0 leaves it out; 1, 2, ... include it with the value, key spelling and
     * string style decoded from the number, the smallest numbers giving the first value, the canonical key and
     * the plain style.
     */
    private Drafted field(Spec.Field field, @Nullable String path) {
        String key = field.key();
        List<String> variants = field.foldable()
                ? new ArrayList<>(new LinkedHashSet<>(List.of(key, toggleFirst(key), key.toUpperCase(Locale.ROOT),
                        key.toLowerCase(Locale.ROOT))))
                : List.of(key);
        int styles = 2;
        int choice = choose(1 + field.values().size() * variants.size() * styles);
        int decoded = Math.max(choice - 1, 0);
        int style = decoded % styles;
        String written = variants.get(decoded / styles % variants.size());
        Object value = field.values().get(decoded / styles / variants.size());
        boolean forced = path != null && options.forced().containsKey(path);
        if (forced) {
            value = options.forced().get(path);
        }
        return new Drafted(new FieldDraft(field, written, value, style), forced || choice > 0);
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
