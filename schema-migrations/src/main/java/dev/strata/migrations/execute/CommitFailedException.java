package dev.strata.migrations.execute;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

import java.sql.SQLException;

/**
 * Every statement of a transactional file ran, but recording its history row or committing failed (a deferred
 * constraint checked at the commit, or the history table made unwritable by the file), so the transaction was rolled
 * back and nothing of the file remains.
 */
public final class CommitFailedException extends StrataException {
    private final String script;

    CommitFailedException(FailureContext context, String historyTable, SQLException cause) {
        super(context.file().path() + ": its statements ran, but recording it in " + historyTable + " and committing"
                        + " failed" + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]")
                        + ": " + MigrationExecutor.serverMessage(cause)
                        + "\n  The transaction was rolled back: the schema and the history are as before this file.",
                hint(context, historyTable, cause.getSQLState()), cause);
        this.script = context.file().script();
    }

    private static String hint(FailureContext context, String historyTable, String sqlState) {
        String script = context.file().script();
        String cause = "42501".equals(sqlState)
                ? "the migrating role may not write " + historyTable + " (Strata resets the session's role before"
                        + " recording, so a REVOKE or ALTER in " + script + ", or missing grants, took it"
                        + " away): grant INSERT on it to the migrating role, or migrate as its owner"
                : sqlState != null && sqlState.startsWith("23")
                        ? "a deferred constraint failed at the commit: fix the data or statements of " + script
                        : "fix the cause above";
        return cause + ", then run `" + context.command().invocation() + "` again" + context.earlierFiles();
    }

    public String script() {
        return script;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.MIGRATION_FAILED;
    }
}
