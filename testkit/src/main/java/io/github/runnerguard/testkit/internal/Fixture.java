package io.github.runnerguard.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.jspecify.annotations.Nullable;

/**
 * The expectations written in a fixture file's comments.
 *
 * <p>Syntax: {@code # tenancy: dedicated|shared|multi-tenant} and {@code # enforced-pss: baseline|restricted|privileged}
 * in the comment lines before the first TOML line; {@code # expect: <rule-id> [severity]} in the comment of the line
 * that must be flagged; {@code # expect-none: <rule-id>} in any comment. A comment may hold several {@code #}-separated
 * parts; parts that are not expectations (such as {@code runnerguard:ignore ...}) are ignored.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenancy     the tenancy of every runner (shared unless stated)
 * @param enforcedPss the enforced Pod Security Standards level, or null
 * @param expects     the findings that must be reported
 * @param expectNone  the rules that must report nothing in the file
 * @param errors      mistakes in the expectation comments themselves
 */
public record Fixture(Tenancy tenancy, @Nullable String enforcedPss, List<Expect> expects,
                      List<ExpectNone> expectNone, List<String> errors) {

    private static final Pattern EXPECT = Pattern.compile("expect\\s*:\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXPECT_NONE = Pattern.compile("expect-none\\s*:\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile("(tenancy|enforced-pss)\\s*:\\s*(.*)",
            Pattern.CASE_INSENSITIVE);

    /** Copies the lists. */
    public Fixture {
        expects = List.copyOf(expects);
        expectNone = List.copyOf(expectNone);
        errors = List.copyOf(errors);
    }

    /**
     * A finding the fixture expects.
     *
     * @param ruleId     the rule
     * @param severity   the severity, or null for any
     * @param line       the 1-based line it must be on
     * @param standalone true when the comment stands alone on its line (a likely mistake: no key is on that line)
     */
    public record Expect(String ruleId, @Nullable Severity severity, int line, boolean standalone) {

        @Override
        public String toString() {
            return ruleId + (severity == null ? "" : " " + severity.id()) + " on line " + line;
        }
    }

    /**
     * A rule that must report nothing in the fixture.
     *
     * @param ruleId the rule
     * @param line   the line of the comment
     */
    public record ExpectNone(String ruleId, int line) {
    }

    /** Reads the expectations of a fixture's lines. */
    public static Fixture parse(List<String> lines) {
        Tenancy tenancy = Tenancy.SHARED;
        String pss = null;
        List<Expect> expects = new ArrayList<>();
        List<ExpectNone> none = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Integer firstCode = TomlComments.firstCodeLine(lines);
        for (TomlComments.LineComment comment : TomlComments.of(lines)) {
            boolean header = firstCode == null || comment.line() < firstCode;
            for (String part : comment.text().split("#")) {
                String text = part.strip();
                Matcher m;
                if ((m = EXPECT_NONE.matcher(text)).matches()) {
                    String[] words = m.group(1).strip().split("\\s+");
                    if (words.length != 1 || !validId(words[0])) {
                        errors.add("line " + comment.line() + ": '# " + text + "' must be '# expect-none: <rule-id>'");
                    } else {
                        none.add(new ExpectNone(words[0], comment.line()));
                    }
                } else if ((m = EXPECT.matcher(text)).matches()) {
                    String[] words = m.group(1).strip().split("\\s+");
                    Severity severity = null;
                    boolean ok = words.length >= 1 && words.length <= 2 && validId(words[0]);
                    if (ok && words.length == 2) {
                        try {
                            severity = Severity.parse(words[1]);
                        } catch (IllegalArgumentException e) {
                            ok = false;
                        }
                    }
                    if (ok) {
                        expects.add(new Expect(words[0], severity, comment.line(), comment.standalone()));
                    } else {
                        errors.add("line " + comment.line() + ": '# " + text + "' must be '# expect: <rule-id> "
                                + "[critical|high|medium|low|info]'");
                    }
                } else if (header && (m = HEADER.matcher(text)).matches()) {
                    String value = m.group(2).strip();
                    if (m.group(1).toLowerCase(Locale.ROOT).equals("tenancy")) {
                        try {
                            tenancy = Tenancy.parse(value);
                        } catch (IllegalArgumentException e) {
                            errors.add("line " + comment.line() + ": tenancy '" + value
                                    + "' must be dedicated, shared or multi-tenant");
                        }
                    } else {
                        String level = value.toLowerCase(Locale.ROOT);
                        if (level.equals("baseline") || level.equals("restricted") || level.equals("privileged")) {
                            pss = level;
                        } else {
                            errors.add("line " + comment.line() + ": enforced-pss '" + value
                                    + "' must be baseline, restricted or privileged");
                        }
                    }
                }
            }
        }
        for (ExpectNone n : none) {
            if (expects.stream().anyMatch(e -> e.ruleId().equals(n.ruleId()))) {
                errors.add("line " + n.line() + ": " + n.ruleId() + " is both expected and expected to report none");
            }
        }
        return new Fixture(tenancy, pss, expects, none, errors);
    }

    private static boolean validId(String id) {
        return RuleDescriptor.ID_PATTERN.matcher(id).matches();
    }
}
