package io.github.runnerguard.internal.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.github.runnerguard.audit.FailOn;
import io.github.runnerguard.audit.Policy;
import io.github.runnerguard.audit.PolicyException;
import io.github.runnerguard.audit.PolicyProblem;
import io.github.runnerguard.audit.RuleSetting;
import io.github.runnerguard.audit.Waiver;
import io.github.runnerguard.config.Diagnostic;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.internal.text.Names;
import io.github.runnerguard.internal.toml.ParseOutcome;
import io.github.runnerguard.internal.toml.PositionIndex;
import io.github.runnerguard.internal.toml.TomlFrontEnd;
import io.github.runnerguard.internal.toml.TomlTypes;
import io.github.runnerguard.load.LoadLimits;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;

/**
 * Reads a {@code runnerguard.toml} policy file into a {@link Policy}, collecting every error with its position.
 *
 * <p>The text is parsed by the loader's TOML front end ({@link TomlFrontEnd}), so a policy file is held to the same
 * TOML 1.1 rules, messages and positions as a config file. Stateless and thread-safe.
 */
public final class PolicyParser {

    private static final Set<String> TOP_LEVEL = Set.of("tenancy", "fail-on", "kubernetes-pss", "runner-tenancy",
            "rules", "waivers");
    private static final Set<String> RULE_KEYS = Set.of("enabled", "severity");
    private static final Set<String> WAIVER_KEYS = Set.of("rule", "runner", "reason", "expires");
    private static final Set<String> PSS_LEVELS = Set.of("privileged", "baseline", "restricted");

    private final String source;
    private final PositionIndex positions;
    private final List<PolicyProblem> problems = new ArrayList<>();

    private PolicyParser(String source, PositionIndex positions) {
        this.source = source;
        this.positions = positions;
    }

