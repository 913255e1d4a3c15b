package dev.strata.migrations.execute;

import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.history.HistoryTable;
import dev.strata.migrations.history.NewHistoryRow;
import dev.strata.migrations.plan.PendingMigration;
import dev.strata.migrations.resolve.ResolvedMigration;
import dev.strata.migrations.sql.SqlStatement;
import dev.strata.migrations.sql.TextPosition;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies pending migrations one by one, each in its own transaction together with its history row, so a
 * migration is either fully applied and recorded or not at all.
 */
public final class MigrationExecutor {
    private final HistoryTable history;
    private final ExecutionListener listener;

    public MigrationExecutor(HistoryTable history, ExecutionListener listener) {
        this.history = history;
        this.listener = listener;
    }

    /** Applies in order and returns what was applied; stops at the first failure. */
    public List<AppliedRun> apply(Connection connection, List<PendingMigration> pending) throws SQLException {
        List<AppliedRun> applied = new ArrayList<>(pending.size());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (PendingMigration migration : pending) {
                listener.starting(migration.migration());
                AppliedRun run = applyOne(connection, migration, applied.size());
                applied.add(run);
                listener.applied(run);
            }
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(autoCommit);
            }
        }
        return applied;
    }

    private AppliedRun applyOne(Connection connection, PendingMigration pending, int appliedSoFar)
            throws SQLException {
        ResolvedMigration migration = pending.migration();
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            for (SqlStatement sql : pending.statements()) {
                try {
                    statement.execute(sql.sql());
                } catch (SQLException e) {
                    rollbackQuietly(connection, e);
                    throw new MigrationFailedException(failure(migration, sql, e), appliedSoFar, e);
                }
            }
            int executionMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
            history.insert(connection, new NewHistoryRow(migration.version(), migration.description(),
                    MigrationType.SQL, migration.script(), migration.checksum().toString(), executionMs, true,
                    migration.content()));
            connection.commit();
            return new AppliedRun(migration.version(), migration.description(), migration.script(),
                    pending.statements().size(), executionMs);
        } catch (SQLException e) {
            // Failed while recording or committing: nothing of this migration is committed.
            rollbackQuietly(connection, e);
            throw e;
        }
    }

    private static void rollbackQuietly(Connection connection, SQLException cause) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    static SqlFailure failure(ResolvedMigration migration, SqlStatement statement, SQLException error) {
        ServerErrorMessage server = error instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        int position = server == null ? 0 : server.getPosition();
        // PostgreSQL counts the 1-based position in characters (code points), Java strings in UTF-16 units.
        String sql = statement.sql();
        TextPosition at = position > 0 && position - 1 <= sql.codePointCount(0, sql.length())
                ? TextPosition.of(migration.content(), statement.startOffset() + sql.offsetByCodePoints(0, position - 1))
                : new TextPosition(statement.line(), statement.column());
        String message = server != null && server.getMessage() != null ? server.getMessage() : error.getMessage();
        return new SqlFailure(migration.script(), migration.path(), migration.version(), at.line(), at.column(),
                error.getSQLState(), message,
                server == null ? null : server.getDetail(),
                server == null ? null : server.getHint(),
                server == null ? null : server.getWhere(),
                statement.sql(), statement.line());
    }
}
