package io.github.runnerguard.rules.kubernetes.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the settings a {@code pod_spec} patch writes, so that rules can look for the dangerous ones.
 *
 * <p>A patch that is JSON (gitlab-runner converts YAML to JSON, so JSON is valid in every patch type) is read
 * structurally; a JSON patch ({@code patch_type = "json"}) is a list of operations whose {@code path} gives the
 * location. A YAML patch is scanned line by line: keys are found textually and their parents from the indentation,
 * which is reliable for the block style the documentation uses but is not a YAML parser; such settings are marked
 * {@link PatchSetting#textual()}. Stateless and thread-safe.
 */
public final class PatchScanner {

    /** The value of a key whose content is nested below it (YAML) or an object or array (JSON). */
    public static final String NESTED = "<nested>";
    /** The value of a JSON patch {@code remove} operation. */
    public static final String REMOVED = "<removed>";

    private static final Pattern KEY_VALUE =
            Pattern.compile("^(\"[^\"]*\"|'[^']*'|[^:#{}\\[\\],\"'][^:#{}\\[\\],]*?)\\s*:(?:\\s+(.*))?$");

    private PatchScanner() {
    }

    /**
     * One setting written by a patch.
     *
     * @param parents the keys above it (array indexes as numbers, {@code -} for an append)
     * @param key     its key ({@code -} for an element of a YAML list of scalars, the index for a JSON array)
     * @param value   its value: {@code Boolean}, {@code Long}, {@code Double}, {@code String}, {@link #NESTED} or
     *                {@link #REMOVED}
     * @param line    its 1-based line within the patch text, or 0 when not known
     * @param textual true when found by the line scanner rather than a JSON reader
     */
    public record PatchSetting(List<String> parents, String key, Object value, int line, boolean textual) {

        /** Copies the parents. */
        public PatchSetting {
            parents = List.copyOf(parents);
        }

        /** The nearest parent key that is not an array index, or {@code ""}. */
        public String parent() {
            return ancestor(0);
        }

        /** The {@code n}-th parent key (0 = nearest) that is not an array index, or {@code ""}. */
        public String ancestor(int n) {
            int seen = 0;
            for (int i = parents.size() - 1; i >= 0; i--) {
                String p = parents.get(i);
                if (!isIndex(p)) {
                    if (seen == n) {
                        return p;
                    }
                    seen++;
                }
            }
            return "";
        }

        /** True when the value is the boolean {@code true}. */
        public boolean isTrue() {
            return Boolean.TRUE.equals(value);
        }

        /** The dotted location, e.g. {@code containers[0].securityContext.privileged}. */
        public String location() {
            StringBuilder out = new StringBuilder();
            for (String p : parents) {
                if (isIndex(p)) {
                    out.append('[').append(p).append(']');
                } else {
                    out.append(out.length() == 0 ? "" : ".").append(p);
                }
            }
            if (isIndex(key) || key.equals("-")) {
                out.append('[').append(key).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(key);
            }
            return out.toString();
        }

        private static boolean isIndex(String p) {
            return p.equals("-") || (!p.isEmpty() && p.chars().allMatch(Character::isDigit));
        }
    }

    /**
     * The result of a scan.
     *
     * @param settings the settings found
     * @param textual  true when the patch was scanned as YAML text
     */
    public record Scan(List<PatchSetting> settings, boolean textual) {

        /** Copies the list. */
        public Scan {
            settings = List.copyOf(settings);
        }
    }

    /** Scans a patch of {@code patchType} ({@code json}, {@code merge} or {@code strategic}). */
    public static Scan scan(String patch, String patchType) {
        Optional<Object> json = Json.parse(patch);
        List<PatchSetting> out = new ArrayList<>();
        if (json.isPresent()) {
            if ("json".equals(patchType) && json.get() instanceof List<?> ops) {
                for (Object op : ops) {
                    if (op instanceof Map<?, ?> map && map.get("path") instanceof String path) {
                        List<String> segments = pointer(path);
                        if (segments.isEmpty()) {
                            walk(List.of(), map.get("value"), out);
                            continue;
                        }
                        List<String> parents = segments.subList(0, segments.size() - 1);
                        String key = segments.get(segments.size() - 1);
                        if ("remove".equals(map.get("op"))) {
                            out.add(new PatchSetting(parents, key, REMOVED, 0, false));
                        } else if ("add".equals(map.get("op")) || "replace".equals(map.get("op"))) {
                            emit(parents, key, map.get("value"), out);
                        }
                    }
                }
            } else {
                walk(List.of(), json.get(), out);
            }
            return new Scan(out, false);
        }
        return new Scan(scanText(patch), true);
    }

    private static List<String> pointer(String path) {
        List<String> segments = new ArrayList<>();
        if (!path.startsWith("/")) {
            return segments;
        }
        for (String s : path.substring(1).split("/", -1)) {
            segments.add(s.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    private static void emit(List<String> parents, String key, Object value, List<PatchSetting> out) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            out.add(new PatchSetting(parents, key, NESTED, 0, false));
            List<String> inner = new ArrayList<>(parents);
            inner.add(key);
            walk(inner, value, out);
        } else {
            out.add(new PatchSetting(parents, key, value == null ? Json.NULL.toString() : scalar(value), 0, false));
        }
    }

    private static Object scalar(Object value) {
        return value == Json.NULL ? "null" : value;
    }

    private static void walk(List<String> parents, Object value, List<PatchSetting> out) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                emit(parents, String.valueOf(e.getKey()), e.getValue(), out);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                emit(parents, String.valueOf(i), list.get(i), out);
            }
        }
    }

    private record Frame(int indent, String key) {
    }

    private static List<PatchSetting> scanText(String text) {
        List<PatchSetting> out = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            if (line.isBlank() || line.strip().equals("---")) {
                continue;
            }
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            String content = line.substring(indent).strip();
            boolean item = false;
            while (content.startsWith("- ") || content.equals("-")) {
                item = true;
                int skip = content.equals("-") ? 1 : 2;
                String rest = content.substring(skip);
                indent += skip + (rest.length() - rest.stripLeading().length());
                content = rest.strip();
            }
            if (content.isEmpty()) {
                while (!stack.isEmpty() && stack.peek().indent() >= indent) {
                    stack.pop();
                }
                continue;
            }
            while (!stack.isEmpty() && stack.peek().indent() >= indent) {
                stack.pop();
            }
            List<String> parents = new ArrayList<>();
            stack.descendingIterator().forEachRemaining(f -> parents.add(f.key()));
            Matcher m = KEY_VALUE.matcher(content);
            if (!m.matches()) {
                if (item) {
                    out.add(new PatchSetting(parents, "-", textScalar(content), i + 1, true));
                }
                continue;
            }
            String key = unquote(m.group(1).strip());
            String value = m.group(2) == null ? "" : m.group(2).strip();
            if (value.isEmpty() || value.equals("|") || value.equals(">")) {
                out.add(new PatchSetting(parents, key, NESTED, i + 1, true));
                stack.push(new Frame(indent, key));
            } else if (value.startsWith("{") || value.startsWith("[")) {
                Optional<Object> flow = Json.parse(value);
                out.add(new PatchSetting(parents, key, NESTED, i + 1, true));
                if (flow.isPresent()) {
                    List<String> inner = new ArrayList<>(parents);
                    inner.add(key);
                    List<PatchSetting> nested = new ArrayList<>();
                    walk(inner, flow.get(), nested);
                    int lineNo = i + 1;
                    nested.forEach(s -> out.add(new PatchSetting(s.parents(), s.key(), s.value(), lineNo, true)));
                } else {
                    for (String part : value.replaceAll("[\\[\\]{}]", "").split(",")) {
                        String p = part.strip();
                        if (!p.isEmpty()) {
                            List<String> inner = new ArrayList<>(parents);
                            inner.add(key);
                            Matcher kv = KEY_VALUE.matcher(p);
                            if (kv.matches() && kv.group(2) != null) {
                                out.add(new PatchSetting(inner, unquote(kv.group(1).strip()),
                                        textScalar(kv.group(2).strip()), i + 1, true));
                            } else {
                                out.add(new PatchSetting(inner, "-", textScalar(p), i + 1, true));
                            }
                        }
                    }
                }
            } else {
                out.add(new PatchSetting(parents, key, textScalar(value), i + 1, true));
            }
        }
        return out;
    }

    private static String stripComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static Object textScalar(String text) {
        String t = unquote(text);
        if (t != text) {
            return t;
        }
        switch (t) {
            case "true", "True", "TRUE":
                return Boolean.TRUE;
            case "false", "False", "FALSE":
                return Boolean.FALSE;
            default:
                break;
        }
        if (t.matches("[-+]?[0-9]+")) {
            try {
                return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            } catch (NumberFormatException e) {
                return t;
            }
        }
        return t;
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && ((text.startsWith("\"") && text.endsWith("\""))
                || (text.startsWith("'") && text.endsWith("'")))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}
