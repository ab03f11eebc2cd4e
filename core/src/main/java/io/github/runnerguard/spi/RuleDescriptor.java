package io.github.runnerguard.spi;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule is: its id, texts, default severity, how tenancy changes that severity, and where it comes from.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id              {@code family.kebab-name}, e.g. {@code docker.privileged}; a contract users suppress by
 * @param title           a short title
 * @param defaultSeverity the severity on a {@link Tenancy#SHARED} runner (or the worst one when the rule does not fire
 *                        on shared runners)
 * @param tenancy         the severity for each tenancy, and the sentence saying why it changes
 * @param tenancyNote     how and why tenancy changes the severity, in one or two sentences
 * @param description     why it matters, in two or three sentences
 * @param remediation     what to do, with a TOML snippet where one helps
 * @param helpUri         the GitLab documentation section the rule rests on
 * @param references      the seed section heading it implements, then cross-references (CIS, PSS, CWE)
 * @param tags            free tags such as {@code docker}, {@code isolation}
 * @param aliases         former ids, so old suppressions keep working
 * @param since           the version that introduced the rule
 */
public record RuleDescriptor(String id, String title, Severity defaultSeverity, TenancySeverity tenancy,
                             String tenancyNote, String description, String remediation, URI helpUri,
                             List<String> references, List<String> tags, List<String> aliases, String since) {

    /** The shape of a rule id: lower-case family, a dot, a kebab-case name. */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*\\.[a-z0-9]+(?:-[a-z0-9]+)*");

    /** Checks the id format and copies the lists. */
    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be family.kebab-name: " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(tenancy, "tenancy");
        Objects.requireNonNull(tenancyNote, "tenancyNote");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(remediation, "remediation");
        Objects.requireNonNull(helpUri, "helpUri");
        references = List.copyOf(references);
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(since, "since");
    }

    /** The family: the part of the id before the dot. */
    public String family() {
        return id.substring(0, id.indexOf('.'));
    }
}
