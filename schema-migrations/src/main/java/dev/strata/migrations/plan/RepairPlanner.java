package dev.strata.migrations.plan;

import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.RepairAction;
import dev.strata.migrations.core.ResolvedMigration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code strata repair} changes in the history, read off the plan: one {@link RepairAction} per fixable entry. */
public final class RepairPlanner {
    private RepairPlanner() {
    }

    /** The actions that make the plan's edited and failed entries valid again, in version order. */
    public static List<RepairAction> actions(MigrationPlan plan) {
        List<RepairAction> actions = new ArrayList<>();
        for (PlanEntry entry : plan.entries()) {
            if (entry.state() == MigrationState.EDITED && entry.file().isPresent()) {
                HistoryRow row = entry.row().orElseThrow();
                ResolvedMigration file = entry.file().get();
                actions.add(new RepairAction(RepairAction.Kind.REALIGNED_CHECKSUM, row.installedRank(), row.id(),
                        row.script(), row.checksum(), file.checksum().toString(), Optional.of(file)));
            } else if (entry.state() == MigrationState.FAILED) {
                HistoryRow row = entry.row().orElseThrow();
                actions.add(new RepairAction(RepairAction.Kind.REMOVED_FAILED_ROW, row.installedRank(), row.id(),
                        row.script(), "failed row " + row.installedRank(), "removed", Optional.empty()));
            }
        }
        return List.copyOf(actions);
    }
}
