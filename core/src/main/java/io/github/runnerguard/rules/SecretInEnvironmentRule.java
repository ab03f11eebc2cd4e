package io.github.runnerguard.rules;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code runner.secret-in-environment}: an {@code environment} entry whose name looks like a secret
 * ({@code NPM_TOKEN}, {@code AWS_SECRET_ACCESS_KEY}, {@code DOCKER_AUTH_CONFIG}, ...) has a literal value.
 *
 * <p>gitlab-runner gives every {@code environment} entry to every job the runner takes, whatever the project. Names
 * are split into words at {@code _}, {@code -} and {@code .}; a secret word ({@code TOKEN}, {@code SECRET},
 * {@code PASSWORD}, {@code PASSWD}, {@code PASSPHRASE}, {@code CREDENTIAL(S)}, {@code APIKEY}) or pair
 * ({@code PRIVATE_KEY}, {@code API_KEY}, {@code ACCESS_KEY}, {@code AUTH_CONFIG}) makes a name secret-looking.
 * Feature flags ({@code FF_*}) are not secrets. A value that refers to another variable ({@code $VAR},
 * {@code ${VAR}}), an empty value, and {@code true}/{@code false} are not literal secrets. Messages name the entry
 * and the length of its value, never the value. Stateless and thread-safe.
 */
public final class SecretInEnvironmentRule implements SecurityRule {

    private static final Set<String> SECRET_WORDS = Set.of("TOKEN", "TOKENS", "SECRET", "SECRETS", "PASSWORD",
            "PASSWORDS", "PASSWD", "PASSPHRASE", "CREDENTIAL", "CREDENTIALS", "APIKEY");

    private static final Set<String> SECRET_PAIRS = Set.of("PRIVATE KEY", "API KEY", "ACCESS KEY", "AUTH CONFIG");

    /** {@link #SECRET_WORDS} in a list, for names read in place. */
    private static final List<String> SECRET_WORD_LIST = List.copyOf(SECRET_WORDS);

    /** {@link #SECRET_PAIRS} as pairs of words, for names read in place. */
    private static final List<String[]> SECRET_PAIR_LIST = SECRET_PAIRS.stream().map(pair -> pair.split(" "))
            .toList();

    /** The first words of {@link #SECRET_PAIRS}. */
    private static final Set<String> PAIR_STARTS = Set.of("PRIVATE", "API", "ACCESS", "AUTH");

