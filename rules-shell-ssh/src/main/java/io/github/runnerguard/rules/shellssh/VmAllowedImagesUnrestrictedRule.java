package io.github.runnerguard.rules.shellssh;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;

/**
 * {@code vm.allowed-images-unrestricted}: a Parallels or VirtualBox runner's {@code allowed_images} contains a
 * pattern that matches any VM image name, such as {@code .*}, {@code .+}, {@code ^}, or an empty string.
 *
 * <p>These lists are Go regular expressions tested with {@code MatchString} ({@code executors/vm/vm.go}), which is
 * unanchored: a pattern allows every name when it finds a match in any name, which this rule tests on a set of probe
 * names with Java's regex engine (the same for the patterns that matter here; a pattern Java cannot compile is not
 * judged). An empty or absent list is safe: gitlab-runner then ignores the job's {@code image} and clones
 * {@code base_name}. Only the section of the runner's own executor is read. Stateless and thread-safe.
 */
public final class VmAllowedImagesUnrestrictedRule implements SecurityRule {

    /**
     * Names a pattern must match to count as "any image". No empty name: a job without an image gets
     * {@code base_name} before any pattern is tried ({@code GetBaseName}), so {@code .+} allows every image a job can
     * ask for. The names are short and have no long runs, so a backtracking pattern stays fast.
     */
    private static final List<String> PROBES = List.of("x", "0", "macos-15-xcode-16", "attacker/evil:latest",
            "Windows Server 2022", "ZZ_9.-:/@+", "\u00e9t\u00e9");

    private static final String REMEDIATION = "List only the VM images jobs may choose, anchored at both ends (the "
            + "patterns are regular expressions matched anywhere in the name):\n"
            + "\n"
            + "  [runners.virtualbox]\n"
            + "    base_name = \"ubuntu-22.04-ci\"\n"
            + "    allowed_images = [\"^ubuntu-22\\\\.04-ci(-[a-z0-9]+)?$\"]\n";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "vm.allowed-images-unrestricted",
            "Jobs may start any VM image",
            Severity.MEDIUM,
            TenancySeverity.of(Severity.LOW, Severity.MEDIUM, Severity.MEDIUM),
            "Low on a runner dedicated to one trusted project; medium when several projects or organisations "
                    + "share it.",
            "With a pattern that matches every name, a job's image: keyword can make the runner clone any VM "
                    + "registered on the host, not just the intended base image: another team's VM with its "
                    + "credentials, or a template that is not hardened. The default (no allowed_images) lets jobs "
                    + "use only base_name.",
            REMEDIATION,
            URI.create("https://docs.gitlab.com/runner/configuration/advanced-configuration/"
                    + "#overriding-the-base-vm-image"),
            List.of("Advanced configuration: Overriding the base VM image, allowed_images are regular expressions, "
                            + "[\".*\"] allows any VM image (https://docs.gitlab.com/runner/configuration/"
                            + "advanced-configuration/#overriding-the-base-vm-image)",
                    "Security for self-managed runners: Usage of Parallels executor (https://docs.gitlab.com/runner/"
                            + "security/#usage-of-parallels-executor)",
                    "CWE-829: Inclusion of Functionality from Untrusted Control Sphere"),
            List.of("vm", "parallels", "virtualbox", "images"),
            List.of(),
            ShellSshSupport.SINCE);

    /** Creates the rule. */
    public VmAllowedImagesUnrestrictedRule() {
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Runner runner : config.runners()) {
            String executor = ShellSshSupport.executor(runner);
            ConfigTable section;
            if (executor.equals("parallels")) {
                section = runner.parallels().raw();
            } else if (executor.equals("virtualbox")) {
                section = runner.virtualbox().raw();
            } else {
                continue;
            }
            Optional<ConfigNode> list = section.fieldValue("allowed_images");
            if (list.isEmpty() || !(list.get() instanceof ConfigArray array)) {
                continue;
            }
            Optional<Severity> severity = ShellSshSupport.severity(DESCRIPTOR, context, runner);
            if (severity.isEmpty()) {
                continue;
            }
            for (ConfigNode element : array.elements()) {
                if (element instanceof ConfigScalar scalar && scalar.value() instanceof String pattern
                        && matchesAnything(pattern)) {
                    findings.add(new Finding(DESCRIPTOR.id(), severity.get(),
                            ShellSshSupport.label(runner) + " (" + executor + ") allows any VM image: allowed_images "
                                    + "pattern \"" + pattern + "\" matches every name",
                            config.source(), ShellSshSupport.ref(runner), scalar.path(),
                            scalar.position() != null ? scalar.position() : runner.position(),
                            DESCRIPTOR.remediation()));
                }
            }
        }
        return findings;
    }

    /** True when the unanchored regular expression {@code pattern} finds a match in every probe name. */
    static boolean matchesAnything(String pattern) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return false;
        }
        for (String probe : PROBES) {
            if (!compiled.matcher(probe).find()) {
                return false;
            }
        }
        return true;
    }
}
