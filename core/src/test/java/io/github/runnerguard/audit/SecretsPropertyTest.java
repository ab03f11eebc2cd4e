package io.github.runnerguard.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.report.Baseline;
import io.github.runnerguard.report.ReportOptions;
import io.github.runnerguard.report.ReportWriter;
import io.github.runnerguard.report.ReportWriters;
import io.github.runnerguard.report.TextReportWriter;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.Severity;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * DESIGN principle 6: whatever a secret's value, it never reaches a report or an exception message, even when a
 * careless rule puts whole config lines into its messages or throws with the secret in its message.
 */
class SecretsPropertyTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/=";

    /** Random secrets: 10 to 40 characters, sometimes with a GitLab token prefix. */
    static Gen<String> secrets() {
        Gen<String> body = lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(10, 40)
                .map(indexes -> {
                    StringBuilder text = new StringBuilder();
                    indexes.forEach(i -> text.append(ALPHABET.charAt(i)));
                    return text.toString();
                });
        return body.zip(booleans().all(), (text, prefixed) -> prefixed ? "glrt-" + text : "s" + text);
    }

    static String configWith(String secret) {
        return """
                concurrent = 2

                [[runners]]
                  name = "shared"
                  url = "https://ci-bot:%1$s@gitlab.example.com"
                  token = "%1$s"
                  executor = "docker"
                  environment = ["API_TOKEN=%1$s", "LANG=C"]
                  [runners.cache.s3]
                    SecretKey = "%1$s"
                  [runners.ssh]
                    password = "%1$s"
                  [runners.kubernetes]
                    bearer_token = "%1$s"
                """.formatted(secret);
    }

    /** Echoes every line of the file, secrets included, as a careless rule might. */
    private static final TestRules.Lambda ECHO = new TestRules.Lambda("careless.echo", (c, x) -> {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < c.lines().size(); i++) {
            if (!c.lines().get(i).isBlank()) {
                findings.add(new Finding("careless.echo", Severity.MEDIUM, "line says: " + c.lines().get(i),
                        c.source(), null, "line" + i, new Position(i + 1, 1), "see " + c.lines().get(i)));
            }
        }
        return findings;
    });

    /** Throws with the runner token in its message. */
    private static final TestRules.Lambda THROWS = new TestRules.Lambda("careless.throws", (c, x) -> {
        throw new IllegalStateException("cannot handle token " + c.runners().get(0).token().orElse("?"));
    });

    /** Every shipped format, the text one with and without colour, with the auditor's rules described. */
    private static List<ReportWriter> everyWriter(Auditor auditor) {
        List<ReportWriter> writers = new ArrayList<>();
        ReportOptions options = ReportOptions.defaults().withRules(auditor.registry().descriptors())
                .withFailOn(FailOn.INFO);
        for (String format : ReportWriters.formats()) {
            writers.add(ReportWriters.forFormat(format, options).orElseThrow());
        }
        writers.add(TextReportWriter.create().withColor(true));
        writers.add(new BaselineWriter());
        return writers;
    }

    /** The baseline file, as a writer, so that it is checked like the reports. */
    private static final class BaselineWriter implements ReportWriter {
        @Override
        public String format() {
            return "baseline";
        }

        @Override
        public void write(AuditReport report, Appendable out) throws java.io.IOException {
            Baseline.of(report).write(out);
        }
    }

    @Test
    void noSecretReachesAnyReportFormat() {
        Auditor auditor = Auditor.builder().rules(ECHO, THROWS).build();
        List<ReportWriter> writers = everyWriter(auditor);
        qt().withExamples(60).forAll(secrets()).checkAssert(secret -> {
            RunnerConfig config = TestConfigs.load(configWith(secret));
            AuditReport report = auditor.audit(config);
            for (ReportWriter writer : writers) {
                String output = writer.toString(report);
                assertFalse(output.contains(secret), writer.format() + " leaks " + secret + ":\n" + output);
            }
            for (AuditFinding finding : report.findings()) {
                assertFalse(finding.finding().toString().contains(secret), finding.toString());
            }
        });
    }

    @Test
    void noSecretReachesTheErrorsOfAFileThatCannotBeLoaded() {
        Auditor auditor = Auditor.builder().rules(ECHO).build();
        List<String> breakages = List.of("\n  name = \n", "\n[runners.docker\n", "\n  x = \"unterminated\n");
        qt().withExamples(40).forAll(secrets(), integers().between(0, 2)).checkAssert((secret, breakage) -> {
            String text = configWith(secret) + breakages.get(breakage);
            AuditReport report = auditor.audit(text, "broken.toml");
            assertFalse(report.allAudited(), "the text must not load:\n" + text);
            for (ReportWriter writer : everyWriter(auditor)) {
                String output = writer.toString(report);
                assertFalse(output.contains(secret), writer.format() + " leaks " + secret + ":\n" + output);
            }
        });
        qt().withExamples(40).forAll(secrets()).checkAssert(secret -> {
            String text = "[[runners]]\n  token = \"" + secret + "\" x\n";
            AuditReport report = auditor.audit(text, "broken.toml");
            for (ReportWriter writer : everyWriter(auditor)) {
                String output = writer.toString(report);
                assertFalse(output.contains(secret), writer.format() + " leaks " + secret + ":\n" + output);
            }
        });
    }

    @Test
    void noSecretReachesAPolicyErrorMessage() {
        qt().withExamples(60).forAll(secrets()).checkAssert(secret -> {
            PolicyException error = assertThrows(PolicyException.class, () -> Policy.parse(
                    "password = \"" + secret + "\"\n[[waivers]]\nrule = \"a.b\"\ntoken = \"" + secret + "\"\n",
                    "p.toml"));
            assertFalse(error.getMessage().contains(secret), error.getMessage());
        });
    }
}
