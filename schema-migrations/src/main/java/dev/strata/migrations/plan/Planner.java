package dev.strata.migrations.plan;

import dev.strata.migrations.core.ChangedLines;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.core.VersionOrder;
import dev.strata.migrations.history.AppliedVersions;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Computes the plan from the resolved files and the history rows: a pure function, linear in the number of
 * migrations (a hash join of files and rows; Flyway #4278 shows what a nested scan costs at 4,000 files).
 * Only pending files are split into statements; applied ones are compared by checksum alone. Each version is judged
 * by its last history row: when that row records an undo, the version is not applied and its file is pending again
 * (state {@link MigrationState#UNDONE}), and the checksums of its older rows are no longer compared. Repeatable
 * files follow the versioned ones ({@link RepeatablePlanner}). Each step (history rows, pending files, repeatable
 * files, undo files) returns a {@link PlanPart}; the plan is their concatenation. Files are read for running by
 * {@link FilePreparer}, through the run's cache ({@link PreparationCache}). Entries are ordered by their
 * {@link dev.strata.migrations.core.MigrationId}: versions first, in the layouts' order, then repeatable files by name.
 */
public final class Planner {
    private final boolean outOfOrderAllowed;
    private final PreparationCache prepared;

    public Planner(boolean outOfOrderAllowed) {
        this(outOfOrderAllowed, new PreparationCache());
    }

    /** @param prepared files split by an earlier plan of the same run, and where this one keeps its own */
    public Planner(boolean outOfOrderAllowed, PreparationCache prepared) {
        this.outOfOrderAllowed = outOfOrderAllowed;
        this.prepared = prepared;
    }

    /** The plan, without the changed lines of edited files. */
    public MigrationPlan plan(ResolvedMigrations resolved, List<HistoryRow> history) {
        return plan(resolved, history, Map.of());
    }

    /**
     * @param appliedContent the content recorded when each row of {@link EditedRows} was applied, by installed rank
     *                       (a row whose content was not recorded is absent): an edit's problem shows what changed
     */
    public MigrationPlan plan(ResolvedMigrations resolved, List<HistoryRow> history,
                              Map<Integer, String> appliedContent) {
        VersionOrder order = resolved.order();
        AppliedVersions applied = AppliedVersions.of(history);
        Map<Version, HistoryRow> lastRows = applied.lastRows();
        Optional<Version> newestApplied = lastRows.entrySet().stream()
                .filter(last -> last.getValue().success() && !AppliedVersions.isUndo(last.getValue()))
                .map(Map.Entry::getKey).max(order);
        // Every file without a live row: the pending ones, and the few the pending step turns away (out of order,
        // below the baseline), and the undo files. Splitting those too costs less than a second pass.
        prepared.prepareAll(Stream.concat(resolved.migrations().stream().filter(file -> !isLive(lastRows, file)),
                resolved.undos().stream()).toList());
        PlanPart plan = PlanPart.join(List.of(
                rows(resolved, lastRows, appliedContent),
                pendingFiles(resolved, applied, newestApplied),
                // Repeatable files run after every versioned one, so they come last in the plan, too.
                RepeatablePlanner.plan(resolved.repeatables(), applied.lastRepeatable(), prepared),
                undoFiles(resolved)));
        List<PlanEntry> entries = new ArrayList<>(plan.entries());
        entries.sort(PlanEntry.order(order));
        List<Problem> problems = new ArrayList<>(resolved.problems());
        problems.addAll(plan.problems());
        return new MigrationPlan(entries, plan.pending(), problems, newestApplied, order);
    }

    /** Whether the file's version has a last history row that is not an undo: it is not pending. */
    private static boolean isLive(Map<Version, HistoryRow> lastRows, ResolvedMigration file) {
        return file.id().versionNumber().map(lastRows::get).filter(row -> !AppliedVersions.isUndo(row)).isPresent();
    }

    /** An entry per version in the history, judged by its last row, with the problems the rows show. */
    private static PlanPart rows(ResolvedMigrations resolved, Map<Version, HistoryRow> lastRows,
                                 Map<Integer, String> appliedContent) {
        VersionOrder order = resolved.order();
        FilesByVersion files = FilesByVersion.of(resolved);
        Optional<Version> newestFile = resolved.migrations().stream()
                .flatMap(file -> file.id().versionNumber().stream()).max(order);
        List<PlanPart> parts = new ArrayList<>(lastRows.size());
        lastRows.forEach((version, row) -> {
            Optional<ResolvedMigration> file = files.file(version);
            if (AppliedVersions.isUndo(row)) {
                if (file.isEmpty()) {
                    // Undone, then its file deleted: nothing is pending and nothing is missing.
                    parts.add(PlanPart.of(new PlanEntry(row.id(), row.description(), row.script(),
                            MigrationState.UNDONE, Optional.empty(), Optional.of(row))));
                }
            } else if (file.isPresent() && files.isDuplicated(version) && row.success()) {
                // Which of the two files was applied is unknown until the duplicate is fixed: claim no edit.
                parts.add(PlanPart.of(entry(row, file, MigrationState.APPLIED)));
            } else {
                parts.add(classifyRow(version, row, file, newestFile, order, appliedContent));
            }
        });
        return PlanPart.join(parts);
    }

    private static PlanPart classifyRow(Version version, HistoryRow row, Optional<ResolvedMigration> present,
                                        Optional<Version> newestFile, VersionOrder order,
                                        Map<Integer, String> appliedContent) {
        if (row.type() == MigrationType.BASELINE) {
            return PlanPart.of(new PlanEntry(row.id(), row.description(), row.script(), MigrationState.BASELINE,
                    present, Optional.of(row)));
        }
        if (!row.success()) {
            return PlanPart.of(entry(row, present, MigrationState.FAILED), new Problem(ProblemKind.FAILED,
                    row.script(), Optional.of(version), "history row " + row.installedRank() + " records that "
                            + row.script() + " (version " + version + ") failed",
                    "check what it changed, then run `strata repair` to remove the failed row and migrate again"));
        }
        if (present.isEmpty()) {
            boolean ahead = newestFile.isEmpty() || order.isAfter(version, newestFile.get());
            if (ahead) {
                return PlanPart.of(entry(row, present, MigrationState.FUTURE), new Problem(ProblemKind.FUTURE,
                        row.script(), Optional.of(version), "the database is ahead of the code: version " + version
                                + " (" + row.script() + ") is applied but newer than every migration file",
                        "deploy the build that contains " + row.script() + ", or point Strata at the right locations"));
            }
            return PlanPart.of(entry(row, present, MigrationState.MISSING), new Problem(ProblemKind.MISSING,
                    row.script(), Optional.of(version),
                    "version " + version + " (" + row.script() + ") is applied but its file is missing",
                    "restore " + row.script() + " in the migration locations"));
        }
        ResolvedMigration file = present.get();
        ChecksumComparison comparison = ChecksumComparison.of(row, file,
                "upgrade Strata, or run `strata repair` to record the current checksum");
        if (comparison instanceof ChecksumComparison.Unreadable unreadable) {
            return PlanPart.of(entry(row, present, MigrationState.EDITED), unreadable.problem());
        }
        if (comparison instanceof ChecksumComparison.Differs differs) {
            return PlanPart.of(entry(row, present, MigrationState.EDITED), new Problem(ProblemKind.EDITED,
                    row.script(), Optional.of(version), "edit detected in " + file.path() + " (version " + version
                            + ") after it was applied: recorded " + differs.recorded().shortForm() + ", file now "
                            + file.checksum().shortForm(),
                    "restore the file as it was applied, or run `strata repair` if the edit was intended",
                    Optional.ofNullable(appliedContent.get(row.installedRank()))
                            .map(applied -> ChangedLines.between(applied, file.content()))));
        }
        return PlanPart.of(entry(row, present, MigrationState.APPLIED));
    }

    /**
     * An entry per file whose version has no live row (never applied, or undone), and the ones of them to run: a
     * file below the baseline is shown but not run, an older one than the newest applied version only when allowed.
     */
    private PlanPart pendingFiles(ResolvedMigrations resolved, AppliedVersions applied,
                                  Optional<Version> newestApplied) {
        VersionOrder order = resolved.order();
        List<PlanPart> parts = new ArrayList<>();
        for (ResolvedMigration file : resolved.migrations()) {
            Version version = file.id().versionNumber().orElseThrow();
            Optional<HistoryRow> row = Optional.ofNullable(applied.lastRows().get(version));
            if (row.filter(last -> !AppliedVersions.isUndo(last)).isPresent()) {
                continue;
            }
            if (applied.coveredByBaseline(version, order)) {
                parts.add(PlanPart.of(new PlanEntry(file.id(), file.description(), file.script(),
                        MigrationState.BELOW_BASELINE, Optional.of(file), row)));
            } else {
                parts.add(classifyPending(file, version, row, newestApplied, order));
            }
        }
        return PlanPart.join(parts);
    }

    /** A file to apply: never applied, or undone ({@code undoRow} is then the row recording the undo). */
    private PlanPart classifyPending(ResolvedMigration file, Version version, Optional<HistoryRow> undoRow,
                                     Optional<Version> newestApplied, VersionOrder order) {
        boolean outOfOrder = newestApplied.filter(newest -> order.isAfter(newest, version)).isPresent();
        MigrationState state = outOfOrder ? MigrationState.OUT_OF_ORDER
                : undoRow.isPresent() ? MigrationState.UNDONE : MigrationState.PENDING;
        PlanEntry entry = new PlanEntry(file.id(), file.description(), file.script(), state, Optional.of(file),
                undoRow);
        if (outOfOrder && !outOfOrderAllowed) {
            Version newest = newestApplied.get();
            return PlanPart.of(entry, new Problem(ProblemKind.OUT_OF_ORDER, file.script(), Optional.of(version),
                    file.path() + " (version " + version + ") is pending but older than the newest applied"
                            + " version " + newest,
                    "give it a version newer than " + newest + ", or set out_of_order = true to apply it anyway"));
        }
        return PlanPart.of(entry, prepared.of(file));
    }

    /** Undo files are held to undo's rules now, not when a failed deploy needs one: their problems, nothing to run. */
    private PlanPart undoFiles(ResolvedMigrations resolved) {
        return new PlanPart(List.of(), List.of(), resolved.undos().stream()
                .flatMap(undo -> prepared.of(undo).problems().stream()).toList());
    }

    private static PlanEntry entry(HistoryRow row, Optional<ResolvedMigration> file, MigrationState state) {
        String description = file.map(ResolvedMigration::description).orElse(row.description());
        return new PlanEntry(row.id(), description, row.script(), state, file, Optional.of(row));
    }
}
