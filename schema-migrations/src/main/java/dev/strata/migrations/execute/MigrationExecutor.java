package dev.strata.migrations.execute;

import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.core.StatementTimeouts;
import dev.strata.migrations.execute.ConnectionLostException.Phase;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.execute.progress.Interruption;
import dev.strata.migrations.history.HistoryTable;
import dev.strata.migrations.history.NewHistoryRow;
import dev.strata.migrations.sql.SqlSplitter;
import dev.strata.migrations.sql.SqlStates;
import dev.strata.migrations.sql.TextPosition;
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
 * runs statement by statement in autocommit ({@link NonTransactionalRun}). Each file starts from the session state
 * the run started with ({@link SessionReset}), and the server's notices are passed on with their file and line.
 */
public final class MigrationExecutor {
    private final HistoryTable history;
    private final StatementTimeouts runTimeouts;
    private final ExecutionListener listener;
    private final Interruption interruption;
    private final RunningStatement running = new RunningStatement();

    public MigrationExecutor(HistoryTable history, StatementTimeouts runTimeouts, ExecutionListener listener) {
        this(history, runTimeouts, listener, new Interruption());
    }

    /** @param interruption how the run is stopped from another thread (SIGINT/SIGTERM in the CLI) */
    public MigrationExecutor(HistoryTable history, StatementTimeouts runTimeouts, ExecutionListener listener,
                             Interruption interruption) {
        this.history = history;
        this.runTimeouts = runTimeouts;
        this.listener = listener;
        this.interruption = interruption;
    }

    /**
     * Applies in order and returns what was applied; stops at the first failure. Repeatable files are recorded with
     * type {@link MigrationType#REPEATABLE}.
     *
     * @param lock checked before each file is committed (and before a non-transactional file starts)
     * @throws MigrationFailedException when a statement fails
     * @throws MigrationInterruptedException when the {@link Interruption} stopped the run
     * @throws ConnectionLostException when the connection or the lock's session is lost
     */
    public List<AppliedFile> apply(Connection connection, List<PendingMigration> pending, LockCheck lock)
            throws SQLException {
        return run(connection, pending, MigrationType.SQL, RunCommand.MIGRATE, lock);
    }

    /**
     * Runs undo files in order, exactly as migrations are run (transaction, directives, timeouts), each recorded by a
     * history row of type {@link MigrationType#UNDO} for its version; stops at the first failure.
     */
    public List<AppliedFile> undo(Connection connection, List<PendingMigration> undos, LockCheck lock)
            throws SQLException {
        return run(connection, undos, MigrationType.UNDO, RunCommand.UNDO, lock);
    }

    private List<AppliedFile> run(Connection connection, List<PendingMigration> pending, MigrationType type,
                                  RunCommand command, LockCheck lock) throws SQLException {
        List<AppliedFile> applied = new ArrayList<>(pending.size());
        if (pending.isEmpty()) {
            return applied;
        }
        boolean autoCommit = connection.getAutoCommit();
        // While the run lasts, a stop cancels the statement it is running.
        Interruption.Forwarding stopping = interruption.forwardTo(reason -> running.cancel());
        try {
            SessionReset reset = SessionReset.capture(connection);
            for (PendingMigration migration : pending) {
                Optional<String> stopped = interruption.reason();
                if (stopped.isPresent()) {
                    throw new MigrationInterruptedException(stopped.get(), stopped.get() + " stopped the run before "
                            + migration.migration().script() + ": it and the files after it were not started",
                            "run `" + command.invocation() + "` again",
                            applied.size(), null);
                }
                StatementTimeouts timeouts = migration.directives().timeouts().over(runTimeouts);
                MigrationType recorded = migration.migration().id() instanceof MigrationId.Repeatable
                        ? MigrationType.REPEATABLE : type;
                FailureContext context = FailureContext.starting(migration.migration(), recorded, command,
                        migration.directives().transactional(), applied.size());
                listener.starting(migration.migration());
                AppliedFile run;
                try {
                    run = context.transactional()
                            ? applyInTransaction(connection, migration, context, timeouts, lock, reset)
                            : new NonTransactionalRun(this, connection, migration, context, reset).apply(timeouts,
                                    lock);
                } catch (SQLException | RuntimeException e) {
                    listener.stopped(migration.migration());
                    throw e;
                }
                applied.add(run);
                listener.applied(run);
            }
        } finally {
            stopping.close();
            running.set(null);
            if (!connection.isClosed()) {
                connection.setAutoCommit(autoCommit);
            }
        }
        return applied;
    }

