package dev.strata.migrations.fleet;

import dev.strata.migrations.execute.progress.Interruption;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stop from outside a fleet run (the CLI's SIGINT or SIGTERM): no target starts after it, and each running target
 * is stopped through its own {@link Interruption}, so it rolls back (or records) the file it is in and reports itself
 * interrupted, or finishes when it had no file left to start.
 */
final class FleetStop {
    private final Set<Interruption> running = ConcurrentHashMap.newKeySet();
    private volatile String signal;

    /**
     * Registers a target about to start; empty when the run was already stopped, which the target then is not. A
     * target registers before it looks at the stop and the stop is set before it looks at the registered targets,
     * so every target is either not started or stopped.
     */
    Optional<String> starting(Interruption target) {
        running.add(target);
        return stoppedBy();
    }

    void ended(Interruption target) {
        running.remove(target);
    }

    void stop(String reason) {
        signal = reason;
        running.forEach(target -> target.stop(reason));
    }

    /** What stopped the run, if anything did. */
    Optional<String> stoppedBy() {
        return Optional.ofNullable(signal);
    }
}
