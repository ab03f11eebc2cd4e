package io.github.runnerguard.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.RunnerConfig;
import org.jspecify.annotations.Nullable;

/**
 * The regular-expression implementation of {@link Redactor} as it was before the scanners replaced its patterns,
 * kept unchanged as the oracle the property tests compare the scanners with. Its assignment pattern backtracks, so
 * it is only fed short texts. Immutable and thread-safe.
 */
final class LegacyRedactor {

    /** What a secret is replaced with, after its well-known prefix if it has one. */
    public static final String MASK = "\u2026";

    private static final List<String> TOKEN_PREFIXES = List.of("glrt-", "glpat-", "gldt-", "glcbt-", "glptt-",
            "glft-", "glimt-", "glagent-", "glsoat-", "gloas-", "glffct-", "glwt-", "glrtr-", "GR1348941");

    private static final Pattern GITLAB_TOKEN = Pattern.compile(
            "\\b(glrtr-|glrt-|glpat-|gldt-|glcbt-|glptt-|glft-|glimt-|glagent-|glsoat-|gloas-|glffct-|glwt-|GR1348941)"
                    + "[A-Za-z0-9_.\\-]{4,}");

    private static final Pattern URL_USERINFO = Pattern.compile(
            "\\b([A-Za-z][A-Za-z0-9+.\\-]*://)([^/?#@\\s\"'<>]+)@");

    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)\\b([A-Za-z0-9_.\\-]*(?:token|password|passwd|secret|private_?key|api_?key|access_?key|account_?key"
                    + "|credential|auth_config)[A-Za-z0-9_.\\-]*)(\\s*[=:]\\s*)([\"']?)(\\{[^\\r\\n]*|[^\\s\"',}\\]]+)");

    /** Lower-case fragments of which one must occur for {@link #SECRET_ASSIGNMENT} to match. */
    private static final List<String> ASSIGNMENT_WORDS = List.of("token", "passw", "secret", "private", "api_key",
            "apikey", "access_key", "accesskey", "account_key", "accountkey", "credential", "auth_config");

    private static final Pattern NOT_A_SECRET_VALUE = Pattern.compile(
            "(?i)true|false|null|none|-?\\d+(?:\\.\\d+)?|\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?|\\[|" + MASK + "|.*" + MASK);

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(token|secret|password|passwd|pass$|private_?key|privatekey|api_?key|access_?key|accesskey"
                    + "|account_?key|credential|auth|dsn|session_?key|client_?key).*");

    /**
     * gitlab-runner fields (canonical tag names, compared ignoring case) whose value is a secret.
     */
    private static final Set<String> SECRET_FIELDS = Set.of("token", "bearer_token", "accesskey", "secretkey",
            "sessiontoken", "privatekey", "accountkey", "password", "sentry_dsn", "prometheus_address",
            "collector_uri");

    private static final Set<String> URL_FIELDS = Set.of("url", "clone_url");

    private static final Set<String> LIST_OF_ASSIGNMENTS = Set.of("environment", "machineoptions",
            "machineoptionswithname");

    private static final Set<String> SECRET_SUBTREES = Set.of("plugin_config");

    private static final LegacyRedactor PATTERNS = new LegacyRedactor(List.of());

    private static final int PREFIX = 4;

    private final List<String> raw;
    /** Secrets of at least {@link #PREFIX} characters by their first characters, longest first. */
    private final Map<String, List<String>> byPrefix;
    /** Hashes of the first two characters of every secret in {@link #byPrefix}, a quick filter. */
    private final java.util.BitSet starts;
    /** The shorter secrets, masked only as whole words; null when there are none. */
    private final @Nullable Pattern shortSecrets;

    private LegacyRedactor(List<String> secrets) {
        this.raw = List.copyOf(new LinkedHashSet<>(secrets));
        Map<String, List<String>> prefixes = new HashMap<>();
        List<String> shortOnes = new ArrayList<>();
        for (String secret : raw) {
            if (secret.length() >= PREFIX) {
                prefixes.computeIfAbsent(secret.substring(0, PREFIX), k -> new ArrayList<>()).add(secret);
            } else if (!secret.isBlank()) {
                shortOnes.add(Pattern.quote(secret));
            }
        }
        for (List<String> list : prefixes.values()) {
            list.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        }
        this.byPrefix = prefixes;
        this.starts = new java.util.BitSet(1 << 16);
        for (String prefix : prefixes.keySet()) {
            starts.set(startHash(prefix, 0));
        }
        this.shortSecrets = shortOnes.isEmpty() ? null
                : Pattern.compile("(?<![A-Za-z0-9])(?:" + String.join("|", shortOnes) + ")(?![A-Za-z0-9])");
    }

    /** A redactor that knows no particular secret and masks only what looks like one. */
    public static LegacyRedactor patterns() {
        return PATTERNS;
    }

    /** A redactor that also masks each of {@code secrets} wherever it appears. */
    public static LegacyRedactor of(Iterable<String> secrets) {
        List<String> list = new ArrayList<>();
        for (String secret : secrets) {
            list.add(Objects.requireNonNull(secret, "secret"));
        }
        return list.isEmpty() ? PATTERNS : new LegacyRedactor(list);
    }

    /** A redactor that masks the values of every secret-bearing key of {@code config}, and what looks secret. */
    public static LegacyRedactor forConfig(RunnerConfig config) {
        return forRaw(config.raw());
    }

    /** A redactor that masks the values of every secret-bearing key of a raw table, and what looks secret. */
    static LegacyRedactor forRaw(ConfigTable raw) {
        Set<String> found = new LinkedHashSet<>();
        collect(raw, false, found);
        return found.isEmpty() ? PATTERNS : new LegacyRedactor(new ArrayList<>(found));
    }

    /** A redactor that masks the secrets of both this one and {@code other}. */
    LegacyRedactor and(LegacyRedactor other) {
        if (other.raw.isEmpty()) {
            return this;
        }
        if (raw.isEmpty()) {
            return other;
        }
        List<String> all = new ArrayList<>(raw);
        all.addAll(other.raw);
        return new LegacyRedactor(all);
    }

    /**
     * The text with every secret masked.
     *
     * @param text any text, possibly null
     * @return the masked text; {@code ""} for null
     */
    public String redact(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String result = maskLiterals(text);
        if (shortSecrets != null) {
            result = shortSecrets.matcher(result).replaceAll(Matcher.quoteReplacement(MASK));
        }
        if (result.contains("gl") || result.contains("GR1348941")) {
            result = GITLAB_TOKEN.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        }
        if (result.contains("://") && result.indexOf('@') >= 0) {
            result = URL_USERINFO.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        }
        if (!mayAssignASecret(result)) {
            return result;
        }
        result = SECRET_ASSIGNMENT.matcher(result).replaceAll(m -> {
            String value = m.group(4);
            if (NOT_A_SECRET_VALUE.matcher(value).matches()) {
                return Matcher.quoteReplacement(m.group());
            }
            return Matcher.quoteReplacement(m.group(1) + m.group(2) + m.group(3) + mask(value));
        });
        return result;
    }

    private static int startHash(String text, int index) {
        return (text.charAt(index) * 31 + text.charAt(index + 1)) & 0xFFFF;
    }

    /** A cheap test before the assignment pattern: does a secret-looking name followed by = or : occur? */
    private static boolean mayAssignASecret(String text) {
        if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : ASSIGNMENT_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Masks the known secrets: at each position the longest one that starts there; linear in the text. */
    private String maskLiterals(String text) {
        if (byPrefix.isEmpty() || text.length() < PREFIX) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int index = 0;
        while (index + PREFIX <= text.length()) {
            if (!starts.get(startHash(text, index))) {
                index++;
                continue;
            }
            List<String> candidates = byPrefix.get(text.substring(index, index + PREFIX));
            String hit = null;
            if (candidates != null) {
                for (String candidate : candidates) {
                    if (text.startsWith(candidate, index)) {
                        hit = candidate;
                        break;
                    }
                }
            }
            if (hit == null) {
                index++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, index).append(mask(hit));
            index += hit.length();
            copied = index;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * How a secret is shown: its well-known token prefix and an ellipsis ({@code glrt-…}), or only the ellipsis.
     *
     * @param secret the secret
     * @return the masked form, which never contains more of the secret than a public prefix
     */
    public static String mask(String secret) {
        for (String prefix : TOKEN_PREFIXES) {
            if (secret.startsWith(prefix) && secret.length() > prefix.length()) {
                return prefix + MASK;
            }
        }
        return MASK;
    }

    /**
     * True when a gitlab-runner key holds a secret: {@code token}, {@code bearer_token}, the cache credentials,
     * passwords, {@code sentry_dsn}, {@code prometheus_address}, {@code collector_uri}.
     *
     * @param key the key or the last part of a dotted path, any case
     */
    public static boolean isSecretKey(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        return SECRET_FIELDS.contains(last.toLowerCase(Locale.ROOT));
    }

    /**
     * True when an environment variable or option name looks like it holds a secret ({@code API_TOKEN},
     * {@code DOCKER_AUTH_CONFIG}, {@code amazonec2-secret-key}).
     *
     * @param name the name
     */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    private static void collect(ConfigNode node, boolean secretContext, Set<String> out) {
        if (node instanceof ConfigTable table) {
            for (ConfigEntry entry : table.entries()) {
                String name = (entry.field() != null ? entry.field() : entry.key()).toLowerCase(Locale.ROOT);
                String keyName = entry.key().toLowerCase(Locale.ROOT);
                boolean secret = secretContext || SECRET_FIELDS.contains(name) || SECRET_FIELDS.contains(keyName)
                        || SECRET_SUBTREES.contains(name);
                if (!secret && (LIST_OF_ASSIGNMENTS.contains(name) || LIST_OF_ASSIGNMENTS.contains(keyName))) {
                    collectAssignments(entry.value(), out);
                } else if (!secret && (URL_FIELDS.contains(name) || URL_FIELDS.contains(keyName))) {
                    collectUserinfo(entry.value(), out);
                } else {
                    collect(entry.value(), secret, out);
                }
            }
        } else if (node instanceof ConfigArray array) {
            for (ConfigNode element : array.elements()) {
                collect(element, secretContext, out);
            }
        } else if (node instanceof ConfigScalar scalar && secretContext && scalar.value() instanceof String text) {
            addSecret(text, out);
        }
    }

    private static void collectAssignments(ConfigNode node, Set<String> out) {
        if (node instanceof ConfigArray array) {
            for (ConfigNode element : array.elements()) {
                collectAssignments(element, out);
            }
        } else if (node instanceof ConfigScalar scalar && scalar.value() instanceof String text) {
            int eq = text.indexOf('=');
            if (eq > 0 && isSecretName(text.substring(0, eq))) {
                addSecret(text.substring(eq + 1), out);
            }
            collectUserinfoText(text, out);
        } else if (node instanceof ConfigTable table) {
            collect(table, false, out);
        }
    }

    private static void collectUserinfo(ConfigNode node, Set<String> out) {
        if (node instanceof ConfigScalar scalar && scalar.value() instanceof String text) {
            collectUserinfoText(text, out);
        }
    }

    private static void collectUserinfoText(String text, Set<String> out) {
        Matcher matcher = URL_USERINFO.matcher(text);
        while (matcher.find()) {
            String userinfo = matcher.group(2);
            addSecret(userinfo, out);
            int colon = userinfo.indexOf(':');
            if (colon >= 0) {
                addSecret(userinfo.substring(colon + 1), out);
            }
        }
    }

    private static void addSecret(String value, Set<String> out) {
        String trimmed = value.strip();
        if (trimmed.isEmpty() || isEnvironmentReference(trimmed)) {
            return;
        }
        out.add(trimmed);
        if (!trimmed.equals(value) && !value.isBlank()) {
            out.add(value);
        }
    }

    private static boolean isEnvironmentReference(String value) {
        return value.matches("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?");
    }
}
