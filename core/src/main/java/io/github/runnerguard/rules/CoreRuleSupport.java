package io.github.runnerguard.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import io.github.runnerguard.config.ConfigArray;
import io.github.runnerguard.config.ConfigNode;
import io.github.runnerguard.config.ConfigScalar;
import io.github.runnerguard.config.ConfigTable;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.config.Value;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.RunnerRef;
import io.github.runnerguard.spi.Severity;
import io.github.runnerguard.spi.Tenancy;
import org.jspecify.annotations.Nullable;

/**
 * Helpers shared by the core rules: runner references, tenancy severity, key paths, and gitlab-runner's reading of
 * {@code environment} entries and feature flags.
 *
 * <p>Stateless; every method is a pure function.
 */
final class CoreRuleSupport {

    /** The version that introduced the core rules. */
    static final String SINCE = "0.1.0";

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private static final Pattern LOOPBACK_V6 = Pattern.compile("(0{1,4}:){7}0{0,3}1");

    private CoreRuleSupport() {
    }

    /** The reference a finding uses for {@code runner}. */
    static RunnerRef ref(Runner runner) {
        return new RunnerRef(runner.index(), runner.name().orElse(""));
    }

    /** The severity of {@code descriptor} for the tenancy of {@code runner}, empty when it does not fire there. */
    static Optional<Severity> severity(RuleDescriptor descriptor, AuditContext context, Runner runner) {
        return descriptor.tenancy().forTenancy(context.tenancyOf(runner.name().value()));
    }

    /**
     * The severity of a file-wide finding (a global setting, the file itself): the worst over the tenancies of the
     * file's runners, since the setting exposes all of them; the default tenancy when the file has no runner.
     */
    static Optional<Severity> worstSeverity(RuleDescriptor descriptor, AuditContext context, RunnerConfig config) {
        Set<Tenancy> tenancies = EnumSet.noneOf(Tenancy.class);
        for (Runner runner : config.runners()) {
            tenancies.add(context.tenancyOf(runner.name().value()));
        }
        if (tenancies.isEmpty()) {
            tenancies.add(context.defaultTenancy());
        }
        Severity worst = null;
        for (Tenancy tenancy : tenancies) {
            Severity severity = descriptor.tenancy().forTenancy(tenancy).orElse(null);
            if (severity != null && (worst == null || severity.atLeast(worst))) {
                worst = severity;
            }
        }
        return Optional.ofNullable(worst);
    }

    /** The key path of {@code runner}'s table: {@code runners[2]}. */
    static String path(Runner runner) {
        return "runners[" + runner.index() + "]";
    }

    /** The key path of {@code key} in {@code runner}'s table: {@code runners[2].token}. */
    static String path(Runner runner, String key) {
        return "runners[" + runner.index() + "]." + key;
    }

    /** How messages name {@code runner}: {@code runner "build-1"}, or {@code runners[2]} when it has no name. */
    static String label(Runner runner) {
        String name = runner.name().orElse("");
        return name.isEmpty() ? path(runner) : "runner \"" + name + "\"";
    }

    /** Where a finding about {@code value} points: its key, or the runner's header when it is not in the file. */
    static @Nullable Position at(Value<?> value, Runner runner) {
        return value.position() != null ? value.position() : runner.position();
    }

