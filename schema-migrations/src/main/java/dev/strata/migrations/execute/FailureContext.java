package dev.strata.migrations.execute;

import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.ResolvedMigration;

import java.util.Objects;

/**
 * Where a run stands while one file runs, which is what every way of stopping there (a failing statement, a failed
 * commit, a lost connection or lock, a signal) reports: the file, whether it runs in a transaction, how many of its
 * statements have completed, and how many files this run applied before it.
 *
 * @param file              the file that runs
 * @param type              what its history row records: {@link MigrationType#UNDO} for an undo file
 * @param command           the command whose run this is, which a hint tells the user to run again
 * @param transactional     whether the file runs in one transaction (so a failure leaves nothing of it)
 * @param statementsApplied statements of a non-transactional file that completed and stay applied; 0 when
 *                          transactional, since a rollback leaves none
 * @param filesApplied      files this run applied and recorded before this one
 */
public record FailureContext(ResolvedMigration file, MigrationType type, RunCommand command, boolean transactional,
                             int statementsApplied, int filesApplied) {
    public FailureContext {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(command, "command");
        if (statementsApplied < 0 || filesApplied < 0) {
            throw new IllegalArgumentException("negative count: " + statementsApplied + ", " + filesApplied);
        }
        if (transactional && statementsApplied != 0) {
            throw new IllegalArgumentException("a transactional file keeps no statement when it fails");
        }
    }

    /** A file about to start, no statement of it run yet. */
    static FailureContext starting(ResolvedMigration file, MigrationType type, RunCommand command,
                                   boolean transactional, int filesApplied) {
        return new FailureContext(file, type, command, transactional, 0, filesApplied);
    }

    /** The same file once {@code count} of its statements have completed (outside a transaction). */
    FailureContext afterStatements(int count) {
        return new FailureContext(file, type, command, transactional, transactional ? 0 : count, filesApplied);
    }

    /** {@code  (the 2 migration(s) before it in this run were applied and recorded)}, or empty for the first file. */
    String earlierFiles() {
        return filesApplied == 0 ? "" : " (the " + command.earlier(filesApplied) + ")";
    }
}
