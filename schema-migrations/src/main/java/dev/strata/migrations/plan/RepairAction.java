package dev.strata.migrations.plan;

import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigration;

import java.util.ArrayList;
import java.util.List;

/**
 * One change {@code strata repair} makes to the history: record an edited file's current checksum, or remove a
 * failed row (of a versioned or a repeatable migration; {@code version} is null for the latter). Computed from the
 * plan, so {@code repair} fixes exactly what {@code validate} reports as fixable.
 */
public record RepairAction(Kind kind, int installedRank, Version version, String script, String before,
                           String after, ResolvedMigration file) {

    public enum Kind {
        REALIGNED_CHECKSUM, REMOVED_FAILED_ROW
    }

    /** The actions that make the plan's edited and failed entries valid again, in version order. */
    public static List<RepairAction> from(MigrationPlan plan) {
        List<RepairAction> actions = new ArrayList<>();
        for (PlanEntry entry : plan.entries()) {
            HistoryRow row = entry.applied();
            if (entry.state() == MigrationState.EDITED && entry.file() != null) {
                actions.add(new RepairAction(Kind.REALIGNED_CHECKSUM, row.installedRank(), row.version(), row.script(),
                        row.checksum(), entry.file().checksum().toString(), entry.file()));
            } else if (entry.state() == MigrationState.FAILED) {
                actions.add(new RepairAction(Kind.REMOVED_FAILED_ROW, row.installedRank(), row.version(), row.script(),
                        "failed row " + row.installedRank(), "removed", null));
            }
        }
        return List.copyOf(actions);
    }

    /** A line for the report: what changed, from what to what. */
    public String describe() {
        return switch (kind) {
            case REALIGNED_CHECKSUM -> script + " (" + ResolvedMigration.identity(version) + "): recorded checksum "
                    + abbreviate(before) + " replaced by the file's " + abbreviate(after);
            case REMOVED_FAILED_ROW -> script + " (" + ResolvedMigration.identity(version) + "): removed failed history row "
                    + installedRank;
        };
    }

    private static String abbreviate(String checksum) {
        return checksum.length() > 19 ? checksum.substring(0, 19) + "…" : checksum;
    }
}
