package io.github.runnerguard.robustness;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.github.runnerguard.benchmarks.FleetConfigs;
import java.util.ArrayList;
import java.util.List;

/**
 * Structure-aware mutations of the shared corpus for fuzz targets: picks a real config and edits it line by line
 * (drop, duplicate, swap, re-case a key, replace a value with a value of another TOML type, insert fuzzer text), so
 * mutants stay close to valid TOML and reach the binder, the model and the rules rather than the tokenizer alone.
 */
final class CorpusMutator {

    private static final List<String> CORPUS = FleetConfigs.corpusTexts();

    private static final String[] VALUES = {"true", "false", "0", "-1", "9223372036854775807", "1e400", "nan",
        "\"\"", "''", "[]", "{}", "[1, \"a\"]", "{ a = 1 }", "1979-05-27T07:32:00Z", "07:32:00", "\"/\"",
        "\"/var/run/docker.sock:/var/run/docker.sock\"", "[\"SYS_ADMIN\"]", "\"host\"", "\"10h\"", "\"-1s\"",
        "\"privileged\"", "0x7f", "inf", "\"\\u0000\"", "\"\"\"\n\"\"\"", "[[1]]"};

    private static final String[] LINES = {"[[runners]]", "[runners.docker]", "[[runners.docker.services]]",
        "[runners.kubernetes]", "[[runners.kubernetes.volumes.host_path]]", "[runners.machine]",
        "[[runners.autoscaler.policy]]", "[runners.cache.s3]", "[runners.feature_flags]", "privileged = true",
        "executor = \"shell\"", "Privileged = false", "token = \"glrt-abcdefghijklmnopqrst\"",
        "# runnerguard:ignore docker.privileged -- fuzz", "volumes = [\"/:/host\"]", "a.b.c = 1", "[session_server]"};

    private CorpusMutator() {
    }

    static String mutate(FuzzedDataProvider data) {
        String base = CORPUS.isEmpty() ? FleetConfigs.generate(2) : CORPUS.get(data.consumeInt(0, CORPUS.size() - 1));
        List<String> lines = new ArrayList<>(List.of(base.split("\n", -1)));
        int edits = data.consumeInt(1, 8);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = data.consumeInt(0, lines.size() - 1);
            switch (data.consumeInt(0, 6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(at));
                case 2 -> {
                    int other = data.consumeInt(0, lines.size() - 1);
                    String line = lines.get(at);
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                case 3 -> lines.set(at, recase(lines.get(at), data));
                case 4 -> lines.set(at, revalue(lines.get(at), data.pickValue(VALUES)));
                case 5 -> lines.add(at, data.pickValue(LINES));
                default -> lines.add(at, data.consumeString(80));
            }
        }
        return String.join(data.consumeBoolean() ? "\n" : "\r\n", lines);
    }

    private static String recase(String line, FuzzedDataProvider data) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            return line;
        }
        String key = line.substring(0, eq);
        String newKey = switch (data.consumeInt(0, 2)) {
            case 0 -> key.toUpperCase(java.util.Locale.ROOT);
            case 1 -> key.replace('_', '-');
            default -> key.replace("k", "\u212a").replace("s", "\u017f");
        };
        return newKey + line.substring(eq);
    }

    private static String revalue(String line, String value) {
        int eq = line.indexOf('=');
        return eq < 0 ? line : line.substring(0, eq + 1) + " " + value;
    }
}
