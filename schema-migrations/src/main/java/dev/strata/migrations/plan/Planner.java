package dev.strata.migrations.plan;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.core.VersionOrder;
import dev.strata.migrations.history.AppliedMigration;
import dev.strata.migrations.history.AppliedVersions;
import dev.strata.migrations.resolve.ResolvedMigration;
import dev.strata.migrations.resolve.ResolvedMigrations;
import dev.strata.migrations.sql.ScriptLexicon;
import dev.strata.migrations.sql.SqlSplitter;
import dev.strata.migrations.sql.SqlStatement;
import dev.strata.migrations.sql.SqlSyntaxException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Computes the plan from the resolved files and the history rows: a pure function, linear in the number of
 * migrations (a hash join of files and rows; Flyway #4278 shows what a nested scan costs at 4,000 files).
 * Only pending files are split into statements; applied ones are compared by checksum alone. Each version is judged
 * by its last history row: when that row records an undo, the version is not applied and its file is pending again
 * (state {@link MigrationState#UNDONE}), and the checksums of its older rows are no longer compared. Repeatable
 * files follow the versioned ones ({@link RepeatablePlanner}).
 */
public final class Planner {
    private final boolean outOfOrderAllowed;
    private final PreparedScripts prepared;

    public Planner(boolean outOfOrderAllowed) {
        this(outOfOrderAllowed, new PreparedScripts());
    }

    /** @param prepared files split by an earlier plan of the same run, and where this one keeps its own */
    public Planner(boolean outOfOrderAllowed, PreparedScripts prepared) {
        this.outOfOrderAllowed = outOfOrderAllowed;
        this.prepared = prepared;
    }

    public MigrationPlan plan(ResolvedMigrations resolved, List<AppliedMigration> history) {
        VersionOrder order = resolved.order();
        List<Problem> problems = new ArrayList<>(resolved.problems());
        List<PlanEntry> entries = new ArrayList<>();
        Map<Version, ResolvedMigration> files = new HashMap<>();
        for (ResolvedMigration file : resolved.migrations()) {
            files.put(file.version(), file);
        }
        Optional<Version> newestFile = resolved.migrations().stream().map(ResolvedMigration::version)
                .max(order);
        Set<Version> duplicated = new HashSet<>();
        resolved.problems().stream().filter(problem -> problem.kind() == ProblemKind.DUPLICATE_VERSION)
                .forEach(problem -> problem.versionNumber().ifPresent(duplicated::add));
        AppliedVersions applied = AppliedVersions.of(history);
        Map<Version, AppliedMigration> lastRows = applied.lastRows();
        Map<Version, AppliedMigration> undone = new HashMap<>();
        Version newestApplied = null;
        for (AppliedMigration row : lastRows.values()) {
            if (AppliedVersions.isUndo(row)) {
                undone.put(row.version(), row);
                if (!files.containsKey(row.version())) {
                    // Undone, then its file deleted: nothing is pending and nothing is missing.
                    entries.add(new PlanEntry(row.version(), row.description(), row.script(), MigrationState.UNDONE,
                            null, row));
                }
                continue;
            }
            ResolvedMigration file = files.get(row.version());
            if (file != null && duplicated.contains(row.version()) && row.success()) {
                // Which of the two files was applied is unknown until the duplicate is fixed: claim no edit.
                entries.add(entry(row, file, MigrationState.APPLIED));
            } else {
                entries.add(classifyRow(row, file, newestFile, order, problems));
            }
            if (row.success() && (newestApplied == null || order.isAfter(row.version(), newestApplied))) {
                newestApplied = row.version();
            }
        }
        List<PendingMigration> pending = new ArrayList<>();
        // Every file without a live row: the pending ones, and the few the loop below turns away (out of order,
        // below the baseline), and the undo files. Splitting those too costs less than a second pass.
        prepared.prepareAll(Stream.concat(resolved.migrations().stream()
                .filter(file -> !lastRows.containsKey(file.version()) || undone.containsKey(file.version())),
                resolved.undos().stream()).toList());
        for (ResolvedMigration file : resolved.migrations()) {
            AppliedMigration undoRow = undone.get(file.version());
            if (lastRows.containsKey(file.version()) && undoRow == null) {
                continue;
            }
            if (applied.coveredByBaseline(file.version(), order)) {
                entries.add(new PlanEntry(file.version(), file.description(), file.script(),
                        MigrationState.BELOW_BASELINE, file, undoRow));
            } else {
                entries.add(classifyPending(file, undoRow, newestApplied, order, pending, problems));
            }
        }
        // Repeatable files run after every versioned one, so they come last in the plan, too.
        RepeatablePlanner.plan(resolved.repeatables(), applied.lastRepeatable(), prepared, entries, pending, problems);
        // Undo files are held to undo's rules now, not when a failed deploy needs one.
        resolved.undos().forEach(undo -> prepared.prepare(undo, problems));
        entries.sort(PlanEntry.order(order));
        return new MigrationPlan(entries, pending, problems, Optional.ofNullable(newestApplied), order);
    }

    private static PlanEntry classifyRow(AppliedMigration row, ResolvedMigration file, Optional<Version> newestFile,
                                         VersionOrder order, List<Problem> problems) {
        if (row.type() == MigrationType.BASELINE) {
            return new PlanEntry(row.version(), row.description(), row.script(), MigrationState.BASELINE, file, row);
        }
        if (!row.success()) {
            problems.add(new Problem(ProblemKind.FAILED, row.script(), row.version(),
                    "history row " + row.installedRank() + " records that " + row.script() + " (version "
                            + row.version() + ") failed",
                    "check what it changed, then run `strata repair` to remove the failed row and migrate again"));
            return entry(row, file, MigrationState.FAILED);
        }
        if (file == null) {
            boolean ahead = newestFile.isEmpty() || order.isAfter(row.version(), newestFile.get());
            if (ahead) {
                problems.add(new Problem(ProblemKind.FUTURE, row.script(), row.version(),
                        "the database is ahead of the code: version " + row.version() + " (" + row.script()
                                + ") is applied but newer than every migration file",
                        "deploy the build that contains " + row.script() + ", or point Strata at the right locations"));
                return entry(row, null, MigrationState.FUTURE);
            }
            problems.add(new Problem(ProblemKind.MISSING, row.script(), row.version(),
                    "version " + row.version() + " (" + row.script() + ") is applied but its file is missing",
                    "restore " + row.script() + " in the migration locations"));
            return entry(row, null, MigrationState.MISSING);
        }
        return checksumMatches(row, file, problems) ? entry(row, file, MigrationState.APPLIED)
                : entry(row, file, MigrationState.EDITED);
    }

    private static boolean checksumMatches(AppliedMigration row, ResolvedMigration file, List<Problem> problems) {
        Optional<Checksum> parsed = recordedChecksum(row, problems,
                "upgrade Strata, or run `strata repair` to record the current checksum");
        if (parsed.isEmpty()) {
            return false;
        }
        Checksum recorded = parsed.get();
        if (sameContent(recorded, file)) {
            return true;
        }
        problems.add(new Problem(ProblemKind.EDITED, row.script(), row.version(),
                "edit detected in " + file.path() + " (version " + row.version() + ") after it was applied: recorded "
                        + recorded.shortForm() + ", file now " + file.checksum().shortForm(),
                "restore the file as it was applied, or run `strata repair` if the edit was intended"));
        return false;
    }

    /** The checksum a history row recorded; an unreadable one is reported as a problem with {@code hint}. */
    static Optional<Checksum> recordedChecksum(AppliedMigration row, List<Problem> problems, String hint) {
        try {
            return Optional.of(Checksum.parse(row.checksum()));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(ProblemKind.UNREADABLE_HISTORY, row.script(), row.version(),
                    "history row " + row.installedRank() + " for " + row.script() + ": " + e.getMessage(), hint));
            return Optional.empty();
        }
    }

    /** Whether a recorded checksum is the file's as it is now. */
    static boolean sameContent(Checksum recorded, ResolvedMigration file) {
        // The file's checksum was computed when it was resolved: hash again only for a row of another algorithm.
        return recorded.algorithm() == file.checksum().algorithm() ? recorded.equals(file.checksum())
                : recorded.matches(file.content());
    }

    /** A file to apply: never applied, or undone ({@code undoRow} is then the row recording the undo). */
    private PlanEntry classifyPending(ResolvedMigration file, AppliedMigration undoRow, Version newestApplied,
                                      VersionOrder order, List<PendingMigration> pending, List<Problem> problems) {
        boolean outOfOrder = newestApplied != null && order.isAfter(newestApplied, file.version());
        if (outOfOrder && !outOfOrderAllowed) {
            problems.add(new Problem(ProblemKind.OUT_OF_ORDER, file.script(), file.version(),
                    file.path() + " (version " + file.version() + ") is pending but older than the newest applied version "
                            + newestApplied,
                    "give it a version newer than " + newestApplied + ", or set out_of_order = true to apply it anyway"));
        } else {
            prepared.prepare(file, problems).ifPresent(pending::add);
        }
        MigrationState state = outOfOrder ? MigrationState.OUT_OF_ORDER
                : undoRow != null ? MigrationState.UNDONE : MigrationState.PENDING;
        return new PlanEntry(file.version(), file.description(), file.script(), state, file, undoRow);
    }

    /**
     * Reads the file's directives and splits it; every reason it cannot run becomes a problem. Also used for undo
     * files by {@link UndoPlanner}, and for every undo file by {@link #plan}, so that {@code validate} refuses an undo
     * file that {@code undo} would refuse.
     */
    static Optional<PendingMigration> prepare(ResolvedMigration file, NonTransactionalFiles configured,
                                              List<Problem> problems) {
        NonTransactionalFiles mode = configured.forLayout(file.layout());
        List<SqlStatement> statements;
        ScriptLexicon lexicon;
        try {
            statements = SqlSplitter.split(file.content());
            lexicon = SqlSplitter.lexicon(file.content());
        } catch (SqlSyntaxException e) {
            problems.add(new Problem(ProblemKind.UNPARSEABLE, file.script(), file.version(),
                    file.path() + ":" + e.line() + ":" + e.column() + ": " + e.getMessage(),
                    "fix the file; nothing was applied"));
            return Optional.empty();
        }
        ScriptDirectives directives;
        try {
            directives = ScriptDirectives.parse(file.content(), lexicon, statements.stream().findFirst());
        } catch (ScriptDirectives.InvalidDirectiveException e) {
            problems.add(new Problem(ProblemKind.INVALID_DIRECTIVE, file.script(), file.version(),
                    file.path() + ":" + e.line() + ": " + e.getMessage(), "fix the directive; nothing was applied"));
            return Optional.empty();
        }
        if (!directives.transactionDeclared() && file.layout().runsWithoutTransaction(file.script())) {
            directives = directives.withoutTransaction();
        }
        if (mode == NonTransactionalFiles.DETECT && !directives.transactionDeclared() && !statements.isEmpty()
                && TransactionRequirement.allNeedNoTransaction(statements)) {
            directives = directives.withoutTransaction();
        }
        // A file without statements (empty, or only comments) is a no-op: it runs nothing and is recorded.
        Optional<Problem> refused = StatementChecks.firstRefusal(file, directives, statements, lexicon, mode);
        if (refused.isPresent()) {
            problems.add(refused.get());
            return Optional.empty();
        }
        return Optional.of(new PendingMigration(file, directives, statements));
    }

    private static PlanEntry entry(AppliedMigration row, ResolvedMigration file, MigrationState state) {
        String description = file != null ? file.description() : row.description();
        return new PlanEntry(row.version(), description, row.script(), state, file, row);
    }
}
