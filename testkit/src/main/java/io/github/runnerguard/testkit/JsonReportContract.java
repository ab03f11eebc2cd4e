package io.github.runnerguard.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that text is a JSON report as {@code runnerguard audit --format json} writes it ({@code schemaVersion} 1):
 * exactly the documented fields with their types, lower-case severities, suppression fields that agree with each
 * other, and a summary that adds up.
 *
 * <pre class="code">
 * JsonReportContract.assertValid(Files.readString(Path.of("report.json")));
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonReportContract {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final Set<String> ROOT = Set.of("schemaVersion", "tool", "files", "summary");
    private static final Set<String> TOOL = Set.of("name", "version");
    private static final Set<String> FILE = Set.of("path", "audited", "errors", "findings");
    private static final Set<String> ERROR = Set.of("message", "line", "column");
    private static final Set<String> FINDING = Set.of("ruleId", "severity", "title", "message", "runner", "key",
            "line", "column", "remediation", "helpUri", "fingerprint", "suppressed", "suppressionReason");
    private static final Set<String> RUNNER = Set.of("index", "name");
    private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info");
    private static final Set<String> SUMMARY = Set.of("critical", "high", "medium", "low", "info", "suppressed",
            "errors");

    private JsonReportContract() {
    }

    /**
     * Asserts that {@code json} follows the contract.
     *
     * @return the parsed report, for further assertions
     * @throws AssertionError listing every deviation
     */
    public static JsonNode assertValid(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new AssertionError("not JSON: " + e.getOriginalMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        check(root, problems);
        if (!problems.isEmpty()) {
            throw new AssertionError("the JSON report breaks its contract:\n  - " + String.join("\n  - ", problems)
                    + "\n" + json);
        }
        return root;
    }

    private static void check(JsonNode root, List<String> problems) {
        if (!keys(root, ROOT, "$", problems)) {
            return;
        }
        if (!root.get("schemaVersion").isInt() || root.get("schemaVersion").intValue() != 1) {
            problems.add("$.schemaVersion must be 1");
        }
        JsonNode tool = root.get("tool");
        if (keys(tool, TOOL, "$.tool", problems)) {
            if (!"runnerguard".equals(tool.get("name").stringValue(null))) {
                problems.add("$.tool.name must be \"runnerguard\"");
            }
            nonBlankString(tool.get("version"), "$.tool.version", problems);
        }
        int[] counts = new int[SEVERITIES.size()];
        int suppressed = 0;
        int errors = 0;
        JsonNode files = root.get("files");
        if (!files.isArray()) {
            problems.add("$.files must be an array");
        } else {
            for (int f = 0; f < files.size(); f++) {
                String where = "$.files[" + f + "]";
                JsonNode file = files.get(f);
                if (!keys(file, FILE, where, problems)) {
                    continue;
                }
                nonBlankString(file.get("path"), where + ".path", problems);
                boolean audited = file.get("audited").isBoolean() && file.get("audited").booleanValue();
                if (!file.get("audited").isBoolean()) {
                    problems.add(where + ".audited must be a boolean");
                }
                JsonNode fileErrors = file.get("errors");
                JsonNode findings = file.get("findings");
                if (!fileErrors.isArray() || !findings.isArray()) {
                    problems.add(where + ".errors and .findings must be arrays");
                    continue;
                }
                if (!audited && fileErrors.isEmpty()) {
                    problems.add(where + " is not audited but has no error saying why");
                }
                if (!audited && !findings.isEmpty()) {
                    problems.add(where + " is not audited but has findings");
                }
                errors += fileErrors.size();
                for (int e = 0; e < fileErrors.size(); e++) {
                    String at = where + ".errors[" + e + "]";
                    JsonNode error = fileErrors.get(e);
                    if (keys(error, ERROR, at, problems)) {
                        nonBlankString(error.get("message"), at + ".message", problems);
                        position(error, at, problems);
                    }
                }
                for (int i = 0; i < findings.size(); i++) {
                    String at = where + ".findings[" + i + "]";
                    JsonNode finding = findings.get(i);
                    if (!keys(finding, FINDING, at, problems)) {
                        continue;
                    }
                    String ruleId = finding.get("ruleId").stringValue(null);
                    if (ruleId == null || !ruleId.matches("[a-z][a-z0-9]*(?:-[a-z0-9]+)*\\.[a-z0-9]+(?:-[a-z0-9]+)*")) {
                        problems.add(at + ".ruleId must be family.kebab-name, not " + finding.get("ruleId"));
                    }
                    String severity = finding.get("severity").stringValue(null);
                    if (!SEVERITIES.contains(severity)) {
                        problems.add(at + ".severity must be one of " + SEVERITIES + ", not "
                                + finding.get("severity"));
                    }
                    for (String name : List.of("title", "message", "remediation", "fingerprint")) {
                        nonBlankString(finding.get(name), at + "." + name, problems);
                    }
                    if (!finding.get("key").isString()) {
                        problems.add(at + ".key must be a string");
                    }
                    JsonNode runner = finding.get("runner");
                    if (!runner.isNull() && keys(runner, RUNNER, at + ".runner", problems)) {
                        if (!runner.get("index").isInt() || runner.get("index").intValue() < 0) {
                            problems.add(at + ".runner.index must be an integer >= 0");
                        }
                        if (!runner.get("name").isString()) {
                            problems.add(at + ".runner.name must be a string");
                        }
                    }
                    position(finding, at, problems);
                    JsonNode help = finding.get("helpUri");
                    if (!help.isNull() && !(help.isString() && help.stringValue().matches("[a-z][a-z0-9+.-]*:.+"))) {
                        problems.add(at + ".helpUri must be null or an absolute URI");
                    }
                    JsonNode isSuppressed = finding.get("suppressed");
                    JsonNode reason = finding.get("suppressionReason");
                    if (!isSuppressed.isBoolean()) {
                        problems.add(at + ".suppressed must be a boolean");
                    } else if (isSuppressed.booleanValue()) {
                        suppressed++;
                        nonBlankString(reason, at + ".suppressionReason (suppressed)", problems);
                    } else {
                        if (!reason.isNull()) {
                            problems.add(at + ".suppressionReason must be null when not suppressed");
                        }
                        if (SEVERITIES.contains(severity)) {
                            counts[SEVERITIES.indexOf(severity)]++;
                        }
                    }
                }
            }
        }
        JsonNode summary = root.get("summary");
        if (keys(summary, SUMMARY, "$.summary", problems)) {
            for (int s = 0; s < SEVERITIES.size(); s++) {
                expectCount(summary, SEVERITIES.get(s), counts[s], problems);
            }
            expectCount(summary, "suppressed", suppressed, problems);
            expectCount(summary, "errors", errors, problems);
        }
    }

    private static void expectCount(JsonNode summary, String name, int expected, List<String> problems) {
        JsonNode value = summary.get(name);
        if (!value.isInt() || value.intValue() != expected) {
            problems.add("$.summary." + name + " is " + value + " but the files hold " + expected);
        }
    }

    private static void position(JsonNode node, String at, List<String> problems) {
        JsonNode line = node.get("line");
        JsonNode column = node.get("column");
        if (line.isNull() != column.isNull()) {
            problems.add(at + ": line and column must both be null or both be set");
        }
        if (!line.isNull() && (!line.isInt() || line.intValue() < 1)) {
            problems.add(at + ".line must be null or an integer >= 1");
        }
        if (!column.isNull() && (!column.isInt() || column.intValue() < 1)) {
            problems.add(at + ".column must be null or an integer >= 1");
        }
    }

    private static void nonBlankString(JsonNode node, String at, List<String> problems) {
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            problems.add(at + " must be a non-blank string");
        }
    }

    private static boolean keys(JsonNode node, Set<String> expected, String at, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(at + " must be an object");
            return false;
        }
        Set<String> actual = new TreeSet<>();
        for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext(); ) {
            actual.add(names.next());
        }
        if (!actual.equals(new TreeSet<>(expected))) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            Set<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            problems.add(at + " has the wrong fields: missing " + missing + ", unexpected " + extra);
            return false;
        }
        return true;
    }
}
