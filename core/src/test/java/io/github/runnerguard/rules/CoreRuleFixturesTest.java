package io.github.runnerguard.rules;

import java.util.stream.Stream;
import io.github.runnerguard.spi.SecurityRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every fixture under {@code src/test/resources/fixtures/<rule-id>} against its core rule. */
class CoreRuleFixturesTest {

    static Stream<SecurityRule> rulesWithFixtures() {
        return Stream.of(new UrlPlaintextRule(), new TokenDuplicatedRule(), new TokenInlineRule(),
                new SecretInEnvironmentRule(), new DebugTraceAllowedRule(), new TokenMaskingDisabledRule(),
                new MetricsPublicRule(), new SessionServerPublicRule(), new ExecutorUnknownRule(),
                new ExecutorDeprecatedRule(), new CacheInsecureTransportRule(), new CacheStaticCredentialsRule());
    }

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return rulesWithFixtures().flatMap(CoreFixtures::forRule);
    }
}
