package io.github.runnerguard.rules.kubernetes.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A Go {@code regexp} (RE2 syntax) translated to {@link java.util.regex.Pattern}, for the {@code *_overwrite_allowed}
 * settings that gitlab-runner checks with {@code regexp.Compile(re).MatchString(value)}: a match anywhere in the
 * value, not anchored.
 *
 * <p>The translation follows Go's parser ({@code regexp/syntax}, Perl flags): it rejects what Go rejects
 * (backreferences, lookaround, possessive and nested repetition, unknown escapes, repeat counts over 1000, ...) as
 * {@link Rejected} with {@code invalidInGo = true}, and what it cannot translate with certainty (the {@code U}
 * flag, {@code \C}, Unicode script classes Java does not know) as {@link Rejected} with {@code invalidInGo = false}.
 * Semantic differences are handled: Go's {@code $} without {@code (?m)} is end of text only ({@code \z}), {@code \s}
 * does not include {@code \v}, {@code \v} is the vertical tab, {@code .} excludes only {@code \n}, POSIX classes
 * {@code [[:alpha:]]} exist, a {@code {} that does not start a repeat is literal, and case folding is Unicode.
 *
 * <p>Matching runs with a step budget, because Java's matcher backtracks where RE2 does not: a pathological pattern
 * yields "could not evaluate" instead of hanging. Instances are immutable and thread-safe.
 */
public final class GoRegex {

    private static final int MAX_REPEAT = 1000;
    private static final int MAX_DEPTH = 200;
    private static final int MATCH_BUDGET = 2_000_000;
    private static final String SAMPLE_CANDIDATES =
            "abcdefghijklmnopqrstuvwxyz0123456789-._/:=ABCDEFGHIJKLMNOPQRSTUVWXYZ @";

    /** The outcome of {@link #compile}. */
    public sealed interface Result permits Translated, Rejected {
        /** The Go expression as written in config.toml. */
        String source();
    }

    /**
     * A Go expression translated to Java.
     *
     * @param source  the Go expression
     * @param pattern the equivalent Java pattern (use {@link #matchString}, which is Go's {@code MatchString})
     * @param sample  a short string the expression matches, when one could be built
     * @param branchSamples a sample per top-level alternative that one could be built for
     */
    public record Translated(String source, Pattern pattern, Optional<String> sample, List<String> branchSamples)
            implements Result {

        /** Copies the list. */
        public Translated {
            branchSamples = List.copyOf(branchSamples);
        }

        /**
         * Go's {@code MatchString}: true when the expression matches anywhere in {@code value}.
         *
         * @throws TooComplexException when the match needs more steps than the budget allows
         */
        public boolean matchString(String value) {
            return pattern.matcher(new BudgetedSequence(value, MATCH_BUDGET)).find();
        }

        /**
         * A string this expression accepts only because it is not anchored: one that {@code \A(?:re)\z} rejects,
         * built by putting {@code prefix}/{@code suffix} around the sample. Empty when anchoring would change nothing
         * for these candidates.
         */
        public Optional<String> unanchoredExample(String prefix, String suffix) {
            Pattern anchored = Pattern.compile("\\A(?:" + pattern.pattern() + ")\\z", pattern.flags());
            for (String s : branchSamples) {
                for (String candidate : List.of(prefix + s, s + suffix, prefix + s + suffix)) {
                    try {
                        if (matchString(candidate)
                                && !anchored.matcher(new BudgetedSequence(candidate, MATCH_BUDGET)).matches()) {
                            return Optional.of(candidate);
                        }
                    } catch (TooComplexException e) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A Go expression this class does not turn into a Java pattern.
     *
     * @param source      the Go expression
     * @param invalidInGo true when Go's {@code regexp.Compile} itself rejects it (gitlab-runner then fails every job
     *                    that asks for an overwrite); false when it is valid Go that cannot be translated safely
     * @param reason      why, in a few words
     */
    public record Rejected(String source, boolean invalidInGo, String reason) implements Result {
    }

    /** Thrown by matching when a pattern needs too many steps on one input. */
    public static final class TooComplexException extends RuntimeException {
        TooComplexException() {
            super("regular expression too complex to evaluate", null, false, false);
        }
    }

    private static final class GoSyntaxException extends RuntimeException {
        GoSyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    private static final class UntranslatableException extends RuntimeException {
        UntranslatableException(String message) {
            super(message, null, false, false);
        }
    }

    private static final class BudgetedSequence implements CharSequence {
        private final String text;
        private final int[] budget;

        BudgetedSequence(String text, int budget) {
            this(text, new int[] {budget});
        }

        private BudgetedSequence(String text, int[] budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new TooComplexException();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedSequence(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A parsed piece: its Java text and a sample string it matches (null when none could be built). */
    private record Piece(String java, @Nullable String sample, boolean repeatable) {
        Piece(String java, @Nullable String sample) {
            this(java, sample, true);
        }
    }

    /** Go's flags: i (fold case), m (multi-line), s (dot matches \n). */
    private static final class Flags {
        boolean foldCase;
        boolean multiLine;
        boolean dotNl;

        Flags copy() {
            Flags f = new Flags();
            f.foldCase = foldCase;
            f.multiLine = multiLine;
            f.dotNl = dotNl;
            return f;
        }
    }

    private final String src;
    private final List<String> topSamples = new ArrayList<>();
    private int pos;
    private final Set<String> groupNames = new HashSet<>();

    private GoRegex(String src) {
        this.src = src;
    }

    /** Translates the Go expression {@code goRegex}. Never throws. */
    public static Result compile(String goRegex) {
        GoRegex parser = new GoRegex(goRegex);
        String java;
        String sample;
        try {
            Piece piece = parser.alternation(new Flags(), 0);
            if (parser.pos < goRegex.length()) {
                throw new GoSyntaxException("unexpected ) at offset " + parser.pos);
            }
            java = piece.java();
            sample = piece.sample();
        } catch (GoSyntaxException e) {
            return new Rejected(goRegex, true, e.getMessage());
        } catch (UntranslatableException e) {
            return new Rejected(goRegex, false, e.getMessage());
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(java, Pattern.UNIX_LINES | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            return new Rejected(goRegex, false, "no safe Java equivalent (" + e.getDescription() + ")");
        } catch (StackOverflowError e) {
            return new Rejected(goRegex, false, "too deeply nested");
        }
        Translated probe = new Translated(goRegex, pattern, Optional.empty(), List.of());
        List<String> verified = new ArrayList<>();
        for (String candidate : parser.topSamples) {
            try {
                if (probe.matchString(candidate)) {
                    verified.add(candidate);
                }
            } catch (TooComplexException e) {
                // no sample from this branch
            }
        }
        Optional<String> first = sample != null && verified.contains(sample) ? Optional.of(sample)
                : verified.stream().findFirst();
        return new Translated(goRegex, pattern, first, verified);
    }

    // ---- parser -----------------------------------------------------------------------------------------------

    private Piece alternation(Flags flags, int depth) {
        if (depth > MAX_DEPTH) {
            throw new UntranslatableException("nested too deeply");
        }
        List<Piece> branches = new ArrayList<>();
        branches.add(concatenation(flags, depth));
        while (pos < src.length() && src.charAt(pos) == '|') {
            pos++;
            branches.add(concatenation(flags, depth));
        }
        if (depth == 0) {
            branches.stream().map(Piece::sample).filter(java.util.Objects::nonNull).forEach(topSamples::add);
        }
        if (branches.size() == 1) {
            return branches.get(0);
        }
        StringBuilder java = new StringBuilder();
        String sample = null;
        for (Piece branch : branches) {
            if (java.length() > 0) {
                java.append('|');
            }
            java.append(branch.java());
            if (sample == null) {
                sample = branch.sample();
            }
        }
        return new Piece(java.toString(), sample);
    }

    private Piece concatenation(Flags flags, int depth) {
        StringBuilder java = new StringBuilder();
        StringBuilder sample = new StringBuilder();
        boolean sampleOk = true;
        while (pos < src.length()) {
            int c = src.codePointAt(pos);
            if (c == '|' || c == ')') {
                break;
            }
            Piece atom = atom(flags, depth);
            Piece repeated = repetition(atom);
            java.append(repeated.java());
            if (repeated.sample() == null) {
                sampleOk = false;
            } else {
                sample.append(repeated.sample());
            }
        }
        return new Piece(java.toString(), sampleOk ? sample.toString() : null);
    }

    /** Parses one atom (a flag-only group such as {@code (?i)} is a piece that cannot be repeated). */
    private Piece atom(Flags flags, int depth) {
        int c = src.codePointAt(pos);
        switch (c) {
            case '(':
                return group(flags, depth);
            case '[':
                return charClass(flags);
            case '.':
                pos++;
                return new Piece(flags.dotNl ? "(?s:.)" : ".", "a");
            case '^':
                pos++;
                return new Piece(flags.multiLine ? "(?m:^)" : "\\A", "");
            case '$':
                pos++;
                return new Piece(flags.multiLine ? "(?m:$)" : "\\z", "");
            case '*':
            case '+':
            case '?':
                throw new GoSyntaxException("missing argument to repetition operator: " + (char) c);
            case '{':
                if (repeatBounds(pos) != null) {
                    throw new GoSyntaxException("missing argument to repetition operator: {");
                }
                pos++;
                return literal('{');
            case '\\':
                return escape(flags);
            default:
                pos += Character.charCount(c);
                return literal(c);
        }
    }

    private Piece repetition(Piece atom) {
        if (pos >= src.length()) {
            return atom;
        }
        char c = src.charAt(pos);
        int min;
        int max;
        String op;
        if (c == '*' || c == '+' || c == '?') {
            pos++;
            min = c == '+' ? 1 : 0;
            max = c == '?' ? 1 : -1;
            op = String.valueOf(c);
        } else if (c == '{') {
            int[] bounds = repeatBounds(pos);
            if (bounds == null) {
                return atom;
            }
            min = bounds[0];
            max = bounds[1];
            if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
                throw new GoSyntaxException("invalid repeat count");
            }
            op = src.substring(pos, bounds[2]);
            pos = bounds[2];
        } else {
            return atom;
        }
        if (pos < src.length() && src.charAt(pos) == '?') {
            pos++;
            op += "?";
        }
        if (pos < src.length() && (src.charAt(pos) == '*' || src.charAt(pos) == '+' || src.charAt(pos) == '?'
                || (src.charAt(pos) == '{' && repeatBounds(pos) != null))) {
            throw new GoSyntaxException("invalid nested repetition operator");
        }
        if (!atom.repeatable()) {
            throw new GoSyntaxException("missing argument to repetition operator");
        }
        String sample = null;
        if (atom.sample() != null) {
            int times = max < 0 ? Math.max(min, 1) : Math.max(min, Math.min(1, max));
            sample = atom.sample().repeat(times);
        }
        return new Piece("(?:" + atom.java() + ")" + op, sample);
    }

    /** Parses {@code {n}}, {@code {n,}}, {@code {n,m}} at {@code at}: {min, max (-1 = none), end}, or null. */
    private int @Nullable [] repeatBounds(int at) {
        int i = at + 1;
        int start = i;
        while (i < src.length() && Character.isDigit(src.charAt(i)) && src.charAt(i) < 128) {
            i++;
        }
        if (i == start || i >= src.length()) {
            return null;
        }
        int min = parseCount(src.substring(start, i));
        int max = min;
        if (src.charAt(i) == ',') {
            i++;
            int maxStart = i;
            while (i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '9') {
                i++;
            }
            max = i == maxStart ? -1 : parseCount(src.substring(maxStart, i));
        }
        if (i >= src.length() || src.charAt(i) != '}') {
            return null;
        }
        return new int[] {min, max, i + 1};
    }

    private static int parseCount(String digits) {
        if (digits.length() > 5) {
            return MAX_REPEAT + 1;
        }
        return Integer.parseInt(digits);
    }

    private Piece group(Flags flags, int depth) {
        pos++; // (
        if (src.startsWith("?", pos)) {
            if (src.startsWith("?P<", pos) || src.startsWith("?<", pos) && !src.startsWith("?<=", pos)
                    && !src.startsWith("?<!", pos)) {
                pos += src.startsWith("?P<", pos) ? 3 : 2;
                int end = src.indexOf('>', pos);
                if (end < 0) {
                    throw new GoSyntaxException("invalid named capture");
                }
                String name = src.substring(pos, end);
                if (name.isEmpty() || !name.chars().allMatch(ch -> ch == '_' || ch < 128
                        && Character.isLetterOrDigit(ch))) {
                    throw new GoSyntaxException("invalid named capture: " + name);
                }
                if (!groupNames.add(name)) {
                    throw new GoSyntaxException("duplicate capture group name: " + name);
                }
                pos = end + 1;
                return closeGroup("(", flags.copy(), depth);
            }
            if (src.startsWith("?P=", pos) || src.startsWith("?=", pos) || src.startsWith("?!", pos)
                    || src.startsWith("?<=", pos) || src.startsWith("?<!", pos) || src.startsWith("?>", pos)) {
                throw new GoSyntaxException("invalid or unsupported Perl syntax (lookaround, backreference or "
                        + "atomic group)");
            }
            return flagGroup(flags, depth);
        }
        return closeGroup("(", flags.copy(), depth);
    }

    private Piece closeGroup(String open, Flags inner, int depth) {
        Piece body = alternation(inner, depth + 1);
        if (pos >= src.length() || src.charAt(pos) != ')') {
            throw new GoSyntaxException("missing closing )");
        }
        pos++;
        return new Piece(open + body.java() + ")", body.sample());
    }

    /** Parses {@code (?flags)} or {@code (?flags:re)}; pos is at {@code ?}. */
    private Piece flagGroup(Flags flags, int depth) {
        pos++; // ?
        Flags target = flags.copy();
        boolean negate = false;
        boolean sawFlag = false;
        StringBuilder javaOn = new StringBuilder();
        StringBuilder javaOff = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            switch (c) {
                case 'i', 's', 'm' -> {
                    sawFlag = true;
                    if (c == 'i') {
                        target.foldCase = !negate;
                        (negate ? javaOff : javaOn).append('i');
                    } else if (c == 's') {
                        target.dotNl = !negate;
                    } else {
                        target.multiLine = !negate;
                    }
                }
                case 'U' -> throw new UntranslatableException("the U (ungreedy) flag has no Java equivalent");
                case '-' -> {
                    if (negate) {
                        throw new GoSyntaxException("invalid flag group");
                    }
                    negate = true;
                    sawFlag = false;
                }
                case ')', ':' -> {
                    if (!sawFlag) {
                        throw new GoSyntaxException("missing flags in flag group");
                    }
                    String javaFlags = javaOn + (javaOff.length() > 0 ? "-" + javaOff : "");
                    if (c == ')') {
                        flags.foldCase = target.foldCase;
                        flags.dotNl = target.dotNl;
                        flags.multiLine = target.multiLine;
                        return new Piece(javaFlags.isEmpty() ? "" : "(?" + javaFlags + ")", "", false);
                    }
                    return closeGroup(javaFlags.isEmpty() ? "(?:" : "(?" + javaFlags + ":", target, depth);
                }
                default -> throw new GoSyntaxException("invalid or unsupported Perl syntax: (?" + c);
            }
        }
        throw new GoSyntaxException("missing closing )");
    }

    private Piece escape(Flags flags) {
        if (pos + 1 >= src.length()) {
            throw new GoSyntaxException("trailing backslash at end of expression");
        }
        char c = src.charAt(pos + 1);
        switch (c) {
            case 'A':
                pos += 2;
                return new Piece("\\A", "");
            case 'z':
                pos += 2;
                return new Piece("\\z", "");
            case 'b':
                pos += 2;
                return new Piece("\\b", null);
            case 'B':
                pos += 2;
                return new Piece("\\B", null);
            case 'C':
                throw new UntranslatableException("\\C (any byte) has no Java equivalent");
            case 'Q': {
                pos += 2;
                int end = src.indexOf("\\E", pos);
                String quoted = end < 0 ? src.substring(pos) : src.substring(pos, end);
                pos = end < 0 ? src.length() : end + 2;
                StringBuilder java = new StringBuilder();
                quoted.codePoints().forEach(cp -> java.append(literalJava(cp)));
                return new Piece(java.toString(), quoted);
            }
            case 'd', 'D', 's', 'S', 'w', 'W':
                pos += 2;
                return new Piece(perlClass(c, false), perlSample(c));
            case 'p', 'P': {
                String java = unicodeClass(false);
                return new Piece(java, sampleFor(java));
            }
            default: {
                int cp = escapedChar(false);
                return literal(cp);
            }
        }
    }

    /** Parses a single-character escape at pos (a backslash); returns its code point. */
    private int escapedChar(boolean inClass) {
        pos++; // backslash
        if (pos >= src.length()) {
            throw new GoSyntaxException("trailing backslash at end of expression");
        }
        char c = src.charAt(pos++);
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7': {
                if (pos >= src.length() || src.charAt(pos) < '0' || src.charAt(pos) > '7') {
                    throw new GoSyntaxException("invalid escape sequence: \\" + c + " (backreferences are not "
                            + "supported)");
                }
                return octal(c);
            }
            case '0':
                return octal(c);
            case 'x': {
                if (pos < src.length() && src.charAt(pos) == '{') {
                    int end = src.indexOf('}', pos);
                    if (end < 0 || end == pos + 1) {
                        throw new GoSyntaxException("invalid escape sequence: \\x{");
                    }
                    String hex = src.substring(pos + 1, end);
                    if (!hex.matches("[0-9A-Fa-f]+") || hex.length() > 8
                            || Long.parseLong(hex, 16) > Character.MAX_CODE_POINT) {
                        throw new GoSyntaxException("invalid escape sequence: \\x{" + hex + "}");
                    }
                    pos = end + 1;
                    return Integer.parseInt(hex, 16);
                }
                if (pos + 2 > src.length() || !src.substring(pos, pos + 2).matches("[0-9A-Fa-f]{2}")) {
                    throw new GoSyntaxException("invalid escape sequence: \\x");
                }
                int value = Integer.parseInt(src.substring(pos, pos + 2), 16);
                pos += 2;
                return value;
            }
            case 'a':
                return 7;
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'v':
                return 0x0B;
            default:
                if (c < 128 && !Character.isLetterOrDigit(c)) {
                    return c;
                }
                throw new GoSyntaxException("invalid escape sequence: \\" + c);
        }
    }

    private int octal(char first) {
        int value = first - '0';
        for (int i = 0; i < 2 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; i++) {
            value = value * 8 + (src.charAt(pos++) - '0');
        }
        return value;
    }

    private static String perlClass(char c, boolean inClass) {
        String body = switch (c) {
            case 'd' -> "0-9";
            case 'D' -> "[^0-9]";
            case 'w' -> "0-9A-Za-z_";
            case 'W' -> "[^0-9A-Za-z_]";
            case 's' -> "\\t\\n\\f\\r ";
            case 'S' -> "[^\\t\\n\\f\\r ]";
            default -> throw new IllegalStateException("not a Perl class: " + c);
        };
        // lower-case classes are ranges to put inside brackets; wrap them when outside a class
        return inClass || body.startsWith("[") ? body : "[" + body + "]";
    }

    private static String perlSample(char c) {
        return switch (c) {
            case 'd' -> "0";
            case 's' -> " ";
            case 'W' -> "-";
            default -> "a";
        };
    }

    private static final Set<String> CATEGORIES = Set.of("C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt",
            "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S",
            "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs");

    /** Parses {@code \pX}, {@code \p{Name}}, {@code \p{^Name}}, {@code \PX} at pos; returns a Java class item. */
    private String unicodeClass(boolean inClass) {
        boolean negated = src.charAt(pos + 1) == 'P';
        pos += 2;
        if (pos >= src.length()) {
            throw new GoSyntaxException("invalid character class range");
        }
        String name;
        if (src.charAt(pos) == '{') {
            int end = src.indexOf('}', pos);
            if (end < 0) {
                throw new GoSyntaxException("invalid character class range");
            }
            name = src.substring(pos + 1, end);
            pos = end + 1;
        } else {
            int cp = src.codePointAt(pos);
            name = new String(Character.toChars(cp));
            pos += Character.charCount(cp);
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        String java;
        if (name.equals("Any")) {
            java = negated ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]";
            return java;
        }
        if (CATEGORIES.contains(name)) {
            java = (negated ? "\\P{Is" : "\\p{Is") + name + "}";
        } else if (name.matches("[A-Z][A-Za-z_]*")) {
            java = (negated ? "\\P{script=" : "\\p{script=") + name + "}";
            try {
                Pattern.compile(java);
            } catch (PatternSyntaxException e) {
                throw new UntranslatableException("Unicode class \\p{" + name + "} has no Java equivalent");
            }
        } else {
            throw new GoSyntaxException("invalid character class range: \\p{" + name + "}");
        }
        return java;
    }

    private static final java.util.Map<String, String> POSIX = java.util.Map.ofEntries(
            java.util.Map.entry("alnum", "\\p{Alnum}"), java.util.Map.entry("alpha", "\\p{Alpha}"),
            java.util.Map.entry("ascii", "\\p{ASCII}"), java.util.Map.entry("blank", "\\p{Blank}"),
            java.util.Map.entry("cntrl", "\\p{Cntrl}"), java.util.Map.entry("digit", "\\p{Digit}"),
            java.util.Map.entry("graph", "\\p{Graph}"), java.util.Map.entry("lower", "\\p{Lower}"),
            java.util.Map.entry("print", "\\p{Print}"), java.util.Map.entry("punct", "\\p{Punct}"),
            java.util.Map.entry("space", "\\p{Space}"), java.util.Map.entry("upper", "\\p{Upper}"),
            java.util.Map.entry("word", "\\w"), java.util.Map.entry("xdigit", "\\p{XDigit}"));

    private Piece charClass(Flags flags) {
        pos++; // [
        StringBuilder java = new StringBuilder("[");
        if (pos < src.length() && src.charAt(pos) == '^') {
            java.append('^');
            pos++;
        }
        boolean first = true;
        boolean empty = true;
        while (true) {
            if (pos >= src.length()) {
                throw new GoSyntaxException("missing closing ]");
            }
            char c = src.charAt(pos);
            if (c == ']' && !first) {
                pos++;
                break;
            }
            first = false;
            empty = false;
            if (c == '[' && src.startsWith("[:", pos)) {
                int end = src.indexOf(":]", pos + 2);
                if (end >= 0) {
                    String name = src.substring(pos + 2, end);
                    boolean negated = name.startsWith("^");
                    String base = negated ? name.substring(1) : name;
                    String java0 = POSIX.get(base);
                    if (java0 != null) {
                        pos = end + 2;
                        if (negated) {
                            java0 = java0.equals("\\w") ? "\\W" : java0.replace("\\p{", "\\P{");
                        }
                        java.append(java0);
                        continue;
                    }
                    throw new GoSyntaxException("invalid character class range: [:" + name + ":]");
                }
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char e = src.charAt(pos + 1);
                if ("dDsSwW".indexOf(e) >= 0) {
                    pos += 2;
                    java.append(perlClass(e, true));
                    continue;
                }
                if (e == 'p' || e == 'P') {
                    java.append(unicodeClass(true));
                    continue;
                }
            }
            int lo = classChar();
            int hi = lo;
            if (pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
                pos++;
                hi = classChar();
                if (hi < lo) {
                    throw new GoSyntaxException("invalid character class range");
                }
            }
            java.append(literalJava(lo));
            if (hi != lo) {
                java.append('-').append(literalJava(hi));
            }
        }
        if (empty) {
            throw new GoSyntaxException("missing closing ]");
        }
        java.append(']');
        String text = java.toString();
        return new Piece(text, sampleFor((flags.foldCase ? "(?i)" : "") + text));
    }

    private int classChar() {
        char c = src.charAt(pos);
        if (c == '\\') {
            if (pos + 1 < src.length() && (src.charAt(pos + 1) == 'b' || src.charAt(pos + 1) == 'B'
                    || src.charAt(pos + 1) == 'A' || src.charAt(pos + 1) == 'z' || src.charAt(pos + 1) == 'Q'
                    || src.charAt(pos + 1) == 'C')) {
                throw new GoSyntaxException("invalid escape sequence in character class: \\" + src.charAt(pos + 1));
            }
            return escapedChar(true);
        }
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    private static @Nullable String sampleFor(String javaClass) {
        Pattern p;
        try {
            p = Pattern.compile(javaClass, Pattern.UNIX_LINES | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new UntranslatableException("no safe Java equivalent for " + javaClass);
        }
        for (int i = 0; i < SAMPLE_CANDIDATES.length(); i++) {
            String candidate = String.valueOf(SAMPLE_CANDIDATES.charAt(i));
            if (p.matcher(candidate).matches()) {
                return candidate;
            }
        }
        return null;
    }

    private static Piece literal(int cp) {
        String sample = cp == '\n' ? "\n" : new String(Character.toChars(cp));
        return new Piece(literalJava(cp), sample);
    }

    private static String literalJava(int cp) {
        if (cp < 128 && Character.isLetterOrDigit(cp)) {
            return String.valueOf((char) cp);
        }
        return "\\x{" + Integer.toHexString(cp).toUpperCase(Locale.ROOT) + "}";
    }
}
