package io.github.runnerguard.audit;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import io.github.runnerguard.internal.text.Names;
import java.util.TreeMap;
import io.github.runnerguard.spi.RuleDescriptor;
import io.github.runnerguard.spi.SecurityRule;

/**
 * The set of rules an audit runs: found through {@link ServiceLoader}, or given explicitly.
 *
 * <p>Discovery loads each provider on its own: a provider that is missing, cannot be instantiated, is not a
 * {@link SecurityRule}, or whose jar was built against another version (a {@link LinkageError}) becomes a
 * {@link DiscoveryProblem} and the other rules still load. Two different classes with the same rule id (or an alias
 * equal to another rule's id or alias) are refused with a {@link RuleConflictException} naming both classes and
 * their jars; the same class found twice counts once. Ids in the {@code engine.} and {@code policy.} families are
 * reserved for the engine.
 *
 * <pre class="code">
 * RuleRegistry rules = RuleRegistry.discover();
 * rules.problems().forEach(p -&gt; log.warn(p.message()));
 * Auditor auditor = Auditor.builder().rules(rules).build();
 * </pre>
 *
 * <p>Immutable and thread-safe. Rules are kept in id order.
 */
public final class RuleRegistry {

    private static final int MAX_PROVIDER_ERRORS = 10_000;

    private final List<SecurityRule> rules;
    private final List<RuleDescriptor> descriptors;
    private final Map<String, SecurityRule> byIdOrAlias;
    private final Map<String, String> canonical;
    private final Map<String, String> locations;
    private final Map<String, RuleDescriptor> descriptorsById;
    private final List<DiscoveryProblem> problems;

