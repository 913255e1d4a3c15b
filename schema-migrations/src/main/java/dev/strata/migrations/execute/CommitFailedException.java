package dev.strata.migrations.execute;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;
import dev.strata.migrations.resolve.ResolvedMigration;

import java.sql.SQLException;

/**
 * Every statement of a transactional file ran, but recording its history row or committing failed (a deferred
 * constraint checked at the commit, or the history table made unwritable by the file), so the transaction was rolled
 * back and nothing of the file remains.
 */
public final class CommitFailedException extends StrataException {
    private final String script;

    CommitFailedException(FailureContext context, String historyTable, SQLException cause) {
        this(context.file(), historyTable, context.filesApplied(), cause);
    }

    private CommitFailedException(ResolvedMigration migration, String historyTable, int appliedSoFar,
                                  SQLException cause) {
        super(migration.path() + ": its statements ran, but recording it in " + historyTable + " and committing"
                        + " failed" + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]")
                        + ": " + MigrationExecutor.serverMessage(cause)
                        + "\n  The transaction was rolled back: the schema and the history are as before this file.",
                hint(migration, historyTable, cause.getSQLState(), appliedSoFar), cause);
        this.script = migration.script();
    }

    private static String hint(ResolvedMigration migration, String historyTable, String sqlState, int appliedSoFar) {
        String earlier = appliedSoFar > 0 ? " (the " + appliedSoFar
                + " migration(s) before it in this run were applied and recorded)" : "";
        String cause = "42501".equals(sqlState)
                ? "the migrating role may not write " + historyTable + " (Strata resets the session's role before"
                        + " recording, so a REVOKE or ALTER in " + migration.script() + ", or missing grants, took it"
                        + " away): grant INSERT on it to the migrating role, or migrate as its owner"
                : sqlState != null && sqlState.startsWith("23")
                        ? "a deferred constraint failed at the commit: fix the data or statements of "
                                + migration.script()
                        : "fix the cause above";
        return cause + ", then run `strata migrate` again" + earlier;
    }

    public String script() {
        return script;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.MIGRATION_FAILED;
    }
}
