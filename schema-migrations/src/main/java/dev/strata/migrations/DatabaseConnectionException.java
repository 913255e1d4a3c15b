package dev.strata.migrations;

import dev.strata.migrations.core.StrataException;

import java.sql.SQLException;

/** Strata could not connect to the database, or lost the connection outside a migration. */
public final class DatabaseConnectionException extends StrataException {
    public DatabaseConnectionException(String database, SQLException cause) {
        super("cannot connect to " + database + ": " + cause.getMessage()
                        + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]"),
                hintFor(cause.getSQLState()), cause);
    }

    /** SQLSTATE classes that mean "could not reach or log in", as opposed to a failing statement. */
    static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("28") || state.equals("3D000")
                || state.startsWith("57P");
    }

    private static String hintFor(String sqlState) {
        if (sqlState == null || sqlState.startsWith("08")) {
            return "check that the server is running and the host and port in the URL are right";
        }
        if (sqlState.startsWith("28")) {
            return "check the user and password ([database] user/password or the URL)";
        }
        if (sqlState.equals("3D000")) {
            return "create the database first, or fix the database name in the URL";
        }
        return "check the server's state and try again";
    }
}
