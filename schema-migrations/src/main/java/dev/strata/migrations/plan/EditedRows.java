package dev.strata.migrations.plan;

import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.history.AppliedVersions;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.util.List;
import java.util.Map;

/**
 * The history rows the plan will report as edited: the deciding row of a version whose file is there and whose
 * recorded checksum differs from the file's now. Known before planning, so that the caller reads the content those
 * rows recorded (and only theirs) and hands it to {@link Planner#plan(ResolvedMigrations, List, Map)}, which shows the
 * changed lines in the problem.
 */
public final class EditedRows {
    private EditedRows() {
    }

    public static List<HistoryRow> of(ResolvedMigrations resolved, List<HistoryRow> history) {
        FilesByVersion files = FilesByVersion.of(resolved);
        return AppliedVersions.of(history).lastRows().entrySet().stream()
                .filter(last -> !files.isDuplicated(last.getKey()))
                .filter(last -> files.file(last.getKey()).filter(file -> isEdited(last.getValue(), file)).isPresent())
                .map(Map.Entry::getValue).toList();
    }

    private static boolean isEdited(HistoryRow row, ResolvedMigration file) {
        return row.success() && row.type() != MigrationType.BASELINE && !AppliedVersions.isUndo(row)
                && ChecksumComparison.of(row, file, "") instanceof ChecksumComparison.Differs;
    }
}
