package dev.strata.migrations.fleet;

/** Progress of a fleet run, for a progress line. Called from the run's worker threads, possibly at the same time. */
public interface FleetListener {
    FleetListener NONE = new FleetListener() {
    };

    default void started(Target target) {
    }

    default void finished(TargetResult result) {
    }
}
