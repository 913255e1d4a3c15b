package dev.strata.migrations;

import dev.strata.migrations.core.StrataException;

import java.sql.SQLException;

/** A statement of Strata's own bookkeeping failed, e.g. creating the history table without privileges. */
public final class DatabaseOperationException extends StrataException {
    public DatabaseOperationException(String action, SQLException cause) {
        super(action + " failed: " + cause.getMessage()
                        + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]"),
                "42501".equals(cause.getSQLState())
                        ? "grant the migrating role the privileges it needs (CREATE on the schema), or use another role"
                        : "check the server's log and try again", cause);
    }
}