    /** True when {@code text} refers to a variable ({@code $VAR} or {@code ${VAR}}) that gitlab-runner expands. */
    static boolean containsEnvReference(String text) {
        // what the pattern \$(\{|[A-Za-z0-9_]) finds: a '$' before a '{' or an ASCII word character
        for (int i = text.indexOf('$'); i >= 0 && i + 1 < text.length(); i = text.indexOf('$', i + 1)) {
            char next = text.charAt(i + 1);
            if (next == '{' || next == '_' || (next >= '0' && next <= '9') || (next >= 'A' && next <= 'Z')
                    || (next >= 'a' && next <= 'z')) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code environment} entries of {@code runner} as gitlab-runner reads them: {@code NAME=value} split at the
     * first {@code =}; entries without {@code =} are skipped, as gitlab-runner skips them. Empty when the key is
     * absent or not an array of strings.
     */
    static List<EnvEntry> environment(Runner runner) {
        Optional<ConfigNode> node = runner.raw().fieldValue("environment");
        if (node.isEmpty() || !(node.get() instanceof ConfigArray array)) {
            return List.of();
        }
        List<EnvEntry> entries = new ArrayList<>();
        List<ConfigNode> elements = array.elements();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof ConfigScalar scalar && scalar.value() instanceof String text) {
                int eq = text.indexOf('=');
                if (eq >= 0) {
                    entries.add(new EnvEntry(i, text.substring(0, eq), text.substring(eq + 1), scalar.path(),
                            scalar.position()));
                }
            }
        }
        return List.copyOf(entries);
    }

    /**
     * The value gitlab-runner gives the feature flag {@code name} for jobs that do not set it themselves:
     * {@code [runners.feature_flags]} when it names the flag (exact, case-sensitive key), else the last
     * {@code environment} entry for it when Go's {@code strconv.ParseBool} accepts its value, else the flag's default.
     */
    static FlagSetting featureFlag(Runner runner, String name, boolean defaultValue) {
        Optional<FlagSetting> inTable = featureFlagTable(runner)
                .flatMap(table -> table.entry(name))
                .filter(entry -> entry.value() instanceof ConfigScalar scalar && scalar.value() instanceof Boolean)
                .map(entry -> new FlagSetting(name, (Boolean) ((ConfigScalar) entry.value()).value(),
                        FlagSource.FEATURE_FLAGS, entry.value().path(), entry.position()));
        if (inTable.isPresent()) {
            return inTable.get();
        }
        // the last environment entry named name (its first '=' right after name), read in place
        Optional<ConfigNode> node = runner.raw().fieldValue("environment");
        if (node.isPresent() && node.get() instanceof ConfigArray array) {
            List<ConfigNode> elements = array.elements();
            for (int i = elements.size() - 1; i >= 0; i--) {
                if (elements.get(i) instanceof ConfigScalar scalar && scalar.value() instanceof String text
                        && text.startsWith(name) && text.indexOf('=') == name.length()) {
                    Optional<Boolean> parsed = parseGoBool(text.substring(name.length() + 1));
                    if (parsed.isPresent()) {
                        return new FlagSetting(name, parsed.get(), FlagSource.ENVIRONMENT, scalar.path(),
                                scalar.position());
                    }
                    break;
                }
            }
        }
        return new FlagSetting(name, defaultValue, FlagSource.DEFAULT, path(runner, "feature_flags." + name),
                runner.position());
    }

    /** The raw {@code [runners.feature_flags]} table of {@code runner}, if it has one. */
    static Optional<ConfigTable> featureFlagTable(Runner runner) {
        return runner.raw().fieldValue("feature_flags")
                .filter(ConfigTable.class::isInstance)
                .map(ConfigTable.class::cast);
    }

    /** Go's {@code strconv.ParseBool}: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False. */
    static Optional<Boolean> parseGoBool(String text) {
        return switch (text) {
            case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(Boolean.TRUE);
            case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /**
     * The host of an {@code http(s)://} URL, without user information and port, lower-cased; empty when the text has
     * no host.
     */
    static String urlHost(String url) {
        int schemeEnd = url.indexOf("://");
        String rest = schemeEnd < 0 ? url : url.substring(schemeEnd + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        return stripPort(hostPort).toLowerCase(Locale.ROOT);
    }

    /** {@code host:port} or {@code [v6]:port} without the port (and without the brackets of an IPv6 literal). */
    static String stripPort(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? hostPort.substring(1) : hostPort.substring(1, close);
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && hostPort.indexOf(':') == colon) {
            return hostPort.substring(0, colon);
        }
        return hostPort;
    }

    /** True for {@code localhost} and loopback IP literals (127.0.0.0/8, ::1): traffic that never leaves the host. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("127.") && LOOPBACK_V4.matcher(h).matches()) {
            return true;
        }
        return h.equals("::1") || (h.indexOf(':') >= 0 && LOOPBACK_V6.matcher(h).matches())
                || h.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * The host part of a Go listen address ({@code host:port}, {@code [v6]:port}, or a bare host when
     * {@code portOptional}), as {@code net.SplitHostPort} splits it; empty when Go would reject the address (so
     * nothing listens).
     */
    static Optional<String> listenHost(String address, boolean portOptional) {
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            String after = address.substring(close + 1);
            if (after.isEmpty()) {
                return portOptional ? Optional.of(address.substring(1, close)) : Optional.empty();
            }
            return after.startsWith(":") && after.indexOf(':', 1) < 0
                    ? Optional.of(address.substring(1, close)) : Optional.empty();
        }
        int colons = (int) address.chars().filter(c -> c == ':').count();
        if (colons == 0) {
            return portOptional ? Optional.of(address) : Optional.empty();
        }
        if (colons == 1) {
            return Optional.of(address.substring(0, address.indexOf(':')));
        }
        return Optional.empty();
    }

    /** True when a listener on {@code host} accepts connections on every interface: empty, 0.0.0.0 or ::. */
    static boolean isUnspecifiedHost(String host) {
        if (host.isEmpty() || host.equals("0.0.0.0")) {
            return true;
        }
        String bare = host.contains("%") ? host.substring(0, host.indexOf('%')) : host;
        if (!bare.contains(":") || !bare.chars().allMatch(c -> c == '0' || c == ':')) {
            return false;
        }
        return bare.contains("::") || bare.chars().filter(c -> c == ':').count() == 7;
    }

    /**
     * A URL with any user information replaced by {@code ***} and without its query and fragment (which may carry
     * tokens), safe to print.
     */
    static String redactUserInfo(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return url;
        }
        for (char c : new char[] {'?', '#'}) {
            int cut = url.indexOf(c, schemeEnd + 3);
            if (cut >= 0) {
                url = url.substring(0, cut);
            }
        }
        String rest = url.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        return url.substring(0, schemeEnd + 3) + "***@" + rest.substring(at + 1);
    }

    /**
     * One {@code environment} entry.
     *
     * @param index    its index in the array
     * @param name     the text before the first {@code =}
     * @param value    the text after it (may be a secret: never print it)
     * @param path     its key path, {@code runners[0].environment[1]}
     * @param position its position
     */
    record EnvEntry(int index, String name, String value, String path, @Nullable Position position) {
    }

    /** Where a feature flag's effective value comes from. */
    enum FlagSource {
        /** {@code [runners.feature_flags]}: jobs cannot override it. */
        FEATURE_FLAGS,
        /** {@code environment}: a job variable of the same name overrides it. */
        ENVIRONMENT,
        /** Not set: gitlab-runner's default, which jobs may override. */
        DEFAULT
    }

    /**
     * A feature flag's effective value for jobs that do not set it.
     *
     * @param name     the flag
     * @param value    the value
     * @param source   where it comes from
     * @param path     the key path of its setting (or where it would go when it is not set)
     * @param position the position of its setting, or the runner header when it is not set
     */
    record FlagSetting(String name, boolean value, FlagSource source, String path, @Nullable Position position) {
    }
}