    /**
     * Parses policy text.
     *
     * @param text   the content of the policy file
     * @param source the name of the file, for messages
     * @return the policy
     * @throws PolicyException listing every problem
     */
    public static Policy parse(String text, String source) {
        ParseOutcome outcome = TomlFrontEnd.parse(text, LoadLimits.DEFAULTS);
        if (outcome instanceof ParseOutcome.Failed failed) {
            Diagnostic diagnostic = failed.diagnostic();
            throw new PolicyException(source, List.of(new PolicyProblem("not valid TOML: " + diagnostic.message(),
                    diagnostic.position())));
        }
        ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) outcome;
        return new PolicyParser(source, parsed.positions()).read(parsed.root());
    }

    private Policy read(ObjectNode root) {
        Policy.Builder builder = Policy.builder().source(source);
        for (String key : root.propertyNames()) {
            JsonNode value = root.get(key);
            List<Object> path = List.of(key);
            switch (key) {
                case "tenancy" -> {
                    String text = string(value, path);
                    if (text != null) {
                        builder.tenancy(tenancy(text, path));
                    }
                }
                case "fail-on" -> {
                    String text = string(value, path);
                    if (text != null) {
                        try {
                            builder.failOn(FailOn.parse(text));
                        } catch (IllegalArgumentException e) {
                            error(e.getMessage(), path);
                        }
                    }
                }
                case "kubernetes-pss" -> {
                    String text = string(value, path);
                    if (text != null) {
                        String level = text.trim().toLowerCase(Locale.ROOT);
                        if (PSS_LEVELS.contains(level)) {
                            builder.kubernetesPss(level);
                        } else {
                            error("kubernetes-pss must be privileged, baseline or restricted; got \"" + text + "\"",
                                    path);
                        }
                    }
                }
                case "runner-tenancy" -> readRunnerTenancy(value, builder);
                case "rules" -> readRules(value, builder);
                case "waivers" -> readWaivers(value, builder);
                default -> unknownKey(key, path, TOP_LEVEL, "");
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(PolicyProblem::position,
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
            throw new PolicyException(source, problems);
        }
        return builder.build();
    }

    private void readRunnerTenancy(JsonNode value, Policy.Builder builder) {
        List<Object> path = List.of("runner-tenancy");
        if (!value.isObject()) {
            error("runner-tenancy must be a table of runner name = tenancy, e.g. [runner-tenancy] \"builder\" = "
                    + "\"dedicated\"", path);
            return;
        }
        for (String runner : value.propertyNames()) {
            List<Object> entry = List.of("runner-tenancy", runner);
            String text = string(value.get(runner), entry);
            if (text != null) {
                Tenancy tenancy = tenancy(text, entry);
                if (tenancy != null) {
                    builder.runnerTenancy(runner, tenancy);
                }
            }
        }
    }

    private void readRules(JsonNode value, Policy.Builder builder) {
        if (!value.isObject()) {
            error("rules must be a table of rule id = { enabled = ..., severity = ... }", List.of("rules"));
            return;
        }
        for (String id : value.propertyNames()) {
            List<Object> path = List.of("rules", id);
            JsonNode setting = value.get(id);
            if (!setting.isObject()) {
                error("rules.\"" + id + "\" must be a table with enabled and/or severity, e.g. [rules.\"" + id
                        + "\"] enabled = false", path);
                continue;
            }
            Boolean enabled = null;
            Severity severity = null;
            for (String key : setting.propertyNames()) {
                List<Object> keyPath = List.of("rules", id, key);
                JsonNode item = setting.get(key);
                switch (key) {
                    case "enabled" -> {
                        if (item.isBoolean()) {
                            enabled = item.booleanValue();
                        } else {
                            error("enabled must be true or false, not " + TomlTypes.describe(item), keyPath);
                        }
                    }
                    case "severity" -> {
                        String text = string(item, keyPath);
                        if (text != null) {
                            severity = severity(text, keyPath);
                        }
                    }
                    default -> unknownKey(key, keyPath, RULE_KEYS, " in rules.\"" + id + "\"");
                }
            }
            if (enabled == null && severity == null && setting.isEmpty()) {
                error("rules.\"" + id + "\" says nothing: set enabled and/or severity", path);
            }
            builder.rule(new RuleSetting(id, enabled, severity, nearest(path)));
        }
    }

    private void readWaivers(JsonNode value, Policy.Builder builder) {
        if (!value.isArray()) {
            error("waivers must be an array of tables: write each as [[waivers]]", List.of("waivers"));
            return;
        }
        for (int index = 0; index < value.size(); index++) {
            List<Object> path = List.of("waivers", index);
            JsonNode waiver = value.get(index);
            if (!waiver.isObject()) {
                error("each waiver must be a table with rule, reason and optionally runner and expires", path);
                continue;
            }
            String rule = null;
            String runner = null;
            String reason = null;
            LocalDate expires = null;
            boolean valid = true;
            for (String key : waiver.propertyNames()) {
                List<Object> keyPath = List.of("waivers", index, key);
                JsonNode item = waiver.get(key);
                switch (key) {
                    case "rule" -> {
                        rule = string(item, keyPath);
                        valid &= rule != null;
                    }
                    case "runner" -> {
                        runner = string(item, keyPath);
                        valid &= runner != null;
                    }
                    case "reason" -> {
                        reason = string(item, keyPath);
                        if (reason != null && reason.isBlank()) {
                            error("a waiver's reason must not be blank: say why the risk is accepted", keyPath);
                            reason = null;
                        }
                        valid &= reason != null;
                    }
                    case "expires" -> {
                        expires = date(item, keyPath);
                        valid &= expires != null;
                    }
                    default -> {
                        unknownKey(key, keyPath, WAIVER_KEYS, " in a waiver");
                        valid = false;
                    }
                }
            }
            if (rule == null && !waiver.has("rule")) {
                error("a waiver needs a rule: rule = \"<rule-id>\"", path);
                valid = false;
            }
            if (reason == null && !waiver.has("reason")) {
                error("a waiver needs a reason: reason = \"why the risk is accepted\"", path);
                valid = false;
            }
            if (valid && rule != null && reason != null) {
                Position position = nearest(List.of("waivers", index, "rule"));
                builder.waiver(new Waiver(rule, runner, reason, expires, position));
            }
        }
    }

    private @Nullable String string(JsonNode value, List<Object> path) {
        if (value.isString()) {
            return value.stringValue();
        }
        error(dotted(path) + " must be a string, not " + TomlTypes.describe(value), path);
        return null;
    }

    private @Nullable Tenancy tenancy(String text, List<Object> path) {
        try {
            return Tenancy.parse(text);
        } catch (IllegalArgumentException e) {
            error(dotted(path) + " must be dedicated, shared or multi-tenant; got \"" + text + "\"", path);
            return null;
        }
    }

    private @Nullable Severity severity(String text, List<Object> path) {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            error(dotted(path) + " must be critical, high, medium, low or info; got \"" + text + "\"", path);
            return null;
        }
    }

    private @Nullable LocalDate date(JsonNode value, List<Object> path) {
        if (value instanceof POJONode node) {
            Object pojo = node.getPojo();
            if (pojo instanceof LocalDate date) {
                return date;
            }
            error("expires must be a date such as 2027-06-30 (no time, no offset)", path);
            return null;
        }
        if (value.isString()) {
            try {
                return LocalDate.parse(value.stringValue().trim());
            } catch (DateTimeParseException e) {
                error("expires must be a date such as 2027-06-30; got \"" + value.stringValue() + "\"", path);
                return null;
            }
        }
        error("expires must be a date such as 2027-06-30, not " + TomlTypes.describe(value), path);
        return null;
    }

    private void unknownKey(String key, List<Object> path, Set<String> known, String where) {
        String hint = Names.closest(key, known).map(k -> " (did you mean " + k + "?)").orElse("");
        error("unknown key " + key + where + hint + "; known keys: " + String.join(", ", new java.util.TreeSet<>(known)),
                path);
    }

    private void error(String message, List<Object> path) {
        problems.add(new PolicyProblem(message, nearest(path)));
    }

    private static String dotted(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object part : path) {
            if (part instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                String key = (String) part;
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"");
            }
        }
        return out.toString();
    }

    /** The position of {@code path}, else of its closest ancestor that has one, else null. */
    private @Nullable Position nearest(List<Object> path) {
        for (int size = path.size(); size > 0; size--) {
            Position position = positions.of(path.subList(0, size));
            if (position != null) {
                return position;
            }
        }
        return null;
    }
}
