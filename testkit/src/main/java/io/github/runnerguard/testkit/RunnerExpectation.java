package io.github.runnerguard.testkit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.github.runnerguard.config.Position;

/**
 * What one generated {@code [[runners]]} entry must load to.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index    the 0-based index of the entry
 * @param position the position of its {@code [[runners]]} header
 * @param name     its {@code name}
 * @param executor its {@code executor}
 * @param values   the values of its keys (name and executor included), and the defaults the model must apply
 * @param sections the sections and tables it has, and the executor sections it does not have
 * @since 0.1.0
 */
public record RunnerExpectation(int index, Position position, String name, String executor,
                                List<ExpectedValue> values, List<ExpectedSection> sections) {

    /** Checks the parts and copies the lists. */
    public RunnerExpectation {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(executor, "executor");
        values = List.copyOf(values);
        sections = List.copyOf(sections);
    }

    /** The expected value at {@code modelPath} ({@code docker.privileged}), if the generator wrote or defaulted it. */
    public Optional<ExpectedValue> value(String modelPath) {
        return values.stream().filter(v -> v.modelPath().equals(modelPath)).findFirst();
    }

    /** True when the value at {@code modelPath} is expected to equal {@code expected} (written or defaulted). */
    public boolean has(String modelPath, Object expected) {
        return value(modelPath).map(v -> v.value().equals(expected)).orElse(false);
    }

    /** True when the table at {@code modelPath} ({@code docker}, {@code ssh}) is in the file. */
    public boolean hasSection(String modelPath) {
        return sections.stream().anyMatch(s -> s.modelPath().equals(modelPath) && s.present());
    }

    /** The raw key path prefix of this runner: {@code runners[i]}. */
    public String keyPath() {
        return "runners[" + index + "]";
    }
}