    private AppliedFile applyInTransaction(Connection connection, PendingMigration pending, FailureContext context,
                                          StatementTimeouts timeouts, LockCheck lock, SessionReset reset)
            throws SQLException {
        ResolvedMigration migration = pending.migration();
        List<SqlStatement> statements = pending.statements();
        connection.setAutoCommit(false);
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            running.set(statement);
            List<String> settings = timeoutSettings(timeouts, "set local ");
            // A file without statements (a no-op) has nothing to send ahead of its history row.
            if (!statements.isEmpty() && StatementPipeline.applies(statements)) {
                List<String> batch = new ArrayList<>(settings);
                statements.forEach(sql -> batch.add(SqlSplitter.executableSql(sql)));
                // When the lock can be checked inside the transaction, the session reset, the history row, the check
                // and the commit travel with the file: one round trip for the whole migration.
                Optional<String> guard = lock.guardStatement();
                if (guard.isPresent()) {
                    batch.addAll(closingStatements(context, guard, reset));
                }
                Phase phase = guard.isPresent() ? Phase.COMMITTING : Phase.APPLYING;
                Optional<StatementPipeline.Failure> failed = send(statement, batch, phase, context);
                int firstLine = statements.get(0).line();
                if (failed.isEmpty()) {
                    Notices.drain(statement, migration, firstLine, statements.get(statements.size() - 1).line(),
                            listener);
                    if (guard.isEmpty()) {
                        recordAndCommit(connection, statement, context, lock, reset);
                    }
                    return appliedFile(pending, started);
                }
                SQLException error = failed.get().error();
                rollbackQuietly(connection, error);
                throwIfLockLost(error, context);
                throwIfInterrupted(context, null, error);
                OptionalInt entry = failed.get().entry();
                if (entry.isPresent() && entry.getAsInt() >= settings.size()) {
                    int index = entry.getAsInt() - settings.size();
                    if (index >= statements.size()) {
                        throw new CommitFailedException(context, history.name().toString(), error);
                    }
                    SqlStatement failing = statements.get(index);
                    Notices.drain(statement, migration, firstLine, failing.line(), listener);
                    throw new MigrationFailedException(failure(migration, failing, error), context, error);
                }
                // pgjdbc did not say which entry failed: find it by running the file again one statement at a time
                // (it stops at the failing one, and the transaction is rolled back again).
                Notices.discard(statement);
            }
            executeEach(statement, settings);
            executeOneByOne(connection, statement, pending, context);
            recordAndCommit(connection, statement, context, lock, reset);
            return appliedFile(pending, started);
        } catch (SQLException e) {
            // Failed while recording or committing: nothing of this migration is committed.
            rollbackQuietly(connection, e);
            if (SqlStates.sessionEnded(e)) {
                throw lost(Phase.APPLYING, context, null, e);
            }
            throw e;
        } finally {
            running.set(null);
        }
    }

    /** Records the file and commits, after its statements ran in the open transaction. */
    private void recordAndCommit(Connection connection, Statement statement, FailureContext context, LockCheck lock,
                                 SessionReset reset) throws SQLException {
        Optional<String> guard = lock.guardStatement();
        if (guard.isEmpty()) {
            verifyLock(lock, connection, context); // a round trip of its own, after the file
        }
        Optional<StatementPipeline.Failure> failed = send(statement, closingStatements(context, guard, reset),
                Phase.COMMITTING, context);
        Notices.discard(statement);
        if (failed.isPresent()) {
            SQLException error = failed.get().error();
            rollbackQuietly(connection, error);
            throwIfLockLost(error, context);
            throwIfInterrupted(context, null, error);
            throw new CommitFailedException(context, history.name().toString(), error);
        }
    }

    /**
     * The session reset, the history row (its execution time measured by the server), the lock check if there is
     * one, and the commit. The reset comes first, so that the history row is written with the run's own role and
     * settings whatever the file set, and commits with the file.
     */
    private List<String> closingStatements(FailureContext context, Optional<String> guard, SessionReset reset) {
        List<String> closing = new ArrayList<>(reset.statements());
        closing.add(history.insertStatement(row(context.file(), context.type(), OptionalInt.empty(), true, null)));
        guard.ifPresent(closing::add);
        closing.add("commit");
        return closing;
    }

    /**
     * Sends a batch. A connection lost meanwhile is reported for {@code phase}: while committing when the batch
     * holds the commit, since the server may have committed before the connection went.
     */
    private static Optional<StatementPipeline.Failure> send(Statement statement, List<String> batch, Phase phase,
                                                            FailureContext context) {
        Optional<StatementPipeline.Failure> failed;
        try {
            failed = StatementPipeline.execute(statement, batch);
        } catch (SQLException e) {
            failed = Optional.of(new StatementPipeline.Failure(e, OptionalInt.empty()));
        }
        if (failed.isPresent() && SqlStates.sessionEnded(failed.get().error())) {
            throw lost(phase, context, null, failed.get().error());
        }
        return failed;
    }

    private static void throwIfLockLost(SQLException failure, FailureContext context) {
        if (LockCheck.LOCK_LOST_STATE.equals(failure.getSQLState())) {
            throw ConnectionLostException.of(Phase.LOCK_LOST, context, null, failure);
        }
    }

    /** After a transactional file's statement failed and was rolled back: was it stopped from outside? */
    private void throwIfInterrupted(FailureContext context, SqlStatement statement, SQLException cause) {
        Optional<String> stopped = interruption.reason();
        if (stopped.isPresent()) {
            ResolvedMigration migration = context.file();
            String where = statement == null ? "" : " at line " + statement.line();
            throw new MigrationInterruptedException(stopped.get(), stopped.get() + " stopped the run during "
                    + migration.path() + where + ": its transaction was rolled back, so the schema and the history"
                    + " are as before this file",
                    "run `" + context.command().invocation() + "` again: " + migration.script()
                            + " and the files after it are still pending" + context.earlierFiles(),
                    context.filesApplied(), cause);
        }
    }

    private static AppliedFile appliedFile(PendingMigration pending, long startedNanos) {
        ResolvedMigration migration = pending.migration();
        return new AppliedFile(migration.id(), migration.description(), migration.script(),
                pending.statements().size(), elapsedMs(startedNanos));
    }

    private void executeOneByOne(Connection connection, Statement statement, PendingMigration pending,
                                 FailureContext context) throws SQLException {
        for (SqlStatement sql : pending.statements()) {
            try {
                statement.execute(SqlSplitter.executableSql(sql));
                Notices.drain(statement, pending.migration(), sql.line(), sql.line(), listener);
            } catch (SQLException e) {
                Notices.drain(statement, pending.migration(), sql.line(), sql.line(), listener);
                rollbackQuietly(connection, e);
                if (SqlStates.sessionEnded(e)) {
                    throw lost(Phase.APPLYING, context, sql, e);
                }
                throwIfInterrupted(context, sql, e);
                throw new MigrationFailedException(failure(pending.migration(), sql, e), context, e);
            }
        }
    }

    // --- shared with NonTransactionalRun ------------------------------------------------------------------------

    HistoryTable history() {
        return history;
    }

    ExecutionListener listener() {
        return listener;
    }

    Interruption interruption() {
        return interruption;
    }

    RunningStatement running() {
        return running;
    }

    static void verifyLock(LockCheck lock, Connection connection, FailureContext context) {
        try {
            lock.verify();
        } catch (SQLException e) {
            if (context.transactional()) {
                rollbackQuietly(connection, e);
            }
            throw ConnectionLostException.of(Phase.LOCK_LOST, context, null, e);
        }
    }

    /** @param statement the statement that was running, or null when the connection went between statements */
    static ConnectionLostException lost(Phase phase, FailureContext context, SqlStatement statement,
                                        SQLException cause) {
        String where = statement == null ? null : context.file().path() + ":" + statement.line();
        return ConnectionLostException.of(phase, context, where, cause);
    }

    static NewHistoryRow row(ResolvedMigration migration, MigrationType type, OptionalInt executionMs,
                             boolean success, String failure) {
        return new NewHistoryRow(migration.id(), migration.description(), type, migration.script(),
                migration.checksum().toString(), executionMs, success, migration.content(), failure);
    }

    static List<String> timeoutSettings(StatementTimeouts timeouts, String set) {
        List<String> settings = new ArrayList<>(2);
        timeouts.statementTimeout().ifPresent(timeout -> settings.add(set + "statement_timeout = " + timeout.toMillis()));
        timeouts.lockTimeout().ifPresent(timeout -> settings.add(set + "lock_timeout = " + timeout.toMillis()));
        return settings;
    }

    static void executeEach(Statement statement, List<String> statements) throws SQLException {
        for (String sql : statements) {
            statement.execute(sql);
        }
    }

    static int elapsedMs(long startedNanos) {
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

    /** The server's own message, without pgjdbc's "ERROR: " prefix and position suffix when it has one. */
    static String serverMessage(SQLException error) {
        ServerErrorMessage server = error instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return server != null && server.getMessage() != null ? server.getMessage() : error.getMessage();
    }

    static SqlFailure failure(ResolvedMigration migration, SqlStatement statement, SQLException error) {
        ServerErrorMessage server = error instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        int position = server == null ? 0 : server.getPosition();
        // PostgreSQL counts the 1-based position in characters (code points), Java strings in UTF-16 units.
        String sql = statement.sql();
        TextPosition at = position > 0 && position - 1 <= sql.codePointCount(0, sql.length())
                ? TextPosition.of(migration.content(), statement.startOffset() + sql.offsetByCodePoints(0, position - 1))
                : new TextPosition(statement.line(), statement.column());
        return new SqlFailure(migration.script(), migration.path(), migration.id(), at.line(), at.column(),
                error.getSQLState(), serverMessage(error),
                server == null ? null : server.getDetail(),
                server == null ? null : server.getHint(),
                server == null ? null : server.getWhere(),
                statement.sql(), statement.line());
    }
}
