package dev.strata.migrations.execute;

import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.core.StatementTimeouts;
import dev.strata.migrations.execute.ConnectionLostException.Phase;
import dev.strata.migrations.execute.progress.Interruption;
import dev.strata.migrations.sql.SqlSplitter;
import dev.strata.migrations.sql.SqlStates;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code -- strata:transaction=false} file, statement by statement in autocommit. Whatever ends it (the last
 * statement, a failing one, or an {@link Interruption}), the session is reset and a history row records the outcome:
 * success, or the last statement reached and why it stopped there.
 */
final class NonTransactionalRun {
    private final MigrationExecutor executor;
    private final Connection connection;
    private final PendingMigration pending;
    private final ResolvedMigration migration;
    private final FailureContext context;
    private final SessionReset reset;

    NonTransactionalRun(MigrationExecutor executor, Connection connection, PendingMigration pending,
                        FailureContext context, SessionReset reset) {
        this.executor = executor;
        this.connection = connection;
        this.pending = pending;
        this.migration = pending.migration();
        this.context = context;
        this.reset = reset;
    }

    AppliedFile apply(StatementTimeouts timeouts, LockCheck lock) throws SQLException {
        // Without a transaction there is nothing to roll back, so the lock is checked before the first statement.
        MigrationExecutor.verifyLock(lock, connection, context);
        connection.setAutoCommit(true);
        long started = System.nanoTime();
        Interruption interruption = executor.interruption();
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            executor.running().set(statement);
            MigrationExecutor.executeEach(statement, MigrationExecutor.timeoutSettings(timeouts, "set "));
            List<SqlStatement> statements = pending.statements();
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement sql = statements.get(i);
                Optional<String> stopped = interruption.reason();
                if (stopped.isPresent()) {
                    throw interrupted(stopped.get(), i, sql, "was not started", null, started);
                }
                try {
                    statement.execute(SqlSplitter.executableSql(sql));
                    Notices.drain(statement, migration, sql.line(), sql.line(), executor.listener());
                } catch (SQLException e) {
                    if (SqlStates.sessionEnded(e)) {
                        throw MigrationExecutor.lost(Phase.APPLYING, context.afterStatements(i), sql, e);
                    }
                    Notices.drain(statement, migration, sql.line(), sql.line(), executor.listener());
                    stopped = interruption.reason();
                    if (stopped.isPresent()) {
                        throw interrupted(stopped.get(), i, sql, "was cancelled", e, started);
                    }
                    SqlFailure failure = MigrationExecutor.failure(migration, sql, e);
                    recordFailure("statement " + (i + 1) + " of " + statements.size() + " (line "
                            + failure.statementLine() + ") failed" + (failure.sqlState() == null ? ""
                            : " [SQLSTATE " + failure.sqlState() + "]") + ": " + failure.message(), started, e);
                    throw new MigrationFailedException(failure, context.afterStatements(i), e);
                }
            }
            int executionMs = MigrationExecutor.elapsedMs(started);
            try {
                record(OptionalInt.of(executionMs), true, null);
            } catch (SQLException e) {
                if (SqlStates.sessionEnded(e)) {
                    throw MigrationExecutor.lost(Phase.APPLYING, context.afterStatements(statements.size()), null,
                            e);
                }
                throw e;
            }
            return new AppliedFile(migration.id(), migration.description(), migration.script(),
                    statements.size(), executionMs);
        } finally {
            executor.running().set(null);
        }
    }

    private MigrationInterruptedException interrupted(String reason, int index, SqlStatement sql, String what,
                                                      SQLException cause, long started) {
        int total = pending.statements().size();
        String reached = "statement " + (index + 1) + " of " + total + " (line " + sql.line() + ") " + what
                + " when " + reason + " stopped the run";
        SQLException recordCause = cause != null ? cause : new SQLException(reached);
        recordFailure(reached, started, recordCause);
        String kept = index == 0 ? "no statement of it was applied"
                : (index == 1 ? "statement 1 stays applied" : "statements 1-" + index + " stay applied");
        return new MigrationInterruptedException(reason, reason + " stopped the run during " + migration.path()
                + ": " + reached + ".\n  This file runs without a transaction: " + kept
                + ", and a failed history row records where it stopped.",
                "check what it changed, make " + migration.script() + " safe to run again from the top (e.g. IF NOT"
                        + " EXISTS), then run `strata repair` to remove the failed row and `"
                        + context.command().invocation() + "`" + context.earlierFiles(),
                context.filesApplied(), recordCause);
    }

    private void recordFailure(String reached, long started, SQLException cause) {
        try {
            record(OptionalInt.of(MigrationExecutor.elapsedMs(started)), false, reached);
        } catch (SQLException recordingFailed) {
            cause.addSuppressed(recordingFailed); // e.g. the connection is gone: the rerun will find the schema as is
        }
    }

    /** Resets the session, then writes the history row: one round trip, each statement committing on its own. */
    private void record(OptionalInt executionMs, boolean success, String failure) throws SQLException {
        List<String> batch = new ArrayList<>(reset.statements());
        batch.add(executor.history().insertStatement(MigrationExecutor.row(migration, context.type(), executionMs,
                success, failure)));
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            Optional<StatementPipeline.Failure> failed = StatementPipeline.execute(statement, batch);
            if (failed.isPresent()) {
                throw failed.get().error();
            }
        }
    }
}
