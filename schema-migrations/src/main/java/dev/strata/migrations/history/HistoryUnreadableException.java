package dev.strata.migrations.history;

import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/**
 * The history table exists but cannot be read: the role may not read it, it is some other table of that name, or a
 * row holds a value Strata cannot parse. Nothing was changed; the front end gives it its own exit code.
 */
public final class HistoryUnreadableException extends StrataException {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String UNDEFINED_COLUMN = "42703";
    private static final String DATATYPE_MISMATCH = "42804";

    /** The server refused the read. */
    public HistoryUnreadableException(SchemaTable table, SQLException cause) {
        super("cannot read the history table " + table + ": " + serverMessage(cause)
                + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]"), hint(table, cause), cause);
    }

    /** The table is another migration tool's history table. */
    HistoryUnreadableException(SchemaTable table, ForeignHistoryTable foreign, SQLException cause) {
        super("cannot read the history table " + table + ": it is " + foreign.tool() + "'s history table, not"
                + " Strata's (" + serverMessage(cause) + ")", foreign.advice(table.toString()), cause);
    }

    /** Whether the read failed because the table lacks Strata's columns (or has them with other types). */
    static boolean isMissingColumns(SQLException e) {
        return UNDEFINED_COLUMN.equals(e.getSQLState()) || DATATYPE_MISMATCH.equals(e.getSQLState());
    }

    /** A row holds a value this version of Strata cannot read. */
    public HistoryUnreadableException(SchemaTable table, int installedRank, String problem, Throwable cause) {
        super("cannot read the history table " + table + ": row installed_rank " + installedRank + " " + problem,
                "the row was not written by Strata (or was edited by hand): correct or delete it in " + table
                        + ", then run the command again", cause);
    }

    private static String hint(SchemaTable table, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        return switch (state) {
            case INSUFFICIENT_PRIVILEGE -> "grant the role SELECT on " + table + " (and INSERT, UPDATE, DELETE to"
                    + " migrate), or connect as the role that owns it";
            case UNDEFINED_COLUMN, DATATYPE_MISMATCH -> table + " is not a Strata history table (it lacks Strata's"
                    + " columns): set [migrations] table to another name, or rename that table";
            default -> "check the server's log, and that " + table + " is Strata's history table";
        };
    }

    /** PostgreSQL's own sentence, without the driver's "ERROR:" prefix and "Position:" line. */
    private static String serverMessage(SQLException cause) {
        ServerErrorMessage server = cause instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return server != null && server.getMessage() != null ? server.getMessage() : cause.getMessage();
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.HISTORY_UNREADABLE;
    }
}
