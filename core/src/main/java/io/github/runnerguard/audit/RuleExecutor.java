package io.github.runnerguard.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.github.runnerguard.config.RunnerConfig;
import io.github.runnerguard.spi.AuditContext;
import io.github.runnerguard.spi.Finding;
import io.github.runnerguard.spi.SecurityRule;
import org.jspecify.annotations.Nullable;

/**
 * Runs the rules of one audit, each isolated: an exception or error becomes a failed outcome, and a rule that runs
 * past its time budget is abandoned (its thread is interrupted and left behind) while the remaining rules go on in a
 * fresh worker thread.
 *
 * <p>With a budget, the rules of one file run one after the other on a pooled daemon thread while the calling thread
 * watches the clock; without one (a zero budget) they run on the calling thread. The caller sleeps until the batch is
 * done or the running rule's budget is up, whichever comes first: the worker wakes it once, at the end, not after
 * every rule. Thread-safe.
 */
final class RuleExecutor {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private static final ThreadFactory FACTORY = runnable -> {
        Thread thread = new Thread(runnable, "runnerguard-rules-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    };

    /** Shared by every auditor: threads are created on demand and die after a minute idle. */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(FACTORY);

    private RuleExecutor() {
    }

    /** What running one rule gave. */
    sealed interface Outcome permits Completed, Failed, TimedOut {
    }

    /** The rule returned its findings. */
    record Completed(List<Finding> findings) implements Outcome {
    }

    /** The rule threw. */
    record Failed(Throwable error) implements Outcome {
    }

    /** The rule did not return within the budget. */
    record TimedOut(Duration budget) implements Outcome {
    }

    /**
     * Runs every rule on one config.
     *
     * @return one outcome per rule, in the order of {@code rules}
     * @throws CancellationException when the calling thread is interrupted (its interrupt flag is kept)
     */
    static List<Outcome> runAll(List<SecurityRule> rules, RunnerConfig config, AuditContext context,
                                Duration budget) {
        return runAll(rules, rule -> rule.check(config, context), budget);
    }

    /** What is run of each rule: its check of one config, or its check of a whole fleet. */
    @FunctionalInterface
    interface Check {
        /** Runs the check of {@code rule}; may throw or return null, as a careless rule may. */
        List<Finding> run(SecurityRule rule);
    }

    /**
     * Runs {@code check} for every rule.
     *
     * @return one outcome per rule, in the order of {@code rules}
     * @throws CancellationException when the calling thread is interrupted (its interrupt flag is kept)
     */
    static List<Outcome> runAll(List<SecurityRule> rules, Check check, Duration budget) {
        if (rules.isEmpty()) {
            return List.of();
        }
        if (budget.isZero() || budget.isNegative()) {
            List<Outcome> outcomes = new ArrayList<>(rules.size());
            for (SecurityRule rule : rules) {
                outcomes.add(runOne(rule, check));
            }
            return outcomes;
        }
        return new Batch(rules, check, budget.toNanos()).run();
    }

    static Outcome runOne(SecurityRule rule, RunnerConfig config, AuditContext context) {
        return runOne(rule, r -> r.check(config, context));
    }

    static Outcome runOne(SecurityRule rule, Check check) {
        try {
            List<Finding> findings = check.run(rule);
            if (findings == null) {
                return new Failed(new NullPointerException("check() returned null instead of a list"));
            }
            return new Completed(List.copyOf(findings));
        } catch (Throwable error) {
            return new Failed(error);
        }
    }

    /** The state shared between the watching caller and the worker running the rules of one file. */
    private static final class Batch {
        private final List<SecurityRule> rules;
        private final Check check;
        private final long budgetNanos;
        private final Outcome[] outcomes;
        private int completed;
        private int generation;
        private int running = -1;
        private long startedAt;
        private @Nullable Thread worker;

        Batch(List<SecurityRule> rules, Check check, long budgetNanos) {
            this.rules = rules;
            this.check = check;
            this.budgetNanos = budgetNanos;
            this.outcomes = new Outcome[rules.size()];
        }

        List<Outcome> run() {
            synchronized (this) {
                startWorker(0);
                try {
                    while (completed < outcomes.length) {
                        if (running < 0) {
                            TimeUnit.NANOSECONDS.timedWait(this, budgetNanos);
                            continue;
                        }
                        long left = startedAt + budgetNanos - System.nanoTime();
                        if (left > 0) {
                            TimeUnit.NANOSECONDS.timedWait(this, left);
                            continue;
                        }
                        int stuck = running;
                        outcomes[stuck] = new TimedOut(Duration.ofNanos(budgetNanos));
                        completed++;
                        abandonWorker();
                        if (stuck + 1 < outcomes.length) {
                            startWorker(stuck + 1);
                        }
                    }
                } catch (InterruptedException e) {
                    abandonWorker();
                    Thread.currentThread().interrupt();
                    throw new CancellationException("audit interrupted");
                }
                return List.of(outcomes);
            }
        }

        private void abandonWorker() {
            generation++;
            running = -1;
            Thread stuck = worker;
            worker = null;
            if (stuck != null) {
                stuck.interrupt();
            }
        }

        private void startWorker(int from) {
            int myGeneration = generation;
            POOL.execute(() -> work(myGeneration, from));
        }

        private void work(int myGeneration, int from) {
            for (int index = from; index < outcomes.length; index++) {
                synchronized (this) {
                    if (generation != myGeneration) {
                        return;
                    }
                    running = index;
                    startedAt = System.nanoTime();
                    worker = Thread.currentThread();
                }
                Outcome outcome = runOne(rules.get(index), check);
                synchronized (this) {
                    if (generation != myGeneration) {
                        return;
                    }
                    outcomes[index] = outcome;
                    completed++;
                    running = -1;
                    worker = null;
                    if (completed == outcomes.length) {
                        // the caller sleeps until then, or until the deadline of the rule it last saw running
                        notifyAll();
                    }
                }
            }
        }
    }
}
