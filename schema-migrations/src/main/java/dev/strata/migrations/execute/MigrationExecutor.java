package dev.strata.migrations.execute;

import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.StatementTimeouts;
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
 * Applies pending migrations one by one. A transactional file runs in one transaction together with its history
 * row, so it is either fully applied and recorded or not at all. A file marked {@code -- strata:transaction=false}
 * runs statement by statement in autocommit; if one fails, a failed history row records the last statement reached.
 */
public final class MigrationExecutor {
    private final HistoryTable history;
    private final StatementTimeouts runTimeouts;
    private final ExecutionListener listener;

    public MigrationExecutor(HistoryTable history, StatementTimeouts runTimeouts, ExecutionListener listener) {
        this.history = history;
        this.runTimeouts = runTimeouts;
        this.listener = listener;
    }

    /** Applies in order and returns what was applied; stops at the first failure. */
    public List<AppliedRun> apply(Connection connection, List<PendingMigration> pending) throws SQLException {
        return run(connection, pending, MigrationType.SQL);
    }

    /**
     * Runs undo files in order, exactly as migrations are run (transaction, directives, timeouts), each recorded by a
     * history row of type {@link MigrationType#UNDO} for its version; stops at the first failure.
     */
    public List<AppliedRun> undo(Connection connection, List<PendingMigration> undos) throws SQLException {
        return run(connection, undos, MigrationType.UNDO);
    }

    private List<AppliedRun> run(Connection connection, List<PendingMigration> pending, MigrationType type)
            throws SQLException {
        List<AppliedRun> applied = new ArrayList<>(pending.size());
        boolean autoCommit = connection.getAutoCommit();
        try {
            for (PendingMigration migration : pending) {
                listener.starting(migration.migration());
                StatementTimeouts timeouts = migration.directives().timeouts().over(runTimeouts);
                AppliedRun run = migration.directives().transactional()
                        ? applyInTransaction(connection, migration, type, timeouts, applied.size())
                        : applyWithoutTransaction(connection, migration, type, timeouts, applied.size());
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

    private AppliedRun applyInTransaction(Connection connection, PendingMigration pending, MigrationType type,
                                          StatementTimeouts timeouts, int appliedSoFar) throws SQLException {
        ResolvedMigration migration = pending.migration();
        connection.setAutoCommit(false);
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            applyTimeouts(statement, timeouts, "set local ");
            boolean pipelined = StatementPipeline.applies(pending.statements());
            if (pipelined && !StatementPipeline.execute(statement, pending.statements())) {
                // The batch failed and nothing of it stays: run the file again one statement at a time, which
                // reports the failing statement and its line exactly (or applies the file, if the failure passed).
                connection.rollback();
                applyTimeouts(statement, timeouts, "set local ");
                pipelined = false;
            }
            if (!pipelined) {
                executeOneByOne(connection, statement, pending, type, appliedSoFar);
            }
            int executionMs = elapsedMs(started);
            history.insert(connection, row(migration, type, executionMs, true, null));
            connection.commit();
            return new AppliedRun(migration.version(), migration.description(), migration.script(),
                    pending.statements().size(), executionMs);
        } catch (SQLException e) {
            // Failed while recording or committing: nothing of this migration is committed.
            rollbackQuietly(connection, e);
            throw e;
        }
    }

    private static void executeOneByOne(Connection connection, Statement statement, PendingMigration pending,
                                        MigrationType type, int appliedSoFar) throws SQLException {
        for (SqlStatement sql : pending.statements()) {
            try {
                statement.execute(sql.sql());
            } catch (SQLException e) {
                rollbackQuietly(connection, e);
                throw new MigrationFailedException(failure(pending.migration(), sql, e), appliedSoFar, true, 0, type, e);
            }
        }
    }

    private AppliedRun applyWithoutTransaction(Connection connection, PendingMigration pending, MigrationType type,
                                               StatementTimeouts timeouts, int appliedSoFar) throws SQLException {
        ResolvedMigration migration = pending.migration();
        connection.setAutoCommit(true);
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            applyTimeouts(statement, timeouts, "set ");
            List<SqlStatement> statements = pending.statements();
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement sql = statements.get(i);
                try {
                    statement.execute(sql.sql());
                } catch (SQLException e) {
                    SqlFailure failure = failure(migration, sql, e);
                    recordFailure(connection, migration, type, timeouts, failure, i, statements.size(),
                            elapsedMs(started), e);
                    throw new MigrationFailedException(failure, appliedSoFar, false, i, type, e);
                }
            }
            resetTimeouts(statement, timeouts);
            int executionMs = elapsedMs(started);
            history.insert(connection, row(migration, type, executionMs, true, null));
            return new AppliedRun(migration.version(), migration.description(), migration.script(),
                    statements.size(), executionMs);
        }
    }

    private void recordFailure(Connection connection, ResolvedMigration migration, MigrationType type,
                               StatementTimeouts timeouts, SqlFailure failure, int index, int total, int executionMs,
                               SQLException cause) {
        String reached = "statement " + (index + 1) + " of " + total + " (line " + failure.statementLine()
                + ") failed" + (failure.sqlState() == null ? "" : " [SQLSTATE " + failure.sqlState() + "]") + ": "
                + failure.message();
        try (Statement statement = connection.createStatement()) {
            resetTimeouts(statement, timeouts);
            history.insert(connection, row(migration, type, executionMs, false, reached));
        } catch (SQLException recordingFailed) {
            cause.addSuppressed(recordingFailed); // e.g. the connection is gone: the rerun will find the schema as is
        }
    }

    private static NewHistoryRow row(ResolvedMigration migration, MigrationType type, int executionMs, boolean success,
                                     String failure) {
        return new NewHistoryRow(migration.version(), migration.description(), type, migration.script(),
                migration.checksum().toString(), executionMs, success, migration.content(), failure);
    }

    private static void applyTimeouts(Statement statement, StatementTimeouts timeouts, String set) throws SQLException {
        if (timeouts.statementTimeout().isPresent()) {
            statement.execute(set + "statement_timeout = " + timeouts.statementTimeout().get().toMillis());
        }
        if (timeouts.lockTimeout().isPresent()) {
            statement.execute(set + "lock_timeout = " + timeouts.lockTimeout().get().toMillis());
        }
    }

    /** Session-level settings of a non-transactional file must not leak into the next file. */
    private static void resetTimeouts(Statement statement, StatementTimeouts timeouts) throws SQLException {
        if (timeouts.statementTimeout().isPresent()) {
            statement.execute("reset statement_timeout");
        }
        if (timeouts.lockTimeout().isPresent()) {
            statement.execute("reset lock_timeout");
        }
    }

    private static int elapsedMs(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
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
