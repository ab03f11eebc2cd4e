package io.github.runnerguard.rules.kubernetes;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.rules.kubernetes.internal.KubernetesRunner;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.TenancySeverity;
import org.jspecify.annotations.Nullable;

/**
 * The common part of the Kubernetes rules: it finds the Kubernetes runners, resolves each runner's severity from its
 * tenancy and collects the findings a subclass reports through an {@link Emitter}.
 *
 * <p>Subclasses are stateless and thread-safe.
 */
abstract class KubernetesRule implements SecurityRule {

    /** The Kubernetes executor documentation. */
    static final String DOCS = "https://docs.gitlab.com/runner/executors/kubernetes/";

    @Override
    public final List<Finding> check(RunnerConfig config, AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (KubernetesRunner k8s : KubernetesRunner.of(config)) {
            Optional<Severity> base = descriptor().tenancy().forTenancy(context.tenancyOf(k8s.runner().name().value()));
            if (base.isEmpty()) {
                continue;
            }
            check(k8s, new Emitter(config, k8s, base.get(), findings), context);
        }
        return List.copyOf(findings);
    }

    /**
     * Checks one Kubernetes runner.
     *
     * @param runner  the runner
     * @param emit    where to report, with the runner's severity for its tenancy
     * @param context the audit context
     */
    abstract void check(KubernetesRunner runner, Emitter emit, AuditContext context);

    /** Collects the findings of one rule for one runner. Not thread-safe; used within one check. */
    final class Emitter {
        private final RunnerConfig config;
        private final KubernetesRunner runner;
        private final Severity base;
        private final List<Finding> out;

        Emitter(RunnerConfig config, KubernetesRunner runner, Severity base, List<Finding> out) {
            this.config = config;
            this.runner = runner;
            this.base = base;
            this.out = out;
        }

        /** The severity the descriptor gives this runner's tenancy. */
        Severity base() {
            return base;
        }

        /** Reports a finding at the runner's severity with the descriptor's remediation. */
        void report(String message, String keyPath, @Nullable Position position) {
            report(base, message, keyPath, position, descriptor().remediation());
        }

        /** Reports a finding at {@code severity} with the descriptor's remediation. */
        void report(Severity severity, String message, String keyPath, @Nullable Position position) {
            report(severity, message, keyPath, position, descriptor().remediation());
        }

        /** Reports a finding; an absent position points at the runner's {@code [[runners]]} header. */
        void report(Severity severity, String message, String keyPath, @Nullable Position position,
                    String remediation) {
            out.add(new Finding(descriptor().id(), severity, message, config.source(), runner.ref(),
                    keyPath, position != null ? position : runner.header(), remediation));
        }
    }

    /** A key path without its {@code runners[N].} prefix, for messages. */
    static String rel(String keyPath) {
        // what replaceFirst("^runners\\[\\d+]\\.", "") removes, without compiling that pattern on every call
        int digits = "runners[".length();
        if (!keyPath.startsWith("runners[")) {
            return keyPath;
        }
        int end = digits;
        while (end < keyPath.length() && keyPath.charAt(end) >= '0' && keyPath.charAt(end) <= '9') {
            end++;
        }
        return end > digits && keyPath.startsWith("].", end) ? keyPath.substring(end + 2) : keyPath;
    }

    /** Builds a descriptor: the default severity is the shared one, or the worst when shared has none. */
    static RuleDescriptor describe(String id, String title, TenancySeverity tenancy, String tenancyNote,
                                     String description, String remediation, String helpAnchor,
                                     List<String> references, List<String> tags) {
        Severity shared = tenancy.shared();
        Severity worst = shared;
        for (Severity s : new Severity[] {tenancy.dedicated(), tenancy.shared(), tenancy.multiTenant()}) {
            if (s != null && (worst == null || s.atLeast(worst))) {
                worst = s;
            }
        }
        Severity defaultSeverity = shared != null ? shared : worst;
        if (defaultSeverity == null) {
            throw new IllegalArgumentException("a rule must fire for at least one tenancy: " + id);
        }
        return new RuleDescriptor(id, title, defaultSeverity, tenancy, tenancyNote, description, remediation,
                URI.create(DOCS + helpAnchor), references, tags, List.of(), "0.1.0");
    }
}
