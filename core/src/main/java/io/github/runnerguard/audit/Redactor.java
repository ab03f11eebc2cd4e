package io.github.runnerguard.audit;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 * A filter that removes secrets from text before it is shown: every finding message, error, report and exception
 * message passes through one.
 *
 * <p>It masks, in this order: the literal values of the secret-bearing keys of one config (runner tokens, passwords,
 * cache keys, {@code bearer_token}, {@code plugin_config} values, secret-looking {@code environment} and
 * {@code MachineOptions} entries, URL credentials); then anything that looks like a GitLab token ({@code glrt-...});
 * then the credentials in a URL ({@code https://user:pass@host}); then the value of an assignment to a
 * secret-looking name ({@code PASSWORD=...}). A masked secret is shown at most as its well-known prefix followed by
 * an ellipsis: {@code glrt-…}, or just {@code …}.
 *
 * <p>Every pass is a single left-to-right scan, linear in the length of the text whatever it holds. Each pass masks
 * exactly what the regular expression in its comment would match, scanning as {@link Matcher#replaceAll} does.
 *
 * <p>Immutable and thread-safe.
 */
public final class Redactor {

    /** What a secret is replaced with, after its well-known prefix if it has one. */
    public static final String MASK = "\u2026";

    private static final List<String> TOKEN_PREFIXES = List.of("glrt-", "glpat-", "gldt-", "glcbt-", "glptt-",
            "glft-", "glimt-", "glagent-", "glsoat-", "gloas-", "glffct-", "glwt-", "glrtr-", "GR1348941");

    /**
     * The prefixes of {@code \b(glrtr-|glrt-|glpat-|gldt-|glcbt-|glptt-|glft-|glimt-|glagent-|glsoat-|gloas-|glffct-
     * |glwt-|GR1348941)[A-Za-z0-9_.\-]{4,}}, the GitLab token pattern; no prefix is a prefix of another.
     */
    private static final String[] GITLAB_PREFIXES = {"glrtr-", "glrt-", "glpat-", "gldt-", "glcbt-", "glptt-",
        "glft-", "glimt-", "glagent-", "glsoat-", "gloas-", "glffct-", "glwt-", "GR1348941"};

    /**
     * The words of which one must occur in a name for the assignment pattern
     * {@code (?i)\b([A-Za-z0-9_.\-]*(?:token|password|passwd|secret|private_?key|api_?key|access_?key|account_?key
     * |credential|auth_config)[A-Za-z0-9_.\-]*)(\s*[=:]\s*)(["']?)(\{[^\r\n]*|[^\s"',}\]]+)} to match, lower case,
     * compared ignoring ASCII case only (as that pattern does).
     */
    private static final String[] ASSIGNMENT_WORDS = {"token", "password", "passwd", "secret", "privatekey",
        "private_key", "apikey", "api_key", "accesskey", "access_key", "accountkey", "account_key", "credential",
        "auth_config"};

    /**
     * The words of {@link #isSecretName}, after the pattern
     * {@code (?i).*(token|secret|password|passwd|pass$|private_?key|privatekey|api_?key|access_?key|accesskey
     * |account_?key|credential|auth|dsn|session_?key|client_?key).*}; {@code pass} counts only at the end.
     */
    private static final String[] SECRET_NAME_WORDS = {"token", "secret", "password", "passwd", "privatekey",
        "private_key", "apikey", "api_key", "accesskey", "access_key", "accountkey", "account_key", "credential",
        "auth", "dsn", "sessionkey", "session_key", "clientkey", "client_key"};

    private static final String[][] ASSIGNMENT_WORDS_BY_LETTER = byFirstLetter(ASSIGNMENT_WORDS);

    private static final String[][] SECRET_NAME_WORDS_BY_LETTER = byFirstLetter(SECRET_NAME_WORDS);

    /** The index suffix {@link #isSecretKey} strips from a key's last part. */
    private static final Pattern INDEX_SUFFIX = Pattern.compile("\\[\\d+]$");

    /** A word boundary, to decide {@code \b} exactly as the regex engine does where a non-ASCII character is near. */
    private static final Pattern BOUNDARY = Pattern.compile("\\b");

    /**
     * gitlab-runner fields (canonical tag names, compared ignoring case) whose value is a secret.
     */
    private static final Set<String> SECRET_FIELDS = Set.of("token", "bearer_token", "accesskey", "secretkey",
            "sessiontoken", "privatekey", "accountkey", "password", "sentry_dsn", "prometheus_address",
            "collector_uri");

    /** {@link #KEY_KINDS} bit: one of {@link #SECRET_FIELDS}. */
    private static final int SECRET_FIELD = 1;
    /** {@link #KEY_KINDS} bit: a table whose every value is secret ({@code plugin_config}). */
    private static final int SECRET_SUBTREE = 2;
    /** {@link #KEY_KINDS} bit: a list of {@code NAME=value} assignments ({@code environment}, machine options). */
    private static final int LIST_OF_ASSIGNMENTS = 4;
    /** {@link #KEY_KINDS} bit: a URL that may hold credentials ({@code url}, {@code clone_url}). */
    private static final int URL_FIELD = 8;

    /** What each lower-case key name that matters to {@link #collect} is, as bits; other names are absent. */
    private static final Map<String, Integer> KEY_KINDS = keyKinds();

    /** The names of {@link #KEY_KINDS} (lower-case ASCII) by their length, for {@link #kindOf}. */
    private static final String[][] KIND_NAMES_BY_LENGTH = namesByLength(KEY_KINDS.keySet());

    private static final Redactor PATTERNS = new Redactor(List.of());

    private static final int PREFIX = 4;


    /** The redactors of the configs seen last, by identity, so that a report's writers do not build them again. */
    private static final AtomicReferenceArray<Cached> CACHE = new AtomicReferenceArray<>(16);

    private final List<String> raw;
    /**
     * An open-addressing table of the secrets of at least {@link #PREFIX} characters by the hash of their first
     * characters ({@link #startHash}): {@code hashes[slot]} and the secrets with that hash in {@code bySlot[slot]},
     * in natural order (searched by {@link #longestAt}); a null slot ends a probe. Null when there are no such
     * secrets.
     */
    private final int @Nullable [] hashes;
    private final String @Nullable [][] bySlot;
    /**
     * A bit per value of the low bits of {@link #startHash}, set where some secret's hash has those bits: most
     * positions of a text are ruled out by one bit here, in a table small enough to stay in the processor's cache,
     * before {@link #hashes} is probed. Null exactly when {@link #hashes} is.
     */
    private final long @Nullable [] startFilter;
    /** The ASCII characters below 64, then from 64 to 127, that occur among the first {@link #PREFIX} of a secret. */
    private final long prefixCharsLow;
    private final long prefixCharsHigh;
    /** True when a character beyond ASCII occurs among the first {@link #PREFIX} of a secret. */
    private final boolean prefixNonAscii;
    /** The shorter secrets, masked only as whole words; null when there are none. */
    private final @Nullable Pattern shortSecrets;

    private Redactor(List<String> secrets) {
        this.raw = List.copyOf(new LinkedHashSet<>(secrets));
        Map<Integer, List<String>> byHash = new HashMap<>();
        List<String> shortOnes = new ArrayList<>();
        long low = 0;
        long high = 0;
        boolean nonAscii = false;
        for (String secret : raw) {
            if (secret.length() >= PREFIX) {
                byHash.computeIfAbsent(startHash(secret, 0), k -> new ArrayList<>()).add(secret);
                for (int i = 0; i < PREFIX; i++) {
                    char c = secret.charAt(i);
                    if (c < 64) {
                        low |= 1L << c;
                    } else if (c < 128) {
                        high |= 1L << c;
                    } else {
                        nonAscii = true;
                    }
                }
            } else if (!secret.isBlank()) {
                shortOnes.add(Pattern.quote(secret));
            }
        }
        if (byHash.isEmpty()) {
            this.hashes = null;
            this.bySlot = null;
            this.startFilter = null;
        } else {
            // about one bit in sixteen set, at most 2^20 bits (128 KiB)
            int filterBits = Math.max(1024, Math.min(1 << 20, Integer.highestOneBit(byHash.size()) * 32));
            long[] filter = new long[filterBits >>> 6];
            for (int hash : byHash.keySet()) {
                int bit = hash & (filterBits - 1);
                filter[bit >>> 6] |= 1L << bit;
            }
            this.startFilter = filter;
            int capacity = Integer.highestOneBit(byHash.size() * 2) * 2; // at least twice the hashes
            this.hashes = new int[capacity];
            this.bySlot = new String[capacity][];
            for (Map.Entry<Integer, List<String>> group : byHash.entrySet()) {
                List<String> secretsOfHash = group.getValue();
                // a fleet's runner tokens share their first characters ("glrt-"): thousands in one slot, searched
                // by bisection, never one by one
                secretsOfHash.sort(Comparator.naturalOrder());
                int slot = group.getKey() & (capacity - 1);
                while (bySlot[slot] != null) {
                    slot = (slot + 1) & (capacity - 1);
                }
                hashes[slot] = group.getKey();
                bySlot[slot] = secretsOfHash.toArray(String[]::new);
            }
        }
        this.prefixCharsLow = low;
        this.prefixCharsHigh = high;
        this.prefixNonAscii = nonAscii;
        this.shortSecrets = shortOnes.isEmpty() ? null
                : Pattern.compile("(?<![A-Za-z0-9])(?:" + String.join("|", shortOnes) + ")(?![A-Za-z0-9])");
    }

    private static String[][] namesByLength(Set<String> names) {
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        String[][] byLength = new String[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int wanted = length;
            byLength[length] = names.stream().filter(name -> name.length() == wanted).sorted().toArray(String[]::new);
        }
        return byLength;
    }

    private static Map<String, Integer> keyKinds() {
        Map<String, Integer> kinds = new HashMap<>();
        SECRET_FIELDS.forEach(name -> kinds.merge(name, SECRET_FIELD, (a, b) -> a | b));
        kinds.merge("plugin_config", SECRET_SUBTREE, (a, b) -> a | b);
        for (String name : List.of("environment", "machineoptions", "machineoptionswithname")) {
            kinds.merge(name, LIST_OF_ASSIGNMENTS, (a, b) -> a | b);
        }
        for (String name : List.of("url", "clone_url")) {
            kinds.merge(name, URL_FIELD, (a, b) -> a | b);
        }
        return Map.copyOf(kinds);
    }

    /** A redactor that knows no particular secret and masks only what looks like one. */
    public static Redactor patterns() {
        return PATTERNS;
    }

    /** A redactor that also masks each of {@code secrets} wherever it appears. */
    public static Redactor of(Iterable<String> secrets) {
        List<String> list = new ArrayList<>();
        for (String secret : secrets) {
            list.add(Objects.requireNonNull(secret, "secret"));
        }
        return list.isEmpty() ? PATTERNS : new Redactor(list);
    }

    /**
     * A redactor that masks the values of every secret-bearing key of {@code config}, and what looks secret. The
     * redactors of the last few configs are remembered (weakly, by identity), so asking again for the same config is
     * cheap.
     */
    public static Redactor forConfig(RunnerConfig config) {
        int slot = System.identityHashCode(config) & (CACHE.length() - 1);
        Cached cached = CACHE.get(slot);
        if (cached != null && cached.config.get() == config) {
            return cached.redactor;
        }
        Redactor redactor = forRaw(config.raw());
        CACHE.set(slot, new Cached(new WeakReference<>(config), redactor));
        return redactor;
    }

    /** A remembered redactor and the config it is for. */
    private record Cached(WeakReference<RunnerConfig> config, Redactor redactor) {
    }

    /** A redactor that masks the values of every secret-bearing key of a raw table, and what looks secret. */
    static Redactor forRaw(ConfigTable raw) {
        Set<String> found = new LinkedHashSet<>();
        collect(raw, false, found);
        return found.isEmpty() ? PATTERNS : new Redactor(new ArrayList<>(found));
    }

    /** A redactor that masks the secrets of both this one and {@code other}. */
    public Redactor and(Redactor other) {
        if (other.raw.isEmpty()) {
            return this;
        }
        if (raw.isEmpty()) {
            return other;
        }
        List<String> all = new ArrayList<>(raw);
        all.addAll(other.raw);
        return new Redactor(all);
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
        result = maskGitLabTokens(result);
        if (result.contains("://") && result.indexOf('@') >= 0) {
            result = maskUserinfo(result);
        }
        if (result.indexOf('=') < 0 && result.indexOf(':') < 0) {
            return result;
        }
        return maskAssignments(result);
    }

    /** A polynomial hash of the {@link #PREFIX} characters at {@code index}, which rolls; see {@link #startHash}. */
    private static int rawStartHash(String text, int index) {
        return ((text.charAt(index) * 31 + text.charAt(index + 1)) * 31 + text.charAt(index + 2)) * 31
                + text.charAt(index + 3);
    }

    /** The hash of the {@link #PREFIX} characters at {@code index}, with its high bits spread into the low ones. */
    private static int startHash(String text, int index) {
        int hash = rawStartHash(text, index);
        return hash ^ (hash >>> 11);
    }

    /**
     * Masks the known secrets: at each position the longest one that starts there; linear in the text. Positions
     * whose next {@link #PREFIX} characters hold one that no secret has among its first ones are passed over, as no
     * secret can start there.
     */
    private String maskLiterals(String text) {
        int length = text.length();
        int[] table = hashes;
        String[][] secrets = bySlot;
        long[] filter = startFilter;
        if (table == null || secrets == null || filter == null || length < PREFIX) {
            return text;
        }
        int mask = table.length - 1;
        int filterMask = (filter.length << 6) - 1;
        StringBuilder out = null;
        int copied = 0;
        int index = nextCandidate(text, 0);
        if (index < 0) {
            return text;
        }
        int raw = rawStartHash(text, index);
        while (true) {
            int hash = raw ^ (raw >>> 11);
            String hit = null;
            int bit = hash & filterMask;
            if ((filter[bit >>> 6] & (1L << bit)) != 0) {
                for (int slot = hash & mask; secrets[slot] != null; slot = (slot + 1) & mask) {
                    if (table[slot] == hash) {
                        hit = longestAt(text, index, secrets[slot]);
                        break;
                    }
                }
            }
            if (hit != null) {
                if (out == null) {
                    out = new StringBuilder(length);
                }
                out.append(text, copied, index).append(mask(hit));
                index += hit.length();
                copied = index;
                index = nextCandidate(text, index);
                if (index < 0) {
                    break;
                }
                raw = rawStartHash(text, index);
                continue;
            }
            if (index + PREFIX >= length) {
                break;
            }
            char incoming = text.charAt(index + PREFIX);
            if (!isPrefixChar(incoming)) {
                // no window that holds it starts a secret
                index = nextCandidate(text, index + PREFIX + 1);
                if (index < 0) {
                    break;
                }
                raw = rawStartHash(text, index);
                continue;
            }
            // roll the hash on by one character: drop text[index], add text[index + PREFIX]
            raw = (raw - text.charAt(index) * (31 * 31 * 31)) * 31 + incoming;
            index++;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, length).toString();
    }

    /**
     * The first position at or after {@code from} whose next {@link #PREFIX} characters are all among the first
     * characters of secrets, or -1 when no such position is left.
     */
    private int nextCandidate(String text, int from) {
        int index = from;
        int length = text.length();
        while (index + PREFIX <= length) {
            int last = index + PREFIX - 1;
            while (last >= index && isPrefixChar(text.charAt(last))) {
                last--;
            }
            if (last < index) {
                return index;
            }
            index = last + 1;
        }
        return -1;
    }

    /** True when some secret of at least {@link #PREFIX} characters has {@code c} among its first ones. */
    private boolean isPrefixChar(char c) {
        if (c < 64) {
            return (prefixCharsLow & (1L << c)) != 0;
        }
        if (c < 128) {
            return (prefixCharsHigh & (1L << c)) != 0;
        }
        return prefixNonAscii;
    }

    /**
     * The longest of {@code candidates} (in natural order) that {@code text} holds at {@code index}, or null; about
     * log(candidates) comparisons, however many candidates share their first characters.
     *
     * <p>Among the candidates not greater than the text from {@code index} on, the greatest one that is a prefix of
     * it is the longest such prefix (a longer prefix sorts after a shorter one and still not after the text). If the
     * greatest candidate not after the text is not a prefix of it, every prefix candidate is also a prefix of what
     * the two have in common, and sorts before that candidate: the search goes on in that shorter text, in the
     * candidates before it. Each round shortens the text, so there are at most as many rounds as distinct lengths.
     */
    private static @Nullable String longestAt(String text, int index, String[] candidates) {
        int end = text.length();
        int before = candidates.length;
        while (before > 0) {
            // the greatest candidate not after text[index, end), among candidates[0, before)
            int low = 0;
            int high = before - 1;
            int found = -1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (compareToText(candidates[middle], text, index, end) <= 0) {
                    found = middle;
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            if (found < 0) {
                return null;
            }
            String candidate = candidates[found];
            int common = commonPrefix(candidate, text, index, end);
            if (common == candidate.length()) {
                return candidate;
            }
            end = index + common;
            before = found;
        }
        return null;
    }

    /** {@code candidate} compared with {@code text[from, to)}, as {@link String#compareTo} would compare them. */
    private static int compareToText(String candidate, String text, int from, int to) {
        int length = Math.min(candidate.length(), to - from);
        for (int i = 0; i < length; i++) {
            int difference = candidate.charAt(i) - text.charAt(from + i);
            if (difference != 0) {
                return difference;
            }
        }
        return candidate.length() - (to - from);
    }

    /** The number of leading characters {@code candidate} and {@code text[from, to)} have in common. */
    private static int commonPrefix(String candidate, String text, int from, int to) {
        int length = Math.min(candidate.length(), to - from);
        int i = 0;
        while (i < length && candidate.charAt(i) == text.charAt(from + i)) {
            i++;
        }
        return i;
    }

    /**
     * Masks what looks like a GitLab token: {@code \b(prefix)[A-Za-z0-9_.\-]{4,}} becomes the prefix and the mask.
     * A token's characters are name characters, so a match runs to the end of the run of name characters it starts
     * in.
     */
    private static String maskGitLabTokens(String text) {
        StringBuilder out = null;
        int copied = 0;
        int length = text.length();
        // every prefix starts with "gl" or "GR": jump from one to the next
        int nextGl = text.indexOf("gl");
        int nextGr = text.indexOf("GR");
        while (nextGl >= 0 || nextGr >= 0) {
            int index = nextGr < 0 || (nextGl >= 0 && nextGl < nextGr) ? nextGl : nextGr;
            int end = index + 1;
            String prefix = wordStartsAt(text, index) ? gitLabPrefixAt(text, index) : null;
            if (prefix != null) {
                int tokenStart = index + prefix.length();
                int tokenEnd = tokenStart;
                while (tokenEnd < length && isNameChar(text.charAt(tokenEnd))) {
                    tokenEnd++;
                }
                if (tokenEnd - tokenStart >= 4) {
                    if (out == null) {
                        out = new StringBuilder(length);
                    }
                    out.append(text, copied, index).append(prefix).append(MASK);
                    copied = tokenEnd;
                    end = tokenEnd;
                }
            }
            if (nextGl >= 0 && nextGl < end) {
                nextGl = text.indexOf("gl", end);
            }
            if (nextGr >= 0 && nextGr < end) {
                nextGr = text.indexOf("GR", end);
            }
        }
        return out == null ? text : out.append(text, copied, length).toString();
    }

    private static @Nullable String gitLabPrefixAt(String text, int index) {
        for (String prefix : GITLAB_PREFIXES) {
            if (text.startsWith(prefix, index)) {
                return prefix;
            }
        }
        return null;
    }

    /** Masks URL credentials: {@code \b([A-Za-z][A-Za-z0-9+.\-]*://)([^/?#@\s"'<>]+)@} keeps the scheme and the @. */
    private static String maskUserinfo(String text) {
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        int[] match;
        while ((match = findUserinfo(text, from)) != null) {
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, match[1]).append(MASK).append('@');
            from = match[2] + 1;
            copied = from;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * The next URL with credentials at or after {@code from}, as the pattern of {@link #maskUserinfo} finds it: the
     * start of the scheme, the end of {@code ://} (where the credentials start) and the index of the {@code @}; null
     * when there is none.
     *
     * <p>A scheme's characters run up to the {@code ://}, so a match can only start in the run of scheme characters
     * that ends right before a {@code ://}, at its first letter with a word boundary before it; and whether the
     * credentials and the {@code @} follow does not depend on where in the run it starts.
     */
    private static int @Nullable [] findUserinfo(String text, int from) {
        int length = text.length();
        int index = text.indexOf("://", from);
        while (index >= 0) {
            int runStart = index;
            while (runStart > from && isSchemeChar(text.charAt(runStart - 1))) {
                runStart--;
            }
            int start = -1;
            for (int s = runStart; s < index; s++) {
                if (isAsciiLetter(text.charAt(s)) && wordStartsAt(text, s)) {
                    start = s;
                    break;
                }
            }
            if (start >= 0) {
                int user = index + 3;
                int end = user;
                while (end < length && isUserinfoChar(text.charAt(end))) {
                    end++;
                }
                if (end > user && end < length && text.charAt(end) == '@') {
                    return new int[] {start, user, end};
                }
            }
            index = text.indexOf("://", index + 1);
        }
        return null;
    }

    /**
     * Masks the values of assignments to secret-looking names, as the pattern of {@link #ASSIGNMENT_WORDS} and
     * {@link Matcher#replaceAll} do, unless the value is a boolean, a number, an environment reference or already
     * masked.
     *
     * <p>A name's characters cannot be part of what follows it, so a match can only cover a whole run of name
     * characters from some start in it to its end; it starts at the first word boundary in the run that still has one
     * of the words after it, if the separator and a value follow the run. So each run is looked at once.
     */
    private static String maskAssignments(String text) {
        StringBuilder out = null;
        int copied = 0;
        int length = text.length();
        // where the pattern's scan goes on: after the last match, whose value ends before a character that cannot be
        // part of a name (or at the end), so no run of name characters reaches back over it
        int from = 0;
        int nextEquals = text.indexOf('=');
        int nextColon = text.indexOf(':');
        while (nextEquals >= 0 || nextColon >= 0) {
            int separator = nextColon < 0 || (nextEquals >= 0 && nextEquals < nextColon) ? nextEquals : nextColon;
            long value = assignedValue(text, from, separator);
            int resume = separator + 1;
            if (value >= 0) {
                int valueStart = (int) (value >>> 32);
                int valueEnd = (int) value;
                if (!isNotASecretValue(text, valueStart, valueEnd)) {
                    if (out == null) {
                        out = new StringBuilder(length);
                    }
                    out.append(text, copied, valueStart).append(mask(text.substring(valueStart, valueEnd)));
                    copied = valueEnd;
                }
                from = valueEnd;
                resume = valueEnd;
            }
            if (nextEquals >= 0 && nextEquals < resume) {
                nextEquals = text.indexOf('=', resume);
            }
            if (nextColon >= 0 && nextColon < resume) {
                nextColon = text.indexOf(':', resume);
            }
        }
        return out == null ? text : out.append(text, copied, length).toString();
    }

    /**
     * The value assigned by a match of the assignment pattern whose separator is the {@code =} or {@code :} at
     * {@code separator}, as {@code start << 32 | end}; -1 when no match has that separator. The match's name is the
     * run of name characters before the separator (spaces between), starting at or after {@code from}.
     */
    private static long assignedValue(String text, int from, int separator) {
        int runEnd = separator;
        while (runEnd > from && isSpace(text.charAt(runEnd - 1))) {
            runEnd--;
        }
        int runStart = runEnd;
        while (runStart > from && isNameChar(text.charAt(runStart - 1))) {
            runStart--;
        }
        if (runStart == runEnd) {
            return -1;
        }
        int lastWord = lastAssignmentWord(text, runStart, runEnd);
        if (lastWord < 0) {
            return -1;
        }
        int start = -1;
        for (int s = runStart; s <= lastWord; s++) {
            if (boundaryInNameRun(text, s, runStart)) {
                start = s;
                break;
            }
        }
        if (start < 0) {
            return -1;
        }
        int length = text.length();
        int valueStart = skipSpaces(text, separator + 1);
        int valueEnd = -1;
        if (valueStart < length && (text.charAt(valueStart) == '"' || text.charAt(valueStart) == '\'')) {
            valueEnd = valueEnd(text, valueStart + 1);
            if (valueEnd >= 0) {
                valueStart++;
            }
        }
        if (valueEnd < 0) {
            valueEnd = valueEnd(text, valueStart);
        }
        return valueEnd < 0 ? -1 : (long) valueStart << 32 | valueEnd;
    }

    /**
     * True when {@code (?i)true|false|null|none|-?\d+(?:\.\d+)?|\$\{?[A-Za-z_][A-Za-z0-9_]*}?|\[|…|.*…}
     * matches the whole of {@code text[from, to)}: a boolean, {@code null} or
     * {@code none} (ASCII case ignored), a number, an environment reference, {@code [}, or text up to an ellipsis
     * with no line terminator before it. Read in place, without a copy or a matcher.
     */
    private static boolean isNotASecretValue(String text, int from, int to) {
        int length = to - from;
        if (length == 4 && (asciiRegionMatches(text, from, "true") || asciiRegionMatches(text, from, "null")
                || asciiRegionMatches(text, from, "none"))) {
            return true;
        }
        if (length == 5 && asciiRegionMatches(text, from, "false")) {
            return true;
        }
        if (length == 1 && text.charAt(from) == '[') {
            return true;
        }
        if (length > 0 && text.charAt(to - 1) == MASK.charAt(0)) {
            // .*…: '.' is anything but a line terminator
            int i = from;
            while (i < to - 1 && !isLineTerminator(text.charAt(i))) {
                i++;
            }
            if (i == to - 1) {
                return true;
            }
        }
        return isNumber(text, from, to) || isEnvironmentReference(text, from, to);
    }

    /** {@code -?\d+(?:\.\d+)?} over the whole of {@code text[from, to)}, ASCII digits only. */
    private static boolean isNumber(String text, int from, int to) {
        int i = from;
        if (i < to && text.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        while (i < to && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        if (i == digits) {
            return false;
        }
        if (i == to) {
            return true;
        }
        if (text.charAt(i) != '.') {
            return false;
        }
        i++;
        int fraction = i;
        while (i < to && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        return i > fraction && i == to;
    }

    /** {@code \$\{?[A-Za-z_][A-Za-z0-9_]*}?} over the whole of {@code text[from, to)}. */
    private static boolean isEnvironmentReference(String text, int from, int to) {
        if (to - from < 2 || text.charAt(from) != '$') {
            return false;
        }
        int i = from + 1;
        if (text.charAt(i) == '{') {
            i++;
        }
        if (i >= to || !(isAsciiLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            return false;
        }
        i++;
        while (i < to && isAsciiWord(text.charAt(i))) {
            i++;
        }
        if (i < to && text.charAt(i) == '}') {
            i++;
        }
        return i == to;
    }

    /** A line terminator as {@code .} of {@link Pattern} sees one: LF, CR, NEL, LS, PS. */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The start of the last assignment word in {@code text[from, to)}, or -1. */
    private static int lastAssignmentWord(String text, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (startsWord(text, i, to, ASSIGNMENT_WORDS_BY_LETTER)) {
                return i;
            }
        }
        return -1;
    }

    /** One of {@code words} (by their first letter, lower case) starts at {@code i} and ends by {@code to}. */
    private static boolean startsWord(String text, int i, int to, String[][] words) {
        int c = text.charAt(i) | 0x20;
        if (c < 'a' || c > 'z') {
            return false;
        }
        for (String word : words[c - 'a']) {
            if (i + word.length() <= to && asciiRegionMatches(text, i, word)) {
                return true;
            }
        }
        return false;
    }

    /** The words by their first letter: index 0 for {@code a}. */
    private static String[][] byFirstLetter(String[] words) {
        String[][] table = new String[26][];
        for (int letter = 0; letter < 26; letter++) {
            char first = (char) ('a' + letter);
            table[letter] = java.util.Arrays.stream(words).filter(w -> w.charAt(0) == first).toArray(String[]::new);
        }
        return table;
    }

    /** The end of a value ({@code \{[^\r\n]*|[^\s"',}\]]+}) starting at {@code from}, or -1 when there is none. */
    private static int valueEnd(String text, int from) {
        int length = text.length();
        if (from >= length) {
            return -1;
        }
        int end = from;
        if (text.charAt(from) == '{') {
            end++;
            while (end < length && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                end++;
            }
            return end;
        }
        while (end < length && isValueChar(text.charAt(end))) {
            end++;
        }
        return end > from ? end : -1;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code \s} of {@link Pattern}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** {@code [A-Za-z0-9_.\-]}. */
    private static boolean isNameChar(char c) {
        return c < 128 && (isAsciiWord(c) || c == '.' || c == '-');
    }

    /** {@code [A-Za-z0-9+.\-]}. */
    private static boolean isSchemeChar(char c) {
        return c < 128 && ((isAsciiWord(c) && c != '_') || c == '+' || c == '.' || c == '-');
    }

    /** {@code [^/?#@\s"'<>]}. */
    private static boolean isUserinfoChar(char c) {
        return !isSpace(c) && c != '/' && c != '?' && c != '#' && c != '@' && c != '"' && c != '\'' && c != '<'
                && c != '>';
    }

    /** {@code [^\s"',}\]]}. */
    private static boolean isValueChar(char c) {
        return !isSpace(c) && c != '"' && c != '\'' && c != ',' && c != '}' && c != ']';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** An ASCII word character: letter, digit or underscore (what {@code \b} sees in ASCII text). */
    private static boolean isAsciiWord(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    /**
     * {@code \b} at {@code index}, where {@code text[index]} is an ASCII word character: true when what comes before
     * is not a word character. A non-ASCII character before is left to the regex engine, whose idea of a word
     * character there depends on the Java version.
     */
    private static boolean wordStartsAt(String text, int index) {
        if (index == 0) {
            return true;
        }
        char before = text.charAt(index - 1);
        if (before < 128) {
            return !isAsciiWord(before);
        }
        return regexBoundary(text, index);
    }

    /** {@code \b} at {@code index} inside the run of name characters starting at {@code runStart}. */
    private static boolean boundaryInNameRun(String text, int index, int runStart) {
        boolean right = isAsciiWord(text.charAt(index));
        if (index > runStart) {
            return right != isAsciiWord(text.charAt(index - 1));
        }
        if (index == 0 || text.charAt(index - 1) < 128) {
            // before the run comes no name character, so no ASCII word character
            return right;
        }
        return regexBoundary(text, index);
    }

    /** {@code \b} at {@code index} as the regex engine of this Java version decides it, seeing the whole text. */
    private static boolean regexBoundary(String text, int index) {
        return BOUNDARY.matcher(text).region(index, text.length()).useTransparentBounds(true).lookingAt();
    }

    /** {@code text} holds {@code lower} (lower case ASCII) at {@code index}, ignoring ASCII case only. */
    private static boolean asciiRegionMatches(String text, int index, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            char c = text.charAt(index + k);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(k)) {
                return false;
            }
        }
        return true;
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
        String last = key.substring(key.lastIndexOf('.') + 1);
        if (last.indexOf('[') >= 0) {
            last = INDEX_SUFFIX.matcher(last).replaceAll("");
        }
        return SECRET_FIELDS.contains(last.toLowerCase(Locale.ROOT));
    }

    /**
     * True when an environment variable or option name looks like it holds a secret ({@code API_TOKEN},
     * {@code DOCKER_AUTH_CONFIG}, {@code amazonec2-secret-key}).
     *
     * @param name the name
     */
    public static boolean isSecretName(String name) {
        int length = name.length();
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        if (length >= 4 && asciiRegionMatches(name, length - 4, "pass")) {
            return true;
        }
        for (int i = 0; i < length; i++) {
            if (startsWord(name, i, length, SECRET_NAME_WORDS_BY_LETTER)) {
                return true;
            }
        }
        return false;
    }

    private static void collect(ConfigNode node, boolean secretContext, Set<String> out) {
        if (node instanceof ConfigTable table) {
            for (ConfigEntry entry : table.entries()) {
                ConfigNode value = entry.value();
                if (value instanceof ConfigTable inner ? inner.entries().isEmpty()
                        : value instanceof ConfigArray list && list.elements().isEmpty()) {
                    continue; // holds nothing (the model has an empty table for every section a file leaves out)
                }
                String field = entry.field();
                String key = entry.key();
                int nameKind = kindOf(field != null ? field : key);
                int keyKind = field == null || field.equals(key) ? nameKind : kindOf(key);
                boolean secret = secretContext || ((nameKind | keyKind) & SECRET_FIELD) != 0
                        || (nameKind & SECRET_SUBTREE) != 0;
                if (!secret && ((nameKind | keyKind) & LIST_OF_ASSIGNMENTS) != 0) {
                    collectAssignments(value, out);
                } else if (!secret && ((nameKind | keyKind) & URL_FIELD) != 0) {
                    collectUserinfo(value, out);
                } else if (secret || !(value instanceof ConfigScalar)) {
                    collect(value, secret, out);
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

    /**
     * What {@code KEY_KINDS.get(key.toLowerCase(Locale.ROOT))} says, or 0: an ASCII key (nearly every key) is compared
     * with the names without a lower-case copy; only a key with another character is lower-cased and looked up.
     */
    private static int kindOf(String key) {
        int length = key.length();
        if (length < KIND_NAMES_BY_LENGTH.length) {
            String[] names = KIND_NAMES_BY_LENGTH[length];
            for (int i = 0; i < names.length; i++) {
                if (asciiLowerCaseEquals(names[i], key)) {
                    return KEY_KINDS.get(names[i]);
                }
            }
        }
        for (int i = 0; i < length; i++) {
            if (key.charAt(i) >= 0x80) {
                return KEY_KINDS.getOrDefault(key.toLowerCase(Locale.ROOT), 0);
            }
        }
        return 0;
    }

    /** True when {@code text}, its ASCII capitals lowered, equals {@code lowerCaseAscii} (of the same length). */
    private static boolean asciiLowerCaseEquals(String lowerCaseAscii, String text) {
        for (int i = 0; i < lowerCaseAscii.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerCaseAscii.charAt(i)) {
                return false;
            }
        }
        return true;
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
        if (!text.contains("://")) {
            return;
        }
        int from = 0;
        int[] match;
        while ((match = findUserinfo(text, from)) != null) {
            String userinfo = text.substring(match[1], match[2]);
            addSecret(userinfo, out);
            int colon = userinfo.indexOf(':');
            if (colon >= 0) {
                addSecret(userinfo.substring(colon + 1), out);
            }
            from = match[2] + 1;
        }
    }

    private static void addSecret(String value, Set<String> out) {
        String trimmed = value.strip();
        if (trimmed.isEmpty() || isEnvironmentReference(trimmed, 0, trimmed.length())) {
            return;
        }
        out.add(trimmed);
        if (!trimmed.equals(value) && !value.isBlank()) {
            out.add(value);
        }
    }
}
