package dev.strata.migrations.execute;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Confirms that the run still holds the migration lock. The lock lives on a session of its own; if that session
 * ends (server restart, {@code pg_terminate_backend}, network), PostgreSQL releases the lock and another run may
 * start, so each file is checked before it is committed.
 */
public interface LockCheck {
    /** The SQLSTATE with which a {@link #guardStatement() guard statement} fails when the lock is no longer held. */
    String LOCK_LOST_STATE = "SL001";

    /** For callers that hold no lock (tests of the executor alone, drift's replay in a scratch database). */
    LockCheck NONE = new LockCheck() {
        @Override
        public void verify() {
        }

        @Override
        public Optional<String> guardStatement() {
            return Optional.empty();
        }
    };

    /**
     * A round trip on the lock's own session.
     *
     * @throws SQLException when the lock's session is gone or no longer holds the lock
     */
    void verify() throws SQLException;

    /**
     * A statement for the migration's own transaction that fails with SQLSTATE {@link #LOCK_LOST_STATE} when the lock
     * is no longer held. Run just before the commit, in the same round trip, it makes the check free; empty when
     * only {@link #verify()} can tell.
     */
    Optional<String> guardStatement();
}
