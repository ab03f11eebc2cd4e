package io.github.runnerguard.rules.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** ServiceLoader (through the testkit, whose module declares the service use) finds each of the 16 rules. */
    @Test
    void serviceLoaderFindsEveryRule() {
        List<String> ids = new ArrayList<>();
        for (SecurityRule rule : AllDockerRules.all()) {
            ids.add(RuleTestKit.discovered(rule.descriptor().id()).rule().descriptor().id());
        }
        assertEquals(AllDockerRules.all().stream().map(r -> r.descriptor().id()).toList(), ids);
        assertEquals(16, new TreeSet<>(ids).size());
    }
}
