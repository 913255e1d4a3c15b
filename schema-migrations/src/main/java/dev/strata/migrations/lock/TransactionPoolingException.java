package dev.strata.migrations.lock;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/**
 * The connections go through a pooler that hands a client a different server session per transaction (PgBouncer's
 * {@code pool_mode = transaction}): a session-level advisory lock protects nothing there, so nothing was run.
 */
public final class TransactionPoolingException extends StrataException {
    public TransactionPoolingException(String database, String evidence) {
        super("refusing to migrate " + database + ": the connection goes through a pooler in transaction mode"
                        + " (such as PgBouncer with pool_mode = transaction), where the migration lock, a session-level"
                        + " advisory lock, does not stay with its session (" + evidence + "); nothing was run",
                "connect Strata to PostgreSQL directly, or to a pooler database entry in session mode (PgBouncer:"
                        + " pool_mode = session for the database Strata uses, e.g. a second [databases] entry"
                        + " app_migrate = host=… dbname=app pool_mode=session)");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.REFUSED;
    }
}
