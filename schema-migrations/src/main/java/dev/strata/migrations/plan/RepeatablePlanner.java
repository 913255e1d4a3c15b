package dev.strata.migrations.plan;

import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.history.AppliedMigration;
import dev.strata.migrations.resolve.ResolvedMigration;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Adds an entry per repeatable file and row, the files to run (in file name order), and problems. */
    static void plan(List<ResolvedMigration> files, Map<String, AppliedMigration> lastRows, PreparedScripts prepared,
                     List<PlanEntry> entries, List<PendingMigration> pending, List<Problem> problems) {
        Set<String> seen = new HashSet<>();
        for (ResolvedMigration file : files) {
            seen.add(file.script());
            AppliedMigration row = lastRows.get(file.script());
            MigrationState state = row == null ? MigrationState.PENDING : stateOf(row, file, problems);
            if (state == MigrationState.PENDING || state == MigrationState.OUTDATED) {
                prepared.prepare(file, problems).ifPresent(pending::add);
            }
            entries.add(new PlanEntry(null, file.description(), file.script(), state, file, row));
        }
        for (AppliedMigration row : lastRows.values()) {
            if (seen.contains(row.script())) {
                continue;
            }
            MigrationState state = MigrationState.REMOVED;
            if (!row.success()) {
                problems.add(failed(row));
                state = MigrationState.FAILED;
            }
            entries.add(new PlanEntry(null, row.description(), row.script(), state, null, row));
        }
    }

    private static MigrationState stateOf(AppliedMigration row, ResolvedMigration file, List<Problem> problems) {
        if (!row.success()) {
            problems.add(failed(row));
            return MigrationState.FAILED;
        }
        return Planner.recordedChecksum(row, problems, "upgrade Strata")
                .map(recorded -> Planner.sameContent(recorded, file) ? MigrationState.APPLIED : MigrationState.OUTDATED)
                .orElse(MigrationState.FAILED);
    }

    private static Problem failed(AppliedMigration row) {
        return new Problem(ProblemKind.FAILED, row.script(), null,
                "history row " + row.installedRank() + " records that the repeatable migration " + row.script()
                        + " failed",
                "check what it changed, then run `strata repair` to remove the failed row and migrate again");
    }
}
