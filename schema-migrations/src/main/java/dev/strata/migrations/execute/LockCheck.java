package dev.strata.migrations.execute;

import java.sql.SQLException;

/**
 * Confirms that the run still holds the migration lock. The lock lives on a session of its own; if that session
 * ends (server restart, {@code pg_terminate_backend}, network), PostgreSQL releases the lock and another run may
 * start, so each file is checked before it is committed.
 */
@FunctionalInterface
public interface LockCheck {
    /** For callers that hold no lock (tests of the executor alone). */
    LockCheck NONE = () -> { };

    /** @throws SQLException when the lock's session is gone or no longer holds the lock */
    void verify() throws SQLException;
}
