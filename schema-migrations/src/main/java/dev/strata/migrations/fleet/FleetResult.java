package dev.strata.migrations.fleet;

import dev.strata.migrations.core.Version;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a fleet run did: one result per target, in the order the targets were given, and the run's duration.
 *
 * @param stoppedBy what stopped the run from outside (e.g. {@code SIGINT}), when something did: targets running then
 *                  were interrupted, those not started yet were skipped
 */
public record FleetResult(FleetCommand command, List<TargetResult> targets, Duration elapsed,
                          Optional<String> stoppedBy) {
    public FleetResult {
        targets = List.copyOf(targets);
        Objects.requireNonNull(stoppedBy, "stoppedBy");
    }

    public long succeeded() {
        return targets.stream().filter(TargetResult::succeeded).count();
    }

    /** Failed targets, not counting the interrupted ones. */
    public long failed() {
        return targets.stream().filter(target -> target.failed() && !target.interrupted()).count();
    }

    public long interrupted() {
        return targets.stream().filter(TargetResult::interrupted).count();
    }

    public long skipped() {
        return targets.stream().filter(TargetResult::skipped).count();
    }

    /** Every target succeeded. */
    public boolean allSucceeded() {
        return targets.stream().allMatch(TargetResult::succeeded);
    }

    public int filesApplied() {
        return targets.stream().mapToInt(TargetResult::filesApplied).sum();
    }

    /**
     * How many reached targets are at each version, newest first ("998 at 12, 2 at 11"); targets with nothing
     * applied are under the empty version, last. Failed targets count at the version they stopped at; skipped ones
     * and those not reached are left out.
     */
    public Map<Optional<Version>, Long> versionCounts() {
        Map<Optional<Version>, Long> counts = new TreeMap<>(Comparator.<Optional<Version>, Boolean>comparing(
                Optional::isEmpty).thenComparing(v -> v.orElse(null), Comparator.nullsLast(Comparator.reverseOrder())));
        for (TargetResult target : targets) {
            if (target.reached()) {
                // A plan's "to" is where migrate would take the target; the fleet is where it is now.
                counts.merge(command == FleetCommand.PLAN ? target.from() : target.to(), 1L, Long::sum);
            }
        }
        return new LinkedHashMap<>(counts);
    }
}
