package io.github.runnerguard.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.runnerguard.config.Position;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.config.Value;
import org.jspecify.annotations.Nullable;

/**
 * Compares a loaded model with an {@link Expectation} by reading the model through its public accessors, named by
 * model paths such as {@code docker.services[1].name}.
 *
 * <p>Stateless and thread-safe.
 */
final class ModelCheck {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private ModelCheck() {
    }

    /** The differences, one line each. */
    public static List<String> mismatches(Expectation expectation, RunnerConfig config) {
        List<String> out = new ArrayList<>();
        for (ExpectedValue value : expectation.global()) {
            checkValue(out, "global.", config.global(), value);
        }
        if (config.runners().size() != expectation.runners().size()) {
            out.add("expected " + expectation.runners().size() + " runners but the model has "
                    + config.runners().size());
        }
        int count = Math.min(config.runners().size(), expectation.runners().size());
        for (int i = 0; i < count; i++) {
            Object runner = config.runners().get(i);
            RunnerExpectation expected = expectation.runners().get(i);
            String prefix = "runners[" + i + "].";
            checkPlain(out, prefix, runner, "index", expected.index());
            checkPlain(out, prefix, runner, "position", expected.position());
            for (ExpectedValue value : expected.values()) {
                checkValue(out, prefix, runner, value);
            }
            for (ExpectedSection section : expected.sections()) {
                checkSection(out, prefix, runner, section);
            }
        }
        return out;
    }

    private static void checkPlain(List<String> out, String prefix, Object root, String path, Object expected) {
        try {
            Object actual = navigate(root, path);
            if (!expected.equals(actual)) {
                out.add(prefix + path + ": expected " + describe(expected) + " but was " + describe(actual));
            }
        } catch (NavigationException e) {
            out.add(prefix + path + ": " + e.getMessage());
        }
    }

    private static void checkValue(List<String> out, String prefix, Object root, ExpectedValue expected) {
        String where = prefix + expected.modelPath() + " (key " + expected.keyPath() + ")";
        Object node;
        try {
            node = navigate(root, expected.modelPath());
        } catch (NavigationException e) {
            out.add(where + ": " + e.getMessage());
            return;
        }
        if (!(node instanceof Value<?> value)) {
            out.add(where + ": expected a Value but the accessor returned " + describe(node));
            return;
        }
        if (!expected.value().equals(value.value())) {
            out.add(where + ": expected " + describe(expected.value()) + " but was " + describe(value.value()));
        }
        if (expected.set() != value.isSet()) {
            out.add(where + ": expected " + (expected.set() ? "a value written in the file" : "a default")
                    + " but " + (value.isSet() ? "it has the position " + value.position() : "it has no position"));
        } else if (expected.position() != null && !expected.position().equals(value.position())) {
            out.add(where + ": expected the key at " + expected.position() + " but the position is "
                    + value.position());
        }
    }

    private static void checkSection(List<String> out, String prefix, Object root, ExpectedSection expected) {
        String where = prefix + expected.modelPath() + " (table " + expected.keyPath() + ")";
        Object node;
        try {
            node = navigate(root, expected.modelPath());
        } catch (NavigationException e) {
            out.add(where + ": " + e.getMessage());
            return;
        }
        Object present = invokeIfPresent(node, "present");
        if (present != null && !present.equals(expected.present())) {
            out.add(where + ": expected present() " + expected.present() + " but was " + present);
        }
        if (expected.present()) {
            Object position = invokeIfPresent(node, "position");
            if (!(position instanceof Position p)) {
                out.add(where + ": expected a position on line " + expected.line() + " but was " + position);
            } else if (p.line() != expected.line()) {
                out.add(where + ": expected the table on line " + expected.line() + " but its position is " + p);
            }
        }
    }

    private static @Nullable Object invokeIfPresent(Object target, String name) {
        try {
            Method method = target.getClass().getMethod(name);
            return method.invoke(target);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "(" + name + "() failed: " + e + ")";
        }
    }

    /**
     * Follows {@code path} from {@code root}: each segment calls the public no-argument method of that name; an
     * index {@code [i]} takes the element of a list; a {@link Value} met before the end is unwrapped.
     */
    static @Nullable Object navigate(Object root, String path) throws NavigationException {
        Object current = root;
        String[] segments = path.split("\\.");
        for (int s = 0; s < segments.length; s++) {
            Matcher m = SEGMENT.matcher(segments[s]);
            if (!m.matches()) {
                throw new NavigationException("bad model path segment '" + segments[s] + "'");
            }
            if (current instanceof Value<?> value) {
                current = value.value();
            }
            if (current == null) {
                throw new NavigationException("null before '" + m.group(1) + "'");
            }
            Method method;
            try {
                method = current.getClass().getMethod(m.group(1));
            } catch (NoSuchMethodException e) {
                throw new NavigationException("the model type " + current.getClass().getSimpleName()
                        + " has no accessor " + m.group(1) + "()");
            }
            try {
                current = method.invoke(current);
            } catch (IllegalAccessException | InvocationTargetException e) {
                Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null
                        ? ite.getCause() : e;
                throw new NavigationException(m.group(1) + "() failed: " + cause);
            }
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                if (current instanceof Value<?> value) {
                    current = value.value();
                }
                int i = Integer.parseInt(index.group(1));
                if (!(current instanceof List<?> list)) {
                    throw new NavigationException(m.group(1) + "() is not a list but " + describe(current));
                }
                if (i >= list.size()) {
                    throw new NavigationException(m.group(1) + "() has " + list.size() + " elements, expected at "
                            + "least " + (i + 1));
                }
                current = list.get(i);
            }
        }
        return current;
    }

    private static String describe(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof String s ? '"' + s + '"' : String.valueOf(value);
        String type = value instanceof List ? "List" : value instanceof java.util.Map ? "Map"
                : value.getClass().getSimpleName();
        return text + " (" + type + ")";
    }

    /** A model path that cannot be followed. */
    static final class NavigationException extends Exception {
        private static final long serialVersionUID = 1L;

        NavigationException(String message) {
            super(Objects.requireNonNull(message));
        }
    }
}
