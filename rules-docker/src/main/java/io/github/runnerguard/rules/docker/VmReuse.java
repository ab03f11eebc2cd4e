package io.github.runnerguard.rules.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.config.AutoscalerSettings;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.Runner;
import io.github.runnerguard.config.Value;
import org.jspecify.annotations.Nullable;

/**
 * Whether an autoscaled runner gives one VM to more than one job: docker+machine with {@code MaxBuilds} other than 1
 * (0 or unset means unlimited, {@code executors/docker/machine}), docker-autoscaler with {@code max_use_count} other
 * than 1 (0 or unset means unlimited) or {@code capacity_per_instance} above 1 (jobs share an instance at the same
 * time).
 *
 * <p>Stateless and thread-safe.
 */
final class VmReuse {

    private VmReuse() {
    }

    /**
     * One way a runner reuses its VMs.
     *
     * @param keyPath  the key that causes it
     * @param position where that key is, or null when it is absent
     * @param setting  the setting as a short text ({@code MaxBuilds = 100}, {@code MaxBuilds unset})
     * @param effect   what it means, as a clause
     * @param together true when jobs share an instance at the same time, rather than one after another
     */
    record Reuse(String keyPath, @Nullable Position position, String setting, String effect, boolean together) {
    }

    /** The ways the runner reuses its VMs; empty for a runner with single-use VMs or without autoscaled VMs. */
    static List<Reuse> of(Runner runner) {
        List<Reuse> reuses = new ArrayList<>();
        switch (DockerRules.executor(runner)) {
            case "docker+machine" -> {
                Value<Long> maxBuilds = runner.machine().maxBuilds();
                long value = maxBuilds.orElse(0L);
                if (value != 1) {
                    String setting = maxBuilds.isSet() ? "MaxBuilds = " + value : "MaxBuilds unset";
                    String effect = value > 1 ? "each VM runs up to " + value + " jobs before it is removed"
                            : "each VM runs jobs until it is removed for being idle (0 and unset mean unlimited)";
                    reuses.add(new Reuse(DockerRules.path(runner, "machine", "MaxBuilds"), maxBuilds.position(),
                            setting, effect, false));
                }
            }
            case "docker-autoscaler" -> {
                AutoscalerSettings autoscaler = runner.autoscaler();
                Value<Long> maxUseCount = autoscaler.maxUseCount();
                long uses = maxUseCount.orElse(0L);
                if (uses != 1) {
                    String setting = maxUseCount.isSet() ? "max_use_count = " + uses : "max_use_count unset";
                    String effect = uses > 1 ? "each instance runs up to " + uses + " jobs before it is removed"
                            : "each instance runs jobs until it is removed (0 and unset mean unlimited)";
                    reuses.add(new Reuse(DockerRules.path(runner, "autoscaler", "max_use_count"),
                            maxUseCount.position(), setting, effect, false));
                }
                Value<Long> capacity = autoscaler.capacityPerInstance();
                long jobs = capacity.orElse(1L);
                if (jobs > 1) {
                    reuses.add(new Reuse(DockerRules.path(runner, "autoscaler", "capacity_per_instance"),
                            capacity.position(), "capacity_per_instance = " + jobs,
                            "up to " + jobs + " jobs share one instance at the same time", true));
                }
            }
            default -> {
                // not an autoscaled executor
            }
        }
        return reuses;
    }

    /** For an autoscaled runner whose VMs are single-use, the settings that make them so. */
    static Optional<String> singleUse(Runner runner) {
        return switch (DockerRules.executor(runner)) {
            case "docker+machine" -> of(runner).isEmpty() ? Optional.of("MaxBuilds = 1") : Optional.empty();
            case "docker-autoscaler" -> of(runner).isEmpty()
                    ? Optional.of("max_use_count = 1 and capacity_per_instance = 1") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The settings of all reuses, joined for a message: {@code MaxBuilds = 100}. */
    static String settings(List<Reuse> reuses) {
        List<String> parts = new ArrayList<>();
        for (Reuse reuse : reuses) {
            parts.add(reuse.setting());
        }
        return String.join(", ", parts);
    }
}
