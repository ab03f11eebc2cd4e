package io.github.runnerguard.report;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigEntry;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/** A test rule that flags every key with a given name (any case), in the global settings and in every runner. */
final class KeyRule implements SecurityRule {

    private final RuleDescriptor descriptor;
    private final String key;

    KeyRule(String id, String key, Severity severity) {
        this.key = key.toLowerCase(Locale.ROOT);
        this.descriptor = new RuleDescriptor(id, "Key " + key + " is set", severity, TenancySeverity.always(severity),
                "Tenancy does not change it.", "Setting " + key + " is risky for the tests.",
                "Remove it:\n\n  [[runners]]\n    # no " + key + " here\n",
                URI.create("https://docs.example.com/" + id), List.of("CWE-000: test"), List.of("test"),
                List.of(id + "-old"), "0.1.0");
    }

    @Override
    public RuleDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ConfigEntry entry : config.raw().entries()) {
            if (!entry.key().equalsIgnoreCase("runners")) {
                walk(config, null, "", entry, findings);
            }
        }
        for (Runner runner : config.runners()) {
            RunnerRef ref = new RunnerRef(runner.index(), runner.name().orElse(""));
            for (ConfigEntry entry : runner.raw().entries()) {
                walk(config, ref, "runners[" + runner.index() + "].", entry, findings);
            }
        }
        return findings;
    }

    private void walk(RunnerConfig config, RunnerRef runner, String prefix, ConfigEntry entry, List<Finding> out) {
        String path = prefix + entry.key();
        if (entry.key().toLowerCase(Locale.ROOT).equals(key)) {
            String value = entry.value() instanceof ConfigScalar scalar ? String.valueOf(scalar.value()) : "...";
            String where = runner == null ? "The global settings" : "Runner \"" + runner.name() + "\"";
            out.add(new Finding(descriptor.id(), descriptor.defaultSeverity(), where + " sets " + entry.key() + " = "
                    + value, config.source(), runner, path, entry.position(), descriptor.remediation()));
        }
        walk(config, runner, path, entry.value(), out);
    }

    private void walk(RunnerConfig config, RunnerRef runner, String path, ConfigNode node, List<Finding> out) {
        if (node instanceof ConfigTable table) {
            for (ConfigEntry child : table.entries()) {
                walk(config, runner, path + ".", child, out);
            }
        } else if (node instanceof ConfigArray array) {
            for (int i = 0; i < array.elements().size(); i++) {
                walk(config, runner, path + "[" + i + "]", array.elements().get(i), out);
            }
        }
    }
}
