package dev.strata.migrations.drift;

import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.ResolvedMigration;

import java.util.List;
import java.util.Objects;

/**
 * What {@link DriftCheck} found.
 *
 * @param plan     the database's plan, read before the replay: its current version and its pending migrations (which
 *                 are not drift: the database is merely behind)
 * @param replayed the migration files replayed into the scratch database, in the order the database applied them
 * @param diff     how the database's schema differs from the schema the replayed files produce
 * @param excluded what each exclusion pattern left out of the comparison (every pattern given, and each default
 *                 pattern that left something out)
 * @param skippedGoSteps the migrations written in Go that {@code migrations.skip_go_migrations} passes over: what
 *                 they did is in the database (the other tool ran them) but in no replay, so the comparison cannot
 *                 account for it; front ends name each
 */
public record DriftReport(MigrationPlan plan, List<ResolvedMigration> replayed, SchemaDiff diff,
                          List<Excluded> excluded, List<UnreplayedStep> skippedGoSteps) {
    public DriftReport {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(diff, "diff");
        replayed = List.copyOf(replayed);
        excluded = List.copyOf(excluded);
        skippedGoSteps = List.copyOf(skippedGoSteps);
    }

    /** No migration written in Go passed over. */
    public DriftReport(MigrationPlan plan, List<ResolvedMigration> replayed, SchemaDiff diff, List<Excluded> excluded) {
        this(plan, replayed, diff, excluded, List.of());
    }

    public boolean drifted() {
        return !diff.isEmpty();
    }

    public List<PendingMigration> pending() {
        return plan.pending();
    }
}
