package io.github.runnerguard.internal.model;

import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.config.Comment;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.GlobalSettings;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;

/**
 * Builds the typed {@link RunnerConfig} from the raw view the binder produced.
 *
 * <p>Reads every key through {@link ConfigTable#field(String)} by its canonical gitlab-runner name (the binder has
 * already resolved case-insensitive spellings and ambiguities), once, so the time is linear in the size of the raw
 * view. A value of a type gitlab-runner refuses is read as absent; the binder's diagnostics say why. Values carry the
 * position of their key, or gitlab-runner's default without a position. Stateless and thread-safe.
 */
public final class ModelBuilder {

    private ModelBuilder() {
    }

    /**
     * Builds the model of one file.
     *
     * @param source      the name of the source (the path as given, or a caller's name)
     * @param raw         the bound root table
     * @param comments    the comments of the file, in file order
     * @param lines       the lines of the file, without line endings
     * @param diagnostics what the earlier steps noticed, in file order
     * @return the model; never null
     */
    public static RunnerConfig build(String source, ConfigTable raw, List<Comment> comments, List<String> lines,
                                     List<Diagnostic> diagnostics) {
        GlobalSettings global = SectionReaders.globalSettings(raw, Scope.GLOBAL);
        List<Runner> runners = new ArrayList<>();
        List<ConfigTable> tables = Fields.tableList(raw, "runners");
        for (ConfigTable table : tables) {
            runners.add(SectionReaders.runner(indexOf(table, runners.size()), table, Scope.forRunner(table)));
        }
        return new RunnerConfig(source, global, runners, raw, comments, lines, diagnostics);
    }

    /** The index of a {@code [[runners]]} element: the one in its path ({@code runners[3]}), else its rank. */
    private static int indexOf(ConfigTable table, int rank) {
        String path = table.path();
        int open = path.lastIndexOf('[');
        if (open >= 0 && path.endsWith("]")) {
            try {
                return Integer.parseInt(path.substring(open + 1, path.length() - 1));
            } catch (NumberFormatException e) {
                return rank;
            }
        }
        return rank;
    }
}
