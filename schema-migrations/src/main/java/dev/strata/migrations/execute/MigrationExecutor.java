package dev.strata.migrations.execute;

import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.StatementTimeouts;
import dev.strata.migrations.history.HistoryTable;
import dev.strata.migrations.history.NewHistoryRow;
import dev.strata.migrations.plan.PendingMigration;
import dev.strata.migrations.resolve.ResolvedMigration;
import dev.strata.migrations.sql.SqlStatement;
import dev.strata.migrations.sql.TextPosition;
import dev.strata.migrations.execute.ConnectionLostException.Phase;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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

    /**
     * Applies in order and returns what was applied; stops at the first failure. Repeatable files are recorded with
     * type {@link MigrationType#REPEATABLE}.
     *
     * @param lock checked before each file is committed (and before a non-transactional file starts)
     * @throws MigrationFailedException when a statement fails
     * @throws ConnectionLostException when the connection or the lock's session is lost
     */
    public List<AppliedRun> apply(Connection connection, List<PendingMigration> pending, LockCheck lock)
            throws SQLException {
        return run(connection, pending, MigrationType.SQL, lock);
    }

    /**
     * Runs undo files in order, exactly as migrations are run (transaction, directives, timeouts), each recorded by a
     * history row of type {@link MigrationType#UNDO} for its version; stops at the first failure.
     */
    public List<AppliedRun> undo(Connection connection, List<PendingMigration> undos, LockCheck lock)
            throws SQLException {
        return run(connection, undos, MigrationType.UNDO, lock);
    }

    private List<AppliedRun> run(Connection connection, List<PendingMigration> pending, MigrationType type,
                                 LockCheck lock) throws SQLException {
        List<AppliedRun> applied = new ArrayList<>(pending.size());
        boolean autoCommit = connection.getAutoCommit();
        try {
            for (PendingMigration migration : pending) {
                listener.starting(migration.migration());
                StatementTimeouts timeouts = migration.directives().timeouts().over(runTimeouts);
                MigrationType recorded = migration.migration().isRepeatable() ? MigrationType.REPEATABLE : type;
                AppliedRun run = migration.directives().transactional()
                        ? applyInTransaction(connection, migration, recorded, timeouts, applied.size(), lock)
                        : applyWithoutTransaction(connection, migration, recorded, timeouts, applied.size(), lock);
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
                                          StatementTimeouts timeouts, int appliedSoFar, LockCheck lock)
            throws SQLException {
        ResolvedMigration migration = pending.migration();
        connection.setAutoCommit(false);
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            List<String> settings = timeoutSettings(timeouts, "set local ");
            if (StatementPipeline.applies(pending.statements())) {
                List<String> batch = new ArrayList<>(settings);
                pending.statements().forEach(sql -> batch.add(sql.executableSql()));
                // When the lock can be checked inside the transaction, the history row, the check and the commit
                // travel with the file: one round trip for the whole migration.
                Optional<String> guard = lock.guardStatement();
                if (guard.isPresent()) {
                    batch.addAll(closingStatements(migration, type, guard));
                }
                Phase phase = guard.isPresent() ? Phase.COMMITTING : Phase.APPLYING;
                Optional<SQLException> failed = send(statement, batch, phase, migration, appliedSoFar);
                if (failed.isEmpty()) {
                    if (guard.isEmpty()) {
                        recordAndCommit(connection, statement, migration, type, lock, appliedSoFar);
                    }
                    return appliedRun(pending, started);
                }
                rollbackQuietly(connection, failed.get());
                throwIfLockLost(failed.get(), migration, appliedSoFar);
                // Nothing of the batch stays: run the file again one statement at a time, which reports the failing
                // statement and its line exactly (or applies the file, if the failure passed).
            }
            executeEach(statement, settings);
            executeOneByOne(connection, statement, pending, type, appliedSoFar);
            recordAndCommit(connection, statement, migration, type, lock, appliedSoFar);
            return appliedRun(pending, started);
        } catch (SQLException e) {
            // Failed while recording or committing: nothing of this migration is committed.
            rollbackQuietly(connection, e);
            if (ConnectionLostException.isConnectionLoss(e)) {
                throw lost(Phase.APPLYING, migration, null, true, 0, appliedSoFar, e);
            }
            throw e;
        }
    }

    /** Records the file and commits, after its statements ran in the open transaction. */
    private void recordAndCommit(Connection connection, Statement statement, ResolvedMigration migration,
                                 MigrationType type, LockCheck lock, int appliedSoFar) throws SQLException {
        Optional<String> guard = lock.guardStatement();
        if (guard.isEmpty()) {
            verifyLock(lock, connection, migration, true, 0, appliedSoFar); // a round trip of its own, after the file
        }
        Optional<SQLException> failed = send(statement, closingStatements(migration, type, guard), Phase.COMMITTING,
                migration, appliedSoFar);
        if (failed.isPresent()) {
            rollbackQuietly(connection, failed.get());
            throwIfLockLost(failed.get(), migration, appliedSoFar);
            throw failed.get(); // e.g. a deferred constraint, checked at the commit
        }
    }

    /** The history row (its execution time measured by the server), the lock check if there is one, and the commit. */
    private List<String> closingStatements(ResolvedMigration migration, MigrationType type, Optional<String> guard) {
        List<String> closing = new ArrayList<>(3);
        closing.add(history.insertStatement(row(migration, type, OptionalInt.empty(), true, null)));
        guard.ifPresent(closing::add);
        closing.add("commit");
        return closing;
    }

    /**
     * Sends a batch. A connection lost meanwhile is reported for {@code phase}: while committing when the batch
     * holds the commit, since the server may have committed before the connection went.
     */
    private static Optional<SQLException> send(Statement statement, List<String> batch, Phase phase,
                                               ResolvedMigration migration, int appliedSoFar) {
        Optional<SQLException> failed;
        try {
            failed = StatementPipeline.execute(statement, batch);
        } catch (SQLException e) {
            failed = Optional.of(e);
        }
        if (failed.isPresent() && ConnectionLostException.isConnectionLoss(failed.get())) {
            throw lost(phase, migration, null, true, 0, appliedSoFar, failed.get());
        }
        return failed;
    }

    private static void throwIfLockLost(SQLException failure, ResolvedMigration migration, int appliedSoFar) {
        if (LockCheck.LOCK_LOST_STATE.equals(failure.getSQLState())) {
            throw ConnectionLostException.of(Phase.LOCK_LOST, migration.script(), null, migration.version(), true, 0,
                    appliedSoFar, failure);
        }
    }

    private static AppliedRun appliedRun(PendingMigration pending, long startedNanos) {
        ResolvedMigration migration = pending.migration();
        return new AppliedRun(migration.version(), migration.description(), migration.script(),
                pending.statements().size(), elapsedMs(startedNanos));
    }

    private static void executeOneByOne(Connection connection, Statement statement, PendingMigration pending,
                                        MigrationType type, int appliedSoFar) throws SQLException {
        for (SqlStatement sql : pending.statements()) {
            try {
                statement.execute(sql.executableSql());
            } catch (SQLException e) {
                rollbackQuietly(connection, e);
                if (ConnectionLostException.isConnectionLoss(e)) {
                    throw lost(Phase.APPLYING, pending.migration(), sql, true, 0, appliedSoFar,
                            e);
                }
                throw new MigrationFailedException(failure(pending.migration(), sql, e), appliedSoFar, true, 0, type, e);
            }
        }
    }

    private AppliedRun applyWithoutTransaction(Connection connection, PendingMigration pending, MigrationType type,
                                               StatementTimeouts timeouts, int appliedSoFar, LockCheck lock)
            throws SQLException {
        ResolvedMigration migration = pending.migration();
        // Without a transaction there is nothing to roll back, so the lock is checked before the first statement.
        verifyLock(lock, connection, migration, false, 0, appliedSoFar);
        connection.setAutoCommit(true);
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            executeEach(statement, timeoutSettings(timeouts, "set "));
            List<SqlStatement> statements = pending.statements();
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement sql = statements.get(i);
                try {
                    statement.execute(sql.executableSql());
                } catch (SQLException e) {
                    if (ConnectionLostException.isConnectionLoss(e)) {
                        throw lost(Phase.APPLYING, migration, sql, false, i, appliedSoFar, e);
                    }
                    SqlFailure failure = failure(migration, sql, e);
                    recordFailure(connection, migration, type, timeouts, failure, i, statements.size(),
                            elapsedMs(started), e);
                    throw new MigrationFailedException(failure, appliedSoFar, false, i, type, e);
                }
            }
            int executionMs = elapsedMs(started);
            try {
                resetTimeouts(statement, timeouts);
                history.insert(connection, row(migration, type, OptionalInt.of(executionMs), true, null));
            } catch (SQLException e) {
                if (ConnectionLostException.isConnectionLoss(e)) {
                    throw lost(Phase.APPLYING, migration, null, false, statements.size(),
                            appliedSoFar, e);
                }
                throw e;
            }
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
            history.insert(connection, row(migration, type, OptionalInt.of(executionMs), false, reached));
        } catch (SQLException recordingFailed) {
            cause.addSuppressed(recordingFailed); // e.g. the connection is gone: the rerun will find the schema as is
        }
    }

    private static void verifyLock(LockCheck lock, Connection connection, ResolvedMigration migration,
                                   boolean transactional, int statementsApplied, int appliedSoFar) {
        try {
            lock.verify();
        } catch (SQLException e) {
            if (transactional) {
                rollbackQuietly(connection, e);
            }
            throw ConnectionLostException.of(Phase.LOCK_LOST, migration.script(), null,
                    migration.version(), transactional, statementsApplied, appliedSoFar, e);
        }
    }

    private static ConnectionLostException lost(ConnectionLostException.Phase phase, ResolvedMigration migration,
                                                SqlStatement statement, boolean transactional, int statementsApplied,
                                                int appliedSoFar, SQLException cause) {
        String where = statement == null ? null : migration.path() + ":" + statement.line();
        return ConnectionLostException.of(phase, migration.script(), where, migration.version(), transactional,
                statementsApplied, appliedSoFar, cause);
    }

    private static NewHistoryRow row(ResolvedMigration migration, MigrationType type, OptionalInt executionMs,
                                     boolean success, String failure) {
        return new NewHistoryRow(migration.version(), migration.description(), type, migration.script(),
                migration.checksum().toString(), executionMs, success, migration.content(), failure);
    }

    private static List<String> timeoutSettings(StatementTimeouts timeouts, String set) {
        List<String> settings = new ArrayList<>(2);
        timeouts.statementTimeout().ifPresent(timeout -> settings.add(set + "statement_timeout = " + timeout.toMillis()));
        timeouts.lockTimeout().ifPresent(timeout -> settings.add(set + "lock_timeout = " + timeout.toMillis()));
        return settings;
    }

    private static void executeEach(Statement statement, List<String> statements) throws SQLException {
        for (String sql : statements) {
            statement.execute(sql);
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
