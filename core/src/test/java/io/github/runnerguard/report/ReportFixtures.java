package io.github.runnerguard.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.audit.AuditReport;
import io.github.runnerguard.audit.Auditor;
import io.github.runnerguard.audit.Policy;
import io.github.runnerguard.audit.Waiver;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import org.junit.jupiter.api.Assumptions;

/** Reports for writer tests, audited by the real engine with test rules, a waiver and an inline comment. */
final class ReportFixtures {

    static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    static final SecurityRule PRIVILEGED = new KeyRule("test.privileged", "privileged", Severity.CRITICAL);
    static final SecurityRule PULL_POLICY = new KeyRule("test.pull-policy", "pull_policy", Severity.MEDIUM);
    static final SecurityRule LISTEN = new KeyRule("test.listen", "listen_address", Severity.HIGH);
    static final SecurityRule TOKEN = new KeyRule("test.token", "token", Severity.LOW);
    static final SecurityRule QUIET = new KeyRule("test.quiet", "no_such_key_anywhere", Severity.INFO);

    static final List<SecurityRule> RULES = List.of(PRIVILEGED, PULL_POLICY, LISTEN, TOKEN, QUIET);

    static final String SECRET_TOKEN = "glrt-fixtureSecretToken0123456789";
    static final String SECRET_KEY = "fixtureS3cretKeyValue";

    /** Two runners; the second one's privileged key is waived, the first one's pull policy ignored inline. */
    static final String SHARED = """
            concurrent = 4
            listen_address = "0.0.0.0:9252"

            [[runners]]
              name = "shared-docker"
              url = "https://gitlab.example.com"
              token = "%1$s"
              executor = "docker"
              [runners.cache.s3]
                SecretKey = "%2$s"
              [runners.docker]
                privileged = true
                pull_policy = ["if-not-present"] # runnerguard:ignore test.pull-policy -- only public images
            [[runners]]
              name = "dind-builder"
              url = "https://gitlab.example.com"
              token = "${DIND_TOKEN}"
              executor = "docker"
              [runners.docker]
                privileged = true
            """.formatted(SECRET_TOKEN, SECRET_KEY);

    static final String BROKEN = """
            [[runners]]
              name = "broken"
              token = "glrt-brokenFileToken987654321"
              executor =
            """;

    static final String EMPTY = "concurrent = 1\n";

    private ReportFixtures() {
    }

    static Auditor auditor() {
        Policy policy = Policy.builder().source("policy/runnerguard.toml")
                .waiver(new Waiver("test.privileged", "dind-builder", "DinD image builds, dedicated to the platform team",
                        LocalDate.of(2026, 12, 31), new io.github.runnerguard.config.Position(7, 1)))
                .build();
        return Auditor.builder().rules(RULES.toArray(SecurityRule[]::new)).policy(policy).clock(JUNE_2026).build();
    }

    /** The shared file, a broken one and an empty one, in one report (with relative names under fleet/). */
    static AuditReport fleet() {
        Auditor auditor = auditor();
        return AuditReport.merge(List.of(auditor.audit(SHARED, "fleet/shared.toml"),
                auditor.audit(BROKEN, "fleet/broken.toml"), auditor.audit(EMPTY, "fleet/empty.toml")));
    }

    static List<RuleDescriptor> descriptors() {
        return RULES.stream().map(SecurityRule::descriptor).toList();
    }

    /** {@code <project root>/../shared}, or empty when there is none above the working directory. */
    static Optional<Path> sharedDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(dir.resolve("core")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** The file {@code relative} of the shared directory; skips the test when it is absent. */
    static Path requireShared(String relative) {
        Optional<Path> shared = sharedDirectory();
        Assumptions.assumeTrue(shared.isPresent(),
                "the shared reference directory (<project root>/../shared) is absent; skipping");
        Path file = shared.get().resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), () -> file + " is absent; skipping");
        return file;
    }
}
