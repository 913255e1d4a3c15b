package dev.strata.migrations;

import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

import java.net.UnknownHostException;
import java.sql.SQLException;

/** Strata could not connect to the database, or lost the connection outside a migration. */
public final class DatabaseConnectionException extends StrataException {
    public DatabaseConnectionException(String database, SQLException cause) {
        // The driver's text is masked where it is written: a message may quote a URL or a key=value string.
        super("cannot connect to " + database + ": " + DatabaseUrl.redact(describe(cause))
                        + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]"),
                hintFor(cause), cause);
    }

    /** SQLSTATE classes that mean "could not reach or log in", as opposed to a failing statement. */
    public static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("28") || state.equals("3D000")
                || state.startsWith("57P");
    }

    /**
     * The driver's message, plus the network error under it when the driver only says "The connection attempt
     * failed." (an unknown host, a timeout), which alone does not tell the user what to fix.
     */
    private static String describe(SQLException cause) {
        UnknownHostException unknownHost = find(cause, UnknownHostException.class);
        if (unknownHost != null) {
            return "unknown host " + unknownHost.getMessage() + " (the name does not resolve)";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause || root.getMessage() == null ? cause.getMessage()
                : cause.getMessage() + " (" + root.getMessage() + ")";
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String hintFor(SQLException cause) {
        String sqlState = cause.getSQLState();
        if (find(cause, UnknownHostException.class) != null) {
            return "check the host name in the URL (and the DNS of this machine)";
        }
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

    @Override
    public ErrorKind kind() {
        return ErrorKind.CANNOT_CONNECT;
    }
}