    private RuleRegistry(List<Loaded> loaded, List<DiscoveryProblem> problems) {
        Map<String, Loaded> byId = new TreeMap<>();
        Map<String, Loaded> names = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        List<DiscoveryProblem> allProblems = new ArrayList<>(problems);
        for (Loaded candidate : loaded) {
            RuleDescriptor descriptor = candidate.descriptor;
            if (BuiltinRules.isReservedFamily(descriptor.id())) {
                allProblems.add(new DiscoveryProblem("Rule " + descriptor.id() + " (" + candidate.describe()
                        + ") was skipped: the engine. and policy. families are reserved for Runnerguard itself",
                        candidate.className(), candidate.location, null));
                continue;
            }
            Loaded same = byId.get(descriptor.id());
            if (same != null) {
                if (!same.className().equals(candidate.className())) {
                    conflicts.add("Two rules have the id " + descriptor.id() + ": " + same.describe() + " and "
                            + candidate.describe() + ". Remove one of the jars, or rename one rule.");
                }
                continue;
            }
            boolean clash = false;
            List<String> ownNames = new ArrayList<>();
            ownNames.add(descriptor.id());
            ownNames.addAll(descriptor.aliases());
            for (String name : ownNames) {
                Loaded other = names.get(name);
                if (other != null && !other.className().equals(candidate.className())) {
                    conflicts.add("Rule " + descriptor.id() + " (" + candidate.describe() + ") and rule "
                            + other.descriptor.id() + " (" + other.describe() + ") both answer to " + name
                            + ". Remove one of the jars, or change the id or alias of one rule.");
                    clash = true;
                }
            }
            if (clash) {
                continue;
            }
            byId.put(descriptor.id(), candidate);
            for (String name : ownNames) {
                names.putIfAbsent(name, candidate);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new RuleConflictException(conflicts);
        }
        List<SecurityRule> ruleList = new ArrayList<>();
        List<RuleDescriptor> descriptorList = new ArrayList<>();
        Map<String, SecurityRule> lookup = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        Map<String, RuleDescriptor> descriptorMap = new LinkedHashMap<>();
        for (Loaded entry : byId.values()) {
            ruleList.add(entry.rule);
            descriptorList.add(entry.descriptor);
            where.put(entry.descriptor.id(), entry.location);
            descriptorMap.put(entry.descriptor.id(), entry.descriptor);
        }
        for (Map.Entry<String, Loaded> entry : names.entrySet()) {
            lookup.put(entry.getKey(), entry.getValue().rule);
            ids.put(entry.getKey(), entry.getValue().descriptor.id());
        }
        this.rules = List.copyOf(ruleList);
        this.descriptors = List.copyOf(descriptorList);
        this.byIdOrAlias = Map.copyOf(lookup);
        this.canonical = Map.copyOf(ids);
        this.locations = Map.copyOf(where);
        this.descriptorsById = Map.copyOf(descriptorMap);
        this.problems = List.copyOf(allProblems);
    }

    /**
     * Discovers the rules visible to the class loader that loaded Runnerguard: every rules module on the class path
     * or module path.
     *
     * @throws RuleConflictException when two different classes claim one rule id
     */
    public static RuleRegistry discover() {
        ClassLoader loader = SecurityRule.class.getClassLoader();
        return discover(loader != null ? loader : ClassLoader.getSystemClassLoader());
    }

    /**
     * Discovers the rules visible to {@code loader}: providers declared with {@code provides} in named modules
     * defined to it (or its parents), then those listed in {@code META-INF/services} on its class path.
     *
     * @throws RuleConflictException when two different classes claim one rule id
     */
    public static RuleRegistry discover(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return load(ServiceLoader.load(SecurityRule.class, loader));
    }

    /**
     * Discovers the rules provided by the modules of {@code layer} and its parents.
     *
     * @throws RuleConflictException when two different classes claim one rule id
     */
    public static RuleRegistry discover(ModuleLayer layer) {
        Objects.requireNonNull(layer, "layer");
        return load(ServiceLoader.load(layer, SecurityRule.class));
    }

    /**
     * A registry of exactly these rules, without ServiceLoader (for tests, shaded jars, native images).
     *
     * @throws RuleConflictException when two different classes claim one rule id
     * @throws IllegalArgumentException when a rule's descriptor cannot be read or uses a reserved family
     */
    public static RuleRegistry of(SecurityRule... rules) {
        return of(Arrays.asList(rules));
    }

    /**
     * A registry of exactly these rules, without ServiceLoader.
     *
     * @throws RuleConflictException when two different classes claim one rule id
     * @throws IllegalArgumentException when a rule's descriptor cannot be read or uses a reserved family
     */
    public static RuleRegistry of(Collection<? extends SecurityRule> rules) {
        List<Loaded> loaded = new ArrayList<>();
        for (SecurityRule rule : rules) {
            Objects.requireNonNull(rule, "rule");
            RuleDescriptor descriptor;
            try {
                descriptor = Objects.requireNonNull(rule.descriptor(), "descriptor() returned null");
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalArgumentException("Cannot read the descriptor of " + rule.getClass().getName()
                        + ": " + e, e);
            }
            loaded.add(new Loaded(rule, descriptor, locationOf(rule.getClass())));
        }
        RuleRegistry registry = new RuleRegistry(loaded, List.of());
        if (!registry.problems.isEmpty()) {
            throw new IllegalArgumentException(registry.problems.get(0).message());
        }
        return registry;
    }

    private static RuleRegistry load(ServiceLoader<SecurityRule> serviceLoader) {
        List<Loaded> loaded = new ArrayList<>();
        List<DiscoveryProblem> problems = new ArrayList<>();
        Iterator<SecurityRule> iterator = serviceLoader.iterator();
        int errors = 0;
        while (errors < MAX_PROVIDER_ERRORS) {
            SecurityRule rule;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                rule = iterator.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                errors++;
                problems.add(problemOf(e));
                continue;
            }
            String location = locationOf(rule.getClass());
            try {
                RuleDescriptor descriptor = rule.descriptor();
                if (descriptor == null) {
                    problems.add(new DiscoveryProblem("Rule provider " + rule.getClass().getName() + " (" + location
                            + ") was skipped: descriptor() returned null", rule.getClass().getName(), location, null));
                    continue;
                }
                loaded.add(new Loaded(rule, descriptor, location));
            } catch (RuntimeException | LinkageError e) {
                errors++;
                problems.add(new DiscoveryProblem("Rule provider " + rule.getClass().getName() + " (" + location
                        + ") was skipped: descriptor() failed with " + Redactor.patterns().redact(e.toString()),
                        rule.getClass().getName(), location, e));
            }
        }
        return new RuleRegistry(loaded, problems);
    }

