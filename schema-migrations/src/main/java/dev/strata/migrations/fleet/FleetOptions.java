package dev.strata.migrations.fleet;

import dev.strata.migrations.config.FleetConfig;
import dev.strata.migrations.core.FailurePolicy;

import java.util.Objects;

/**
 * How a fleet run is carried out.
 *
 * @param parallel      how many targets run at once, 1 to {@link #MAX_PARALLEL}; at most {@code parallel + 1}
 *                      connections are open to any one server
 * @param onFailure     what happens after a target fails
 * @param canary        how many targets run first, on their own: when one of them fails, no other target starts
 */
public record FleetOptions(int parallel, FailurePolicy onFailure, int canary) {
    public static final int DEFAULT_PARALLEL = FleetConfig.NONE.parallel();
    public static final int MAX_PARALLEL = FleetConfig.MAX_PARALLEL;

    public FleetOptions {
        Objects.requireNonNull(onFailure, "onFailure");
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new IllegalArgumentException("parallel must be from 1 to " + MAX_PARALLEL + ", was " + parallel);
        }
        if (canary < 0) {
            throw new IllegalArgumentException("canary must not be negative, was " + canary);
        }
    }

    public static FleetOptions defaults() {
        return new FleetOptions(DEFAULT_PARALLEL, FailurePolicy.CONTINUE, 0);
    }

    public FleetOptions withParallel(int n) {
        return new FleetOptions(n, onFailure, canary);
    }

    public FleetOptions withOnFailure(FailurePolicy policy) {
        return new FleetOptions(parallel, policy, canary);
    }

    public FleetOptions withCanary(int k) {
        return new FleetOptions(parallel, onFailure, k);
    }
}
