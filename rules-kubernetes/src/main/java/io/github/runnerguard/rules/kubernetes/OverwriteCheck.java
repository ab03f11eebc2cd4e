package io.github.runnerguard.rules.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.runnerguard.rules.kubernetes.internal.GoRegex;
import io.github.runnerguard.rules.kubernetes.internal.Setting;

/**
 * Evaluates a {@code *_overwrite_allowed} regular expression the way gitlab-runner does
 * ({@code regexp.MatchString}, not anchored) against probe values.
 *
 * <p>Stateless and thread-safe.
 */
final class OverwriteCheck {

    private OverwriteCheck() {
    }

    /**
     * What a regular expression accepts.
     *
     * @param regex       the setting
     * @param accepted    the probe values it accepts
     * @param unanchored  a value it accepts only because it is not anchored, if one was found
     * @param unchecked   why it could not be evaluated (a valid Go expression that cannot be translated, or one too
     *                    complex to evaluate), if so
     * @param invalidInGo true when Go rejects it: gitlab-runner then fails every job that asks for an overwrite
     */
    record Outcome(Setting<String> regex, List<String> accepted, Optional<String> unanchored,
                   Optional<String> unchecked, boolean invalidInGo) {

        /** True when the expression accepts something beyond what it should. */
        boolean broad() {
            return !accepted.isEmpty() || unanchored.isPresent();
        }

        /** The accepted probes, quoted and joined. */
        String acceptedText() {
            return accepted.stream().map(a -> a.isEmpty() ? "\"\" (empty)" : "\"" + a + "\"")
                    .reduce((a, b) -> a + ", " + b).orElse("");
        }
    }

    /**
     * Evaluates {@code regex} against {@code probes}; {@code prefix}/{@code suffix} build values that show a missing
     * anchor. Empty when the setting is absent or empty (the overwrite is then disabled).
     */
    static Optional<Outcome> evaluate(Setting<String> regex, List<String> probes, String prefix, String suffix) {
        String source = regex.value();
        if (source == null || source.isEmpty()) {
            return Optional.empty();
        }
        GoRegex.Result result = GoRegex.compile(source);
        if (result instanceof GoRegex.Rejected rejected) {
            return Optional.of(new Outcome(regex, List.of(), Optional.empty(),
                    rejected.invalidInGo() ? Optional.empty() : Optional.of(rejected.reason()),
                    rejected.invalidInGo()));
        }
        GoRegex.Translated translated = (GoRegex.Translated) result;
        List<String> accepted = new ArrayList<>();
        try {
            for (String probe : probes) {
                if (translated.matchString(probe)) {
                    accepted.add(probe);
                }
            }
        } catch (GoRegex.TooComplexException e) {
            return Optional.of(new Outcome(regex, List.of(), Optional.empty(),
                    Optional.of("too complex to evaluate"), false));
        }
        return Optional.of(new Outcome(regex, accepted, translated.unanchoredExample(prefix, suffix),
                Optional.empty(), false));
    }
}
