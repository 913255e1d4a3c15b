package dev.strata.migrations.core;

import java.util.List;
import java.util.Optional;

/**
 * What a run would do, computed once from the files and the history and shared by {@code status}, {@code validate}
 * and {@code migrate}: every migration with its state, the pending ones in the order they will run, and every
 * problem. A plan with problems is never applied.
 *
 * @param current the newest successfully applied version, if any ("newest" in {@code order})
 * @param order   how the files' layouts order versions
 */
public record MigrationPlan(List<PlanEntry> entries, List<PendingMigration> pending, List<Problem> problems,
                            Optional<Version> current, VersionOrder order) {
    public MigrationPlan {
        java.util.Objects.requireNonNull(order, "order");
        entries = List.copyOf(entries);
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
    }

    /** In numeric version order, Strata's own. */
    public MigrationPlan(List<PlanEntry> entries, List<PendingMigration> pending, List<Problem> problems,
                         Optional<Version> current) {
        this(entries, pending, problems, current, VersionOrder.NUMERIC);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public boolean isUpToDate() {
        return pending.isEmpty() && problems.isEmpty();
    }

    /**
     * The version the schema will be at after the pending migrations are applied: the newest of {@link #current()}
     * and the last pending version (an out-of-order pending file is older than {@code current}).
     */
    public Optional<Version> target() {
        Optional<Version> lastPending = pending.stream()
                .flatMap(migration -> migration.migration().id().versionNumber().stream())
                .reduce((first, second) -> second);
        if (lastPending.isEmpty()) {
            return current;
        }
        Version last = lastPending.get();
        return Optional.of(current.filter(version -> order.isAfter(version, last)).orElse(last));
    }

    public MigrationPlan withProblems(List<Problem> replacement) {
        return new MigrationPlan(entries, pending, replacement, current, order);
    }
}
