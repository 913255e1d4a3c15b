package dev.strata.migrations.execute;

import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.execute.progress.ServerNotice;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/** Hands the server's notices that pgjdbc collected on a statement to the listener, then clears them. */
final class Notices {
    private Notices() {
    }

    /** Passes on every notice collected on {@code statement} since the last call, placing it at the given lines. */
    static void drain(Statement statement, ResolvedMigration migration, int firstLine, int lastLine,
                      ExecutionListener listener) throws SQLException {
        SQLWarning warning = statement.getWarnings();
        if (warning == null) {
            return;
        }
        for (; warning != null; warning = warning.getNextWarning()) {
            ServerErrorMessage server = warning instanceof PSQLWarning psql ? psql.getServerErrorMessage() : null;
            String severity = server != null && server.getSeverity() != null ? server.getSeverity() : "WARNING";
            String message = server != null && server.getMessage() != null ? server.getMessage()
                    : warning.getMessage();
            listener.notice(new ServerNotice(migration, firstLine, lastLine, severity, message));
        }
        statement.clearWarnings();
    }

    /** Drops what the reset and history statements may have raised: they are Strata's, not the file's. */
    static void discard(Statement statement) throws SQLException {
        statement.clearWarnings();
    }
}
