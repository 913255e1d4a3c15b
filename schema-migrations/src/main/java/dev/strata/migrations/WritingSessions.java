package dev.strata.migrations;

import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.execute.DeadClientCheck;
import dev.strata.migrations.execute.LockCheck;
import dev.strata.migrations.lock.AdvisoryLock;
import dev.strata.migrations.lock.SessionCheck;
import dev.strata.migrations.sql.SqlStates;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

/**
 * The sessions of the commands that write: opened only on a server that takes writes, and their work run while the
 * migration lock is held (on a connection of its own, or on the migration session for a fleet); JDBC failures become
 * errors that name the database.
 */
final class WritingSessions {
    private final ConnectionSource connections;
    private final SchemaTable historyTable;
    private final Duration lockTimeout;
    private final Migrator.LockSession lockSession;

    WritingSessions(ConnectionSource connections, SchemaTable historyTable, Duration lockTimeout,
                    Migrator.LockSession lockSession) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.historyTable = Objects.requireNonNull(historyTable, "historyTable");
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
        this.lockSession = Objects.requireNonNull(lockSession, "lockSession");
    }

    /** Work that runs on the migration connection while the advisory lock is held. */
    @FunctionalInterface
    interface LockedWork<T> {
        T run(Connection connection, LockCheck lock) throws SQLException;
    }

    /** @param command the command that writes, as the user runs it: how a refusal names it */
    <T> T underLock(String command, String action, LockedWork<T> work) {
        try (Connection connection = openForWriting(command)) {
            return underLock(action, connection, work);
        } catch (SQLException e) {
            throw translate(action, e);
        }
    }

    /** Work on an open migration connection while the advisory lock is held on a connection of its own. */
    <T> T underLock(String action, Connection connection, LockedWork<T> work) {
        if (lockSession == Migrator.LockSession.MIGRATION) {
            return underLockOnSession(action, connection, work);
        }
        try (Connection lockConnection = connections.openInAutocommit()) {
            try (DeadClientCheck ignored = DeadClientCheck.enable(connection);
                 AdvisoryLock lock = AdvisoryLock.acquire(lockConnection,
                         AdvisoryLock.keyFor(currentDatabase(lockConnection), historyTable),
                         lockTimeout)) {
                SessionCheck.refuseTransactionPooling(connection, lockConnection, connections.description());
                return work.run(connection, lock);
            }
        } catch (SQLException e) {
            throw translate(action, e);
        }
    }

    /** Work on an open migration connection while the advisory lock is held on that same connection. */
    private <T> T underLockOnSession(String action, Connection connection, LockedWork<T> work) {
        try (DeadClientCheck ignored = DeadClientCheck.enable(connection);
             AdvisoryLock lock = AdvisoryLock.acquireOnMigrationSession(connection,
                     AdvisoryLock.keyFor(currentDatabase(connection), historyTable),
                     lockTimeout, connections.description())) {
            SessionCheck.refuseTransactionPooling(connection, connections.description());
            return work.run(connection, lock);
        } catch (SQLException e) {
            throw translate(action, e);
        }
    }

    /**
     * The session of a command that writes, refused on a hot standby before anything is planned, locked or created:
     * the one check for every writer of {@link Migrator}, on the connection its work then runs on.
     */
    Connection openForWriting(String command) {
        Connection connection = connections.openInAutocommit();
        try {
            SessionCheck.refuseReadOnly(connection, command, connections.description());
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e instanceof SQLException sql ? translate("checking that " + connections.description()
                    + " takes writes", sql) : (RuntimeException) e;
        }
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_database()")) {
            result.next();
            return result.getString(1);
        }
    }

    RuntimeException translate(String action, SQLException e) {
        if (SqlStates.cannotConnect(e)) {
            return new DatabaseConnectionException(connections.description(), e);
        }
        return new DatabaseOperationException(action, e);
    }
}
