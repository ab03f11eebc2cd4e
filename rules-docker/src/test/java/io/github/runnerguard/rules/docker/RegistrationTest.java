package io.github.runnerguard.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.testkit.RuleTestKit;
import io.github.runnerguard.testkit.ServiceRegistrationCheck;
import org.junit.jupiter.api.Test;

/** The rules are registered the same way in module-info.java and META-INF/services, and ServiceLoader finds them. */
class RegistrationTest {

    @Test
    void registrationsAgree() {
        ServiceRegistrationCheck.assertConsistent(Path.of(""));
    }

    @Test
    void serviceLoaderFindsEveryRule() {
        Set<String> found = new TreeSet<>();
        for (SecurityRule rule : ServiceLoader.load(SecurityRule.class)) {
            if (rule.descriptor().family().equals("docker")) {
                found.add(rule.descriptor().id());
            }
        }
        Set<String> expected = new TreeSet<>();
        for (SecurityRule rule : AllDockerRules.all()) {
            expected.add(rule.descriptor().id());
        }
        assertEquals(expected, found);
        assertEquals(16, found.size());
    }

    @Test
    void discoveredRulesAreUsableThroughTheTestKit() {
        List<String> ids = new ArrayList<>();
        for (SecurityRule rule : AllDockerRules.all()) {
            ids.add(RuleTestKit.discovered(rule.descriptor().id()).rule().descriptor().id());
        }
        assertEquals(AllDockerRules.all().stream().map(r -> r.descriptor().id()).toList(), ids);
    }
}
