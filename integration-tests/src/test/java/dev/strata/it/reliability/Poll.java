package dev.strata.it.reliability;

import dev.strata.it.cli.StrataCli;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it, with a bound that only stops a hang (it is never what the test measures).
 * This is how the tests synchronise with a migrator process: they observe the database state it creates
 * (pg_locks, pg_stat_activity, the history) instead of sleeping.
 */
final class Poll {
    static final Duration LIMIT = Duration.ofSeconds(90);
    private static final long INTERVAL_MS = 10;

    private Poll() {
    }

    /** Polls until {@code probe} returns a value, and returns it; fails naming {@code what} after {@link #LIMIT}. */
    static <T> T until(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + LIMIT.toSeconds() + " s waiting for " + what);
            }
            pause();
        }
    }

    /**
     * As {@link #until(String, Supplier)}, for a state a running {@code strata} process is to reach: if the process
     * ends first, fails at once with its output instead of waiting out the bound.
     */
    static <T> T until(String what, StrataCli.Launched process, Supplier<Optional<T>> probe) {
        return until(what, () -> {
            Optional<T> value = probe.get();
            if (value.isEmpty() && !process.process().isAlive()) {
                throw new AssertionError("waiting for " + what + ", " + process.command() + " ended: "
                        + StrataCli.Runner.await(process));
            }
            return value;
        });
    }

    /** Polls until {@code condition} holds. */
    static void untilTrue(String what, Supplier<Boolean> condition) {
        until(what, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