    private static final String REMEDIATION = "Remove the secret from config.toml. Give it only to the projects that "
            + "need it, as a masked and protected CI/CD variable (or through an external secrets manager), and "
            + "rotate it, since every job that ran on this runner could read it:\n"
            + "\n"
            + "  [[runners]]\n"
            + "    environment = [\"GIT_DEPTH=10\"]   # no secrets here\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "runner.secret-in-environment",
            "Secret given to every job through environment",
            Severity.MEDIUM,
            TenancySeverity.of(Severity.LOW, Severity.MEDIUM, Severity.HIGH),
            "Low on a runner dedicated to one trusted project (the secret stays with that project), medium when "
                    + "several projects share it, high when other organisations' jobs can read it.",
            "Every entry of environment is set in every job the runner takes, whatever the project, so any "
                    + "developer who can push a job to a project using this runner can print the secret. The value "
                    + "also sits in clear text in config.toml, where gitlab-runner does not mask it.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/#the-runners-section"),
            List.of("Security for self-managed runners: secret variables exposed to jobs, CI_JOB_TOKEN included, can "
                            + "be stolen (https://docs.gitlab.com/runner/security/)",
                    "CWE-526: Cleartext Storage of Sensitive Information in an Environment Variable",
                    "CWE-200: Exposure of Sensitive Information to an Unauthorized Actor"),
            List.of("runner", "secret", "environment"),
            List.of(),
            CoreRuleSupport.SINCE);

    /** Creates the rule. */
    public SecretInEnvironmentRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            Optional<Severity> severity = CoreRuleSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            // the entries of CoreRuleSupport.environment, read in place: most names are no secret's
            Optional<ConfigNode> node = runner.raw().fieldValue("environment");
            if (node.isEmpty() || !(node.get() instanceof ConfigArray array)) {
                continue;
            }
            for (ConfigNode element : array.elements()) {
                if (!(element instanceof ConfigScalar scalar && scalar.value() instanceof String text)) {
                    continue;
                }
                int eq = text.indexOf('=');
                if (eq < 0 || !looksSecret(text, eq)) {
                    continue;
                }
                String value = text.substring(eq + 1);
                if (!isLiteral(value)) {
                    continue;
                }
                findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                        CoreRuleSupport.label(runner) + " gives every job " + text.substring(0, eq)
                                + " with a literal value (" + value.codePointCount(0, value.length()) + " characters)",
                        config.source(), CoreRuleSupport.ref(runner), scalar.path(),
                        scalar.position() != null ? scalar.position() : runner.position(), DESCRIPTOR.remediation()));
            }
        }
        return findings;
    }

    /**
     * True when {@code name} looks like the name of a secret: upper-cased and cut into words at runs of {@code _},
     * {@code .} and {@code -}, one word or two words in a row name a secret.
     */
    static boolean looksSecret(String name) {
        return looksSecret(name, name.length());
    }

    /** {@link #looksSecret(String)} of {@code text[0, end)}; an ASCII name is read in place, without copies. */
    static boolean looksSecret(String text, int end) {
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) >= 128) {
                return looksSecretUpperCased(text.substring(0, end));
            }
        }
        if (end >= 3 && text.regionMatches(true, 0, "FF_", 0, 3)) {
            return false;
        }
        int previousStart = -1;
        int previousEnd = -1;
        int start = 0;
        while (start < end) {
            if (isWordSeparator(text.charAt(start))) {
                start++;
                continue;
            }
            int wordEnd = start + 1;
            while (wordEnd < end && !isWordSeparator(text.charAt(wordEnd))) {
                wordEnd++;
            }
            if (isOneOf(text, start, wordEnd, SECRET_WORD_LIST)) {
                return true;
            }
            if (previousStart >= 0) {
                for (String[] pair : SECRET_PAIR_LIST) {
                    if (isWord(text, previousStart, previousEnd, pair[0]) && isWord(text, start, wordEnd, pair[1])) {
                        return true;
                    }
                }
            }
            previousStart = start;
            previousEnd = wordEnd;
            start = wordEnd;
        }
        return false;
    }

    /** {@code text[from, to)} is one of {@code words} (upper case ASCII), ignoring ASCII case. */
    private static boolean isOneOf(String text, int from, int to, List<String> words) {
        for (String word : words) {
            if (isWord(text, from, to, word)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text[from, to)} is {@code word} (upper case ASCII), ignoring ASCII case. */
    private static boolean isWord(String text, int from, int to, String word) {
        return to - from == word.length() && text.regionMatches(true, from, word, 0, word.length());
    }

    /** The general reading of {@link #looksSecret(String)}, for names that are not all ASCII. */
    private static boolean looksSecretUpperCased(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith("FF_")) {
            return false;
        }
        String previous = null;
        int length = upper.length();
        int start = 0;
        while (start < length) {
            if (isWordSeparator(upper.charAt(start))) {
                start++;
                continue;
            }
            int end = start + 1;
            while (end < length && !isWordSeparator(upper.charAt(end))) {
                end++;
            }
            String word = upper.substring(start, end);
            if (SECRET_WORDS.contains(word)) {
                return true;
            }
            if (previous != null && PAIR_STARTS.contains(previous) && SECRET_PAIRS.contains(previous + " " + word)) {
                return true;
            }
            previous = word;
            start = end;
        }
        return false;
    }

    private static boolean isWordSeparator(char c) {
        return c == '_' || c == '.' || c == '-';
    }

    private static boolean isLiteral(String value) {
        if (value.isEmpty() || CoreRuleSupport.containsEnvReference(value)) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return !lower.equals("true") && !lower.equals("false");
    }
}
