package dev.strata.migrations;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** A statement of Strata's own bookkeeping failed, e.g. creating the history table without privileges. */
public final class DatabaseOperationException extends StrataException {
    public DatabaseOperationException(String action, SQLException cause) {
        super(action + " failed: " + serverMessage(cause)
                        + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]"),
                "42501".equals(cause.getSQLState())
                        ? "grant the migrating role the privileges it needs (CREATE on the schema), or use another role"
                        : "check the server's log and try again", cause);
    }

    /** PostgreSQL's own sentence, without the driver's "ERROR:" prefix and "Position:" line about Strata's SQL. */
    private static String serverMessage(SQLException cause) {
        ServerErrorMessage server = cause instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return server != null && server.getMessage() != null ? server.getMessage() : cause.getMessage();
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.HISTORY_UNREADABLE;
    }
}
