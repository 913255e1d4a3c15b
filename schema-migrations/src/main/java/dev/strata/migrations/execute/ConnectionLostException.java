package dev.strata.migrations.execute;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.StrataException;

import java.sql.SQLException;

/**
 * The connection was lost while a migration ran: the server was restarted or shut down, an administrator ended the
 * session ({@code pg_terminate_backend}), the network dropped, or the migration lock's own session ended. Not the
 * file's fault, so it is reported apart from {@link MigrationFailedException}: the fix is to run again, not to edit.
 * The message says exactly what state the file was left in.
 */
public final class ConnectionLostException extends StrataException {
    /** Where the run was when the connection went. */
    public enum Phase {
        /** Running a statement of the file, or recording its history row. */
        APPLYING,
        /** Committing the file's transaction: the outcome is unknown to the client. */
        COMMITTING,
        /** The session holding the migration lock ended, so the run stopped before committing the file. */
        LOCK_LOST
    }

    private final String script;
    private final MigrationId id;
    private final Phase phase;
    private final int appliedBeforeFailure;

    private ConnectionLostException(String message, String hint, String script, MigrationId id, Phase phase,
                                    int appliedBeforeFailure, SQLException cause) {
        super(message, hint, cause);
        this.script = script;
        this.id = id;
        this.phase = phase;
        this.appliedBeforeFailure = appliedBeforeFailure;
    }

    /**
     * @param context the file and how far it got (for a non-transactional file, the statements completed before the
     *                loss)
     * @param where   {@code path:line} of the statement that was running, or null when between statements
     */
    static ConnectionLostException of(Phase phase, FailureContext context, String where, SQLException cause) {
        String script = context.file().script();
        MigrationId id = context.file().id();
        boolean transactional = context.transactional();
        int statementsApplied = context.statementsApplied();
        int appliedBeforeFailure = context.filesApplied();
        String reason = cause.getMessage() + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]");
        String what = switch (phase) {
            case APPLYING -> "lost the connection to the database while applying " + script + " (" + id.describe()
                    + ")" + (where == null ? "" : " at " + where);
            case COMMITTING -> "lost the connection to the database while committing " + script + " ("
                    + id.describe() + ")";
            case LOCK_LOST -> "lost the migration lock while applying " + script + " (" + id.describe()
                    + "): the session holding it ended, so another run could start; stopped before committing";
        };
        String state;
        if (!transactional && phase == Phase.LOCK_LOST) {
            state = "This file runs without a transaction and was stopped before its first statement: nothing of it"
                    + " ran.";
        } else if (!transactional) {
            state = "This file runs without a transaction: " + (statementsApplied == 0 ? "no statement"
                    : statementsApplied == 1 ? "statement 1" : "statements 1-" + statementsApplied)
                    + " of it completed and stay applied" + (where == null ? ""
                    : ", the one at " + where + " may or may not have completed")
                    + ", and no history row was recorded for it.";
        } else if (phase == Phase.COMMITTING) {
            state = "PostgreSQL either committed the file together with its history row or rolled both back, never"
                    + " half: `strata status` shows which.";
        } else {
            state = "PostgreSQL rolls back the open transaction of a session that ends: nothing of " + script
                    + " was applied and the history is as before it.";
        }
        String earlier = appliedBeforeFailure == 0 ? ""
                : " The " + context.command().earlier(appliedBeforeFailure) + ".";
        String hint = "check that the server is up (it may have been restarted, or the session ended by an"
                + " administrator), then run `" + context.command().invocation() + "` again: it continues with "
                + script
                + (phase == Phase.COMMITTING ? " unless it was committed" : "")
                + (transactional ? "" : ", from its first statement, so it must be safe to re-run (IF NOT EXISTS)");
        return new ConnectionLostException(what + ": " + reason + "\n  " + state + earlier, hint, script, id,
                phase, appliedBeforeFailure, cause);
    }

    public String script() {
        return script;
    }

    public MigrationId id() {
        return id;
    }

    public Phase phase() {
        return phase;
    }

    public int appliedBeforeFailure() {
        return appliedBeforeFailure;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CANNOT_CONNECT;
    }
}
