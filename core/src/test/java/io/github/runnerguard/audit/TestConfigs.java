package io.github.runnerguard.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.runnerguard.config.Comment;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.GlobalSettings;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.config.Value;
import io.github.runnerguard.load.ConfigLoader;
import io.github.runnerguard.load.LoadResult;

/** Configs for engine tests, loaded from TOML text. */
final class TestConfigs {

    private static final Pattern KEY_STRING = Pattern.compile("^\\s*([A-Za-z_-]+)\\s*=\\s*\"([^\"]*)\"");

    private TestConfigs() {
    }

    static RunnerConfig load(String toml) {
        return load(toml, "config.toml");
    }

    static RunnerConfig load(String toml, String source) {
        try {
            LoadResult result = ConfigLoader.defaults().load(toml, source);
            if (result.config() == null) {
                throw new IllegalArgumentException("not loadable: " + result.diagnostics());
            }
            return result.config();
        } catch (UnsupportedOperationException notYet) {
            return handBuilt(toml, source, List.of());
        }
    }

    /** A config built without the loader: lines, comments, runners with name and token, string keys. */
    static RunnerConfig handBuilt(String toml, String source, List<Diagnostic> diagnostics) {
        List<String> lines = List.of(toml.split("\n", -1));
        List<Comment> comments = new ArrayList<>();
        List<List<ConfigEntry>> runnerEntries = new ArrayList<>();
        List<Position> headers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = commentStart(line);
            if (hash >= 0) {
                comments.add(new Comment(new Position(i + 1, hash + 1), line.substring(hash + 1),
                        !line.substring(0, hash).isBlank()));
            }
            String code = hash >= 0 ? line.substring(0, hash) : line;
            if (code.strip().equals("[[runners]]")) {
                headers.add(new Position(i + 1, code.indexOf('[') + 1));
                runnerEntries.add(new ArrayList<>());
                continue;
            }
            Matcher matcher = KEY_STRING.matcher(code);
            if (matcher.find() && !runnerEntries.isEmpty()) {
                Position at = new Position(i + 1, matcher.start(1) + 1);
                runnerEntries.get(runnerEntries.size() - 1).add(new ConfigEntry(matcher.group(1), matcher.group(1),
                        true, at, new ConfigScalar("runners[" + (runnerEntries.size() - 1) + "]." + matcher.group(1),
                        at, matcher.group(2))));
            }
        }
        List<Runner> runners = new ArrayList<>();
        List<ConfigNode> tables = new ArrayList<>();
        for (int index = 0; index < runnerEntries.size(); index++) {
            ConfigTable raw = new ConfigTable("runners[" + index + "]", headers.get(index), runnerEntries.get(index));
            tables.add(raw);
            runners.add(new Runner(index, headers.get(index), raw, string(raw, "name"), string(raw, "executor"),
                    string(raw, "token"), string(raw, "url")));
        }
        List<ConfigEntry> rootEntries = new ArrayList<>();
        if (!tables.isEmpty()) {
            rootEntries.add(new ConfigEntry("runners", "runners", true, headers.get(0),
                    new ConfigArray("runners", headers.get(0), tables)));
        }
        ConfigTable root = new ConfigTable("", null, rootEntries);
        return new RunnerConfig(source, new GlobalSettings(root, Value.defaulted(1L), Value.absent()), runners, root,
                comments, lines, diagnostics);
    }

    private static Value<String> string(ConfigTable table, String key) {
        return table.entry(key).map(e -> Value.of((String) ((ConfigScalar) e.value()).value(), e.position()))
                .orElse(Value.absent());
    }

    private static int commentStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
