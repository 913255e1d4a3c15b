package dev.strata.migrations.plan;

import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.Version;

import java.util.List;
import java.util.Optional;

/**
 * What a run would do, computed once from the files and the history and shared by {@code status}, {@code validate}
 * and {@code migrate}: every migration with its state, the pending ones in the order they will run, and every
 * problem. A plan with problems is never applied.
 *
 * @param current the newest successfully applied version, if any
 */
public record MigrationPlan(List<PlanEntry> entries, List<PendingMigration> pending, List<Problem> problems,
                            Optional<Version> current) {
    public MigrationPlan {
        entries = List.copyOf(entries);
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public boolean isUpToDate() {
        return pending.isEmpty() && problems.isEmpty();
    }

    /** The version the schema will be at after the pending migrations are applied. */
    public Optional<Version> target() {
        return pending.isEmpty() ? current : Optional.of(pending.get(pending.size() - 1).migration().version());
    }

    public MigrationPlan withProblems(List<Problem> replacement) {
        return new MigrationPlan(entries, pending, replacement, current);
    }
}
