package dev.strata.migrations.sql;

import java.sql.SQLException;

/**
 * What a failed call's SQLSTATE says about the connection, in one place: whether the database could not be reached
 * (a connection error, exit code 3) or a statement failed on a live session, and whether a session that was in use
 * has ended. Every step that turns an {@link SQLException} into a Strata error asks here, so the same state never
 * gets two readings.
 */
public final class SqlStates {

    /** The reading of one SQLSTATE. */
    public enum Cause {
        /** Class 08: the connection could not be made, or broke (refused, reset, closed). */
        CONNECTION_EXCEPTION,
        /**
         * 57P01-57P05 and any later 57P code: the server ended the session or takes none now (shut down, crashed,
         * starting up, the database dropped, the idle session timeout).
         */
        SESSION_ENDED,
        /** Class 28: the login was refused (wrong password, no such role, pg_hba.conf). */
        LOGIN_REFUSED,
        /** 3D000: the database named in the URL does not exist. */
        DATABASE_MISSING,
        /** 53300: every connection slot of the server is taken. */
        TOO_MANY_CONNECTIONS,
        /** No SQLSTATE: the driver (or a pool) failed before a server answered. */
        NO_ANSWER,
        /**
         * Any other state: a statement failed on a live session, e.g. a lock timeout (55P03), a read-only server
         * (25006), a serialization failure (40001) or a missing privilege (42501).
         */
        STATEMENT_FAILED
    }

    private SqlStates() {
    }

    public static Cause cause(SQLException error) {
        return cause(error.getSQLState());
    }

    /** @param sqlState the state as the driver gives it, which is null when it has none */
    public static Cause cause(String sqlState) {
        if (sqlState == null) {
            return Cause.NO_ANSWER;
        }
        if (sqlState.startsWith("08")) {
            return Cause.CONNECTION_EXCEPTION;
        }
        if (sqlState.startsWith("57P")) {
            return Cause.SESSION_ENDED;
        }
        if (sqlState.startsWith("28")) {
            return Cause.LOGIN_REFUSED;
        }
        return switch (sqlState) {
            case "3D000" -> Cause.DATABASE_MISSING;
            case "53300" -> Cause.TOO_MANY_CONNECTIONS;
            default -> Cause.STATEMENT_FAILED;
        };
    }

    /**
     * Whether the database could not be reached, logged into, or kept, as opposed to a statement that failed: the
     * error is reported as a connection problem, whose fix is in the URL, the credentials or the server.
     */
    public static boolean cannotConnect(SQLException error) {
        return cause(error) != Cause.STATEMENT_FAILED;
    }

    /**
     * Whether the session that was in use has ended: what ran on it is gone with it (an open transaction rolled back,
     * a session-level lock released). A missing state is not read as a loss: the server may still hold the session.
     */
    public static boolean sessionEnded(SQLException error) {
        Cause cause = cause(error);
        return cause == Cause.CONNECTION_EXCEPTION || cause == Cause.SESSION_ENDED;
    }
}