    private static DiscoveryProblem problemOf(Throwable error) {
        String message = Redactor.patterns().redact(String.valueOf(error.getMessage()));
        String providerClass = null;
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("Provider ([\\w.$]+)").matcher(message);
        if (matcher.find()) {
            providerClass = matcher.group(1);
        }
        String hint = error instanceof LinkageError
                ? " (a rules jar built for another Runnerguard version? align versions with runnerguard-bom)"
                : "";
        Throwable cause = error.getCause();
        String because = cause == null ? "" : "; caused by " + Redactor.patterns().redact(cause.toString());
        return new DiscoveryProblem("A rule provider could not be loaded and was skipped: "
                + error.getClass().getSimpleName() + ": " + message + because + hint, providerClass, null, error);
    }

    /** Where a class was loaded from: its jar or directory, else its module, else {@code "unknown location"}. */
    static String locationOf(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source != null) {
                URL url = source.getLocation();
                if (url != null) {
                    return url.toString();
                }
            }
        } catch (SecurityException e) {
            // fall through to the module
        }
        Module module = type.getModule();
        if (module.isNamed()) {
            ModuleLayer layer = module.getLayer();
            if (layer != null) {
                Optional<String> location = layer.configuration().findModule(module.getName())
                        .flatMap(resolved -> resolved.reference().location()).map(Object::toString);
                if (location.isPresent()) {
                    return location.get();
                }
            }
            return "module " + module.getName();
        }
        return "unknown location";
    }

    /** The rules, in id order. */
    public List<SecurityRule> rules() {
        return rules;
    }

    /** The descriptors of the rules, in id order. */
    public List<RuleDescriptor> descriptors() {
        return descriptors;
    }

    /**
     * The descriptors of the rules the engine itself reports under ({@code engine.rule-failed},
     * {@code policy.waiver-expired}, {@code policy.suppression-expired}, {@code policy.suppression-invalid}).
     */
    public static List<RuleDescriptor> builtinDescriptors() {
        return BuiltinRules.DESCRIPTORS;
    }

    /** The providers that could not be loaded; empty when discovery was clean or the registry was given rules. */
    public List<DiscoveryProblem> problems() {
        return problems;
    }

    /** The number of rules. */
    public int size() {
        return rules.size();
    }

    /** The rule with this id or alias. */
    public Optional<SecurityRule> find(String idOrAlias) {
        return Optional.ofNullable(byIdOrAlias.get(idOrAlias));
    }

    /**
     * The current id for an id or a former id (alias), of a registered rule or a built-in one.
     *
     * @param idOrAlias a rule id, an alias, or a built-in id
     * @return the current id, or empty when no rule answers to it
     */
    public Optional<String> canonicalId(String idOrAlias) {
        String id = canonical.get(idOrAlias);
        if (id == null && BuiltinRules.BY_ID.containsKey(idOrAlias)) {
            id = idOrAlias;
        }
        return Optional.ofNullable(id);
    }

    /** The descriptor of a registered or built-in rule, by id or alias. */
    public Optional<RuleDescriptor> descriptor(String idOrAlias) {
        Optional<String> id = canonicalId(idOrAlias);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        RuleDescriptor descriptor = descriptorsById.get(id.get());
        return Optional.of(descriptor != null ? descriptor : BuiltinRules.BY_ID.get(id.get()));
    }

    /** Where the rule with this id was loaded from (jar, directory or module), if it is registered. */
    public Optional<String> location(String id) {
        return Optional.ofNullable(locations.get(id));
    }

    /** The closest known id or alias to {@code unknown}, for "did you mean" messages. */
    public Optional<String> closestId(String unknown) {
        List<String> candidates = new ArrayList<>(canonical.keySet());
        candidates.addAll(BuiltinRules.BY_ID.keySet());
        return Names.closest(unknown, candidates);
    }

    /** All ids and aliases rules answer to, built-in ones included. */
    public Set<String> knownIds() {
        Set<String> all = new java.util.TreeSet<>(canonical.keySet());
        all.addAll(BuiltinRules.BY_ID.keySet());
        return all;
    }

    @Override
    public String toString() {
        return "RuleRegistry[" + rules.size() + " rules, " + problems.size() + " problems]";
    }

    private static final class Loaded {
        final SecurityRule rule;
        final RuleDescriptor descriptor;
        final String location;

        Loaded(SecurityRule rule, RuleDescriptor descriptor, String location) {
            this.rule = rule;
            this.descriptor = descriptor;
            this.location = location;
        }

        String className() {
            return rule.getClass().getName();
        }

        String describe() {
            return className() + " from " + location;
        }
    }

}
