package com.example.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import io.github.runnerguard.testkit.RuleTestKit;
import io.github.runnerguard.testkit.ServiceRegistrationCheck;
import org.junit.jupiter.api.Test;

class ImageRegistryRuleTest {

    private static final String DOCKER = """
            concurrent = 2

            [[runners]]
              name = "builder"
              url = "https://gitlab.acme.example/"
              token = "glrt-example-token-0000001"
              executor = "docker"
              [runners.docker]
                image = "alpine:3.20"
                [[runners.docker.services]]
                  name = "registry.acme.example/mirror/postgres:16"
            """;

    @Test
    void descriptorIsComplete() {
        RuleTestKit.assertDescriptorValid(new ImageRegistryRule());
    }

    @Test
    void registrationsInModuleInfoAndServicesAgree() {
        ServiceRegistrationCheck.assertConsistent(Path.of(""));
    }

    @Test
    void isFoundThroughServiceLoaderAsTheEngineFindsIt() {
        RuleTestKit.discovered(ImageRegistryRule.ID).config(DOCKER).check()
                .assertFindings(f -> f.count(1).ruleId(ImageRegistryRule.ID));
    }

    @Test
    void flagsAnImageFromDockerHub() {
        RuleTestKit.rule(new ImageRegistryRule()).config(DOCKER).check()
                .assertFindings(f -> f.count(1).ruleId(ImageRegistryRule.ID).line(9).column(5)
                        .severity(Severity.MEDIUM).runner("builder").keyPath("runners[0].docker.image")
                        .messageContains("\"alpine:3.20\" from docker.io"));
    }

    @Test
    void severityFollowsTenancy() {
        RuleTestKit.rule(new ImageRegistryRule()).config(DOCKER).tenancy(Tenancy.MULTI_TENANT).check()
                .assertFindings(f -> f.count(1).severity(Severity.HIGH));
        RuleTestKit.rule(new ImageRegistryRule()).config(DOCKER).tenancy(Tenancy.DEDICATED).check()
                .assertFindings(f -> f.count(1).severity(Severity.LOW));
    }

    @Test
    void otherAllowedRegistriesCanBeGiven() {
        RuleTestKit.rule(new ImageRegistryRule(List.of("docker.io", "registry.acme.example"))).config(DOCKER)
                .check().assertNoFindings();
    }

    @Test
    void readsTheRegistryAsDockerDoes() {
        assertEquals("docker.io", ImageRegistryRule.registryOf("alpine:3.20"));
        assertEquals("docker.io", ImageRegistryRule.registryOf("library/alpine"));
        assertEquals("registry.acme.example", ImageRegistryRule.registryOf("Registry.ACME.example/a/b:1"));
        assertEquals("localhost:5000", ImageRegistryRule.registryOf("localhost:5000/tool@sha256:abc"));
        assertEquals("localhost", ImageRegistryRule.registryOf("localhost/tool"));
        assertNull(ImageRegistryRule.registryOf("$CI_REGISTRY_IMAGE/build:latest"));
        assertNull(ImageRegistryRule.registryOf(""));
    }
}
