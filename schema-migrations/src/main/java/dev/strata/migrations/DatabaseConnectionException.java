package dev.strata.migrations;

import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;
import dev.strata.migrations.sql.SqlStates;

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
        if (find(cause, UnknownHostException.class) != null) {
            return "check the host name in the URL (and the DNS of this machine)";
        }
        return switch (SqlStates.cause(cause)) {
            case NO_ANSWER, CONNECTION_EXCEPTION ->
                    "check that the server is running and the host and port in the URL are right";
            case LOGIN_REFUSED -> "check the user and password ([database] user/password or the URL)";
            case DATABASE_MISSING -> "create the database first, or fix the database name in the URL";
            case SESSION_ENDED, TOO_MANY_CONNECTIONS, STATEMENT_FAILED -> "check the server's state and try again";
        };
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CANNOT_CONNECT;
    }
}
