package io.github.runnerguard.rules.docker;

import java.util.List;
import io.github.runnerguard.config.DockerSettings;
import io.github.runnerguard.config.Value;

/**
 * Which containers of a Docker runner run privileged, as gitlab-runner decides it ({@code executors/docker/docker.go}):
 * the build container when {@code privileged} is true and its image matches {@code allowed_privileged_images}; a
 * service when {@code services_privileged} (or, when that is unset, {@code privileged}) is true and its image matches
 * {@code allowed_privileged_services}. An empty allow-list matches every image.
 *
 * <p>Stateless and thread-safe.
 */
final class Privilege {

    private Privilege() {
    }

    /** True when some build container of the runner can run privileged. */
    static boolean buildContainers(DockerSettings docker) {
        return docker.privileged().orElse(false)
                && ImagePatterns.admitsSome(docker.allowedPrivilegedImages().orElse(List.of()));
    }

    /** The effective {@code services_privileged} flag: its own value when written, else {@code privileged}. */
    static boolean servicesFlag(DockerSettings docker) {
        Value<Boolean> services = docker.servicesPrivileged();
        return services.isSet() ? services.orElse(false) : docker.privileged().orElse(false);
    }

    /** True when some service container of the runner can run privileged. */
    static boolean services(DockerSettings docker) {
        return servicesFlag(docker)
                && ImagePatterns.admitsSome(docker.allowedPrivilegedServices().orElse(List.of()));
    }

    /** True when any container of the runner's jobs can run privileged. */
    static boolean any(DockerSettings docker) {
        return buildContainers(docker) || services(docker);
    }

    /**
     * Which images get the privilege, for messages: every one when the list is empty or matches everything, else
     * those matching the list.
     *
     * @param allowList {@code allowed_privileged_images} or {@code allowed_privileged_services}
     * @param key       the allow-list's key name
     * @param noun      {@code job image} or {@code service image}
     */
    static String whichImages(List<String> allowList, String key, String noun) {
        if (allowList.isEmpty()) {
            return "every " + noun + " a job names (" + key + " is empty)";
        }
        return ImagePatterns.firstMatchAll(allowList)
                .map(pattern -> "every " + noun + " a job names (" + key + " contains \"" + pattern + "\")")
                .orElse(noun + "s matching " + key + " = " + DockerRules.toml(allowList)
                        + " (a job can name any of them)");
    }
}
