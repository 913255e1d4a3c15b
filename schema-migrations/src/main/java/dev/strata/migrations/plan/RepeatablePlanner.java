package dev.strata.migrations.plan;

import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The planner's rule for repeatable migrations ({@code R__<description>.sql}): a file runs when it has never run or
 * when its checksum differs from the one its last history row recorded. An edit is the point of a repeatable file,
 * so it is never a problem; a failed last row is, as for versioned files. A row whose file is gone is shown as
 * {@link MigrationState#REMOVED} and left alone: deleting the file is how a repeatable stops being managed, and the
 * object it created is dropped by a versioned migration, not by Strata.
 */
final class RepeatablePlanner {
    private RepeatablePlanner() {
    }

    /** An entry per repeatable file and row, the files to run (in file name order), and the problems. */
    static PlanPart plan(List<ResolvedMigration> files, Map<String, HistoryRow> lastRows,
                         PreparationCache prepared) {
        Set<String> named = files.stream().map(ResolvedMigration::script).collect(Collectors.toSet());
        Stream<PlanPart> fileParts = files.stream()
                .map(file -> file(file, Optional.ofNullable(lastRows.get(file.script())), prepared));
        Stream<PlanPart> removed = lastRows.values().stream().filter(row -> !named.contains(row.script()))
                .map(RepeatablePlanner::removed);
        return PlanPart.join(Stream.concat(fileParts, removed).toList());
    }

    /** {@code lastRow} is the file's last history row; empty when the file never ran. */
    private static PlanPart file(ResolvedMigration file, Optional<HistoryRow> lastRow,
                                 PreparationCache prepared) {
        if (lastRow.isEmpty()) {
            return PlanPart.of(entry(file, lastRow, MigrationState.PENDING), prepared.of(file));
        }
        HistoryRow row = lastRow.get();
        if (!row.success()) {
            return PlanPart.of(entry(file, lastRow, MigrationState.FAILED), failed(row));
        }
        ChecksumComparison comparison = ChecksumComparison.of(row, file, "upgrade Strata");
        if (comparison instanceof ChecksumComparison.Unreadable unreadable) {
            return PlanPart.of(entry(file, lastRow, MigrationState.FAILED), unreadable.problem());
        }
        return comparison instanceof ChecksumComparison.Same ? PlanPart.of(entry(file, lastRow, MigrationState.APPLIED))
                : PlanPart.of(entry(file, lastRow, MigrationState.OUTDATED), prepared.of(file));
    }

    /** A row whose file is gone: left alone, unless it failed. */
    private static PlanPart removed(HistoryRow row) {
        MigrationState state = row.success() ? MigrationState.REMOVED : MigrationState.FAILED;
        PlanEntry entry = new PlanEntry(row.id(), row.description(), row.script(), state, Optional.empty(),
                Optional.of(row));
        return row.success() ? PlanPart.of(entry) : PlanPart.of(entry, failed(row));
    }

    private static PlanEntry entry(ResolvedMigration file, Optional<HistoryRow> row, MigrationState state) {
        return new PlanEntry(file.id(), file.description(), file.script(), state, Optional.of(file), row);
    }

    private static Problem failed(HistoryRow row) {
        return new Problem(ProblemKind.FAILED, row.script(), Optional.empty(),
                "history row " + row.installedRank() + " records that the repeatable migration " + row.script()
                        + " failed",
                "check what it changed, then run `strata repair` to remove the failed row and migrate again");
    }
}
