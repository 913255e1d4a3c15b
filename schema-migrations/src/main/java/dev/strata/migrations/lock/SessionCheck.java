package dev.strata.migrations.lock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the session of a command that writes must be: a primary's that may write, not a hot standby's nor a read-only
 * one, checked once when the session is opened; and its own, not a transaction pooler's, checked once the lock is
 * taken.
 *
 * <p>A transaction-mode pooler between Strata and the server is detected once the lock is taken. Directly, and through
 * a session-mode pooler, each of the run's two connections keeps its own server session; through a transaction-mode
 * pooler, a statement runs on whichever server session is free, so the session that took the lock may not answer the
 * lock connection's next statement, or may be the one serving the migration connection. Either proves the lock is not
 * held where Strata needs it; neither can happen on a session of its own, so the check never refuses a direct run.
 */
public final class SessionCheck {
    private SessionCheck() {
    }

    /**
     * Refuses a session that cannot write before anything is planned, locked or created on it: on a hot standby, or
     * with {@code default_transaction_read_only} on, every write fails (SQLSTATE 25006), the first one being the
     * history table's creation or the first file, which would read as a failed migration rather than a command run
     * against the wrong server or with the wrong settings.
     *
     * @param command  the command that would write, as the user runs it ({@code migrate}, {@code adopt}, …)
     * @param database how messages name the database (never with a password)
     * @throws HotStandbyException       when the session's server is in recovery
     * @throws ReadOnlySessionException when the server is a primary but the session's transactions are read-only
     */
    public static void refuseReadOnly(Connection session, String command, String database) throws SQLException {
        try (Statement statement = session.createStatement();
             ResultSet row = statement.executeQuery("select pg_catalog.pg_is_in_recovery(),"
                     + " pg_catalog.current_setting('transaction_read_only')")) {
            row.next();
            if (row.getBoolean(1)) {
                throw new HotStandbyException(command, database);
            }
            if ("on".equals(row.getString(2))) {
                throw new ReadOnlySessionException(command, database);
            }
        }
    }

    /**
     * @throws TransactionPoolingException when the lock's session is not kept
     */
    public static void refuseTransactionPooling(Connection migration, Connection lock, String database)
            throws SQLException {
        int lockPid = refuseTransactionPooling(lock, database);
        try (Statement statement = migration.createStatement();
             ResultSet row = statement.executeQuery("select pg_catalog.pg_backend_pid()")) {
            row.next();
            if (row.getInt(1) == lockPid) {
                throw new TransactionPoolingException(database, "the migration connection and the lock connection"
                        + " were served by the same server session, pid " + lockPid);
            }
        }
    }

    /**
     * The check for a lock taken on the connection it protects (a fleet's): the session answering the next statement
     * must be the one holding it. A pooler that happens to hand it back is caught later, by the check before each
     * commit, which runs in the migration's own transaction.
     *
     * @return the pid of the session holding the lock
     * @throws TransactionPoolingException when the lock's session is not kept
     */
    public static int refuseTransactionPooling(Connection lock, String database) throws SQLException {
        try (Statement statement = lock.createStatement();
             ResultSet row = statement.executeQuery("select pg_catalog.pg_backend_pid(), exists (select from"
                     + " pg_catalog.pg_locks where locktype = 'advisory' and granted and pid = pg_catalog.pg_backend_pid())")) {
            row.next();
            int lockPid = row.getInt(1);
            if (!row.getBoolean(2)) {
                throw new TransactionPoolingException(database, "the server session answering the lock connection,"
                        + " pid " + lockPid + ", does not hold the lock taken on it a statement earlier");
            }
            return lockPid;
        }
    }
}
