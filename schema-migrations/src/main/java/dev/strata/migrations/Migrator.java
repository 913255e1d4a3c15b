package dev.strata.migrations;

import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.RepairAction;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.execute.LockCheck;
import dev.strata.migrations.execute.MigrationExecutor;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.execute.progress.Interruption;
import dev.strata.migrations.history.ExistingObjects;
import dev.strata.migrations.history.HistoryTable;
import dev.strata.migrations.history.HistoryUnreadableException;
import dev.strata.migrations.history.NewHistoryRow;
import dev.strata.migrations.plan.EditedRows;
import dev.strata.migrations.plan.Planner;
import dev.strata.migrations.plan.PreparationCache;
import dev.strata.migrations.plan.RepairPlanner;
import dev.strata.migrations.plan.UndoPlan;
import dev.strata.migrations.plan.UndoPlanner;
import dev.strata.migrations.plan.UndoRefusedException;
import dev.strata.migrations.resolve.MigrationResolver;
import dev.strata.migrations.resolve.ResolvedMigrations;
import dev.strata.migrations.sql.SqlStates;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine's entry point: resolve files, read history once, compute the plan, and (for {@link #migrate()})
 * apply it under the advisory lock. Each step is its own class; this one only puts them in order and turns
 * JDBC failures into errors a user can act on.
 */
public final class Migrator {
    private final ConnectionSource connections;
    private final MigrationSettings settings;
    private final MigrationResolver resolver;
    private final HistoryTable history;
    private final MigrationExecutor executor;
    private final ExecutionListener listener;
    private final ClassLoader classLoader;
    private final Interruption interruption;
    private final LockSession lockSession;
    private final WritingSessions sessions;

    /** Where the migration lock is held while files run. */
    public enum LockSession {
        /** A connection of the lock's own: a run uses two, and the check before each commit is nearly free. */
        OWN,
        /**
         * The migration connection itself: a run uses one (what a fleet needs to run N targets on N connections),
         * and the check before each commit reads {@code pg_locks}.
         */
        MIGRATION
    }

    public Migrator(ConnectionSource connections, MigrationSettings settings) {
        this(connections, settings, Migrator.class.getClassLoader(), ExecutionListener.NONE);
    }

    public Migrator(ConnectionSource connections, MigrationSettings settings, ClassLoader classLoader,
                    ExecutionListener listener) {
        this(connections, settings, classLoader, listener, new Interruption());
    }

    /**
     * @param interruption lets another thread stop {@link #migrate()} or {@link #undo} (the CLI's SIGINT/SIGTERM
     *                     handler): the running statement is cancelled, and the file is rolled back or, without a
     *                     transaction, recorded as failed where it stopped
     */
    public Migrator(ConnectionSource connections, MigrationSettings settings, ClassLoader classLoader,
                    ExecutionListener listener, Interruption interruption) {
        this(connections, settings, classLoader, listener, interruption, LockSession.OWN);
    }

    private Migrator(ConnectionSource connections, MigrationSettings settings, ClassLoader classLoader,
                     ExecutionListener listener, Interruption interruption, LockSession lockSession) {
        this.classLoader = classLoader;
        this.interruption = interruption;
        this.lockSession = Objects.requireNonNull(lockSession, "lockSession");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = new MigrationResolver(Objects.requireNonNull(classLoader, "classLoader"), settings.layouts(),
                settings.skipGoMigrations());
        this.listener = Objects.requireNonNull(listener, "listener");
        this.history = new HistoryTable(settings.historyTable(), settings.recordContent());
        this.sessions = new WritingSessions(connections, settings.historyTable(), settings.lockTimeout(),
                lockSession);
        this.executor = new MigrationExecutor(history, settings.timeouts(),
                Objects.requireNonNull(listener, "listener"), Objects.requireNonNull(interruption, "interruption"));
    }

    /** The same migrator with the migration lock held on {@code session}. */
    public Migrator withLockSession(LockSession session) {
        return new Migrator(connections, settings, classLoader, listener, interruption, session);
    }

    /** The files, after telling the listener how they were read (the layout auto detected). */
    private ResolvedMigrations resolve() {
        ResolvedMigrations resolved = resolver.resolve(settings.locations());
        resolved.notes().forEach(listener::resolution);
        resolved.skippedGoSteps().forEach(listener::skipped);
        return resolved;
    }

    public MigrationSettings settings() {
        return settings;
    }

    /** The plan as of now, changing nothing (the history table is not even created). */
    public MigrationPlan plan() {
        try (HistoryPrefetch prefetch = startHistoryPrefetch(connections::openInAutocommit)) {
            ResolvedMigrations resolved = resolve();
            HistoryPrefetch.Prefetched prefetched = prefetch.get();
            try (Connection connection = prefetched.connection()) {
                return planWith(connection, resolved, prefetched.history(), new PreparationCache(settings.nonTransactional()));
            } catch (SQLException e) {
                throw historyReadFailed(e);
            }
        }
    }

    /**
     * Checks files and history; pending migrations are fine, problems are not.
     *
     * @throws ValidationFailedException listing every problem
     */
    public MigrationPlan validate() {
        MigrationPlan plan = plan();
        if (plan.hasProblems()) {
            throw new ValidationFailedException(plan);
        }
        return plan;
    }

    /**
     * Applies every pending migration, each in its own transaction, while holding the migration lock.
     *
     * @throws ValidationFailedException when the plan has problems (nothing is applied)
     * @throws dev.strata.migrations.execute.MigrationFailedException when a migration fails (it is rolled back)
     * @throws dev.strata.migrations.lock.LockTimeoutException when another run holds the lock past lock_timeout
     * @throws dev.strata.migrations.lock.HotStandbyException when the database is a hot standby (also when nothing
     *                                                        is pending: it is the wrong server for this command)
     * @throws dev.strata.migrations.lock.ReadOnlySessionException when the session is read-only
     *                                                             ({@code default_transaction_read_only})
     */
    public MigrateResult migrate() {
        long started = System.nanoTime();
        try (HistoryPrefetch prefetch = startHistoryPrefetch(() -> sessions.openForWriting("migrate"))) {
            ResolvedMigrations resolved = resolve();
            return migrate(prefetch.get(), resolved, started);
        }
    }

    private MigrateResult migrate(HistoryPrefetch.Prefetched prefetched, ResolvedMigrations resolved, long started) {
        // Planned twice, before the lock and under it: the files are split once.
        PreparationCache prepared = new PreparationCache(settings.nonTransactional());
        try (Connection connection = prefetched.connection()) {
            MigrationPlan current = planWith(connection, resolved, prefetched.history(), prepared);
            if (current.pending().isEmpty() && !current.hasProblems()) {
                // Up to date: every row read was committed, so no run can be half-way through anything this one
                // would do. Answering without the lock spares the up-to-date case (most deploys) a second connection.
                return new MigrateResult(current, List.of(), Duration.ofNanos(System.nanoTime() - started));
            }
            return sessions.underLock("migrating " + connections.description(), connection,
                    (migrationConnection, lock) -> migrate(migrationConnection, lock, resolved, prepared, started));
        } catch (SQLException e) {
            throw historyReadFailed(e);
        }
    }

    /** The run itself, under the lock: planned again, since another run may have applied files meanwhile. */
    private MigrateResult migrate(Connection connection, LockCheck lock, ResolvedMigrations resolved,
                                  PreparationCache prepared, long started) throws SQLException {
        MigrationPlan plan = planWith(connection, resolved, history.readAll(connection), prepared);
        if (plan.hasProblems()) {
            throw new ValidationFailedException(plan);
        }
        if (!plan.pending().isEmpty()) {
            refuseUnknownDatabase(connection);
            // Only now: a refused plan must leave the database exactly as it was.
            createHistoryTable(connection);
        }
        List<AppliedFile> applied = executor.apply(connection, plan.pending(), lock);
        return new MigrateResult(plan, applied, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Undoes the newest applied migration, or every applied migration newer than {@code to}, newest first, by running
     * their {@code U<version>__<description>.sql} files while holding the migration lock. Each undo file runs in its
     * own transaction (unless it says {@code -- strata:transaction=false}) together with a history row of type
     * {@link MigrationType#UNDO}, after which its version counts as not applied.
     *
     * @throws ValidationFailedException when the plan has problems (nothing is undone)
     * @throws UndoRefusedException when an undo file is missing or cannot run, a baseline is in the way, or {@code to}
     *                              is newer than the newest applied version (nothing is undone)
     * @throws dev.strata.migrations.execute.MigrationFailedException when an undo file fails (it is rolled back; the
     *                                                                undo files before it stay undone)
     */
    public UndoResult undo(Optional<Version> to) {
        Objects.requireNonNull(to, "to");
        long started = System.nanoTime();
        ResolvedMigrations resolved = resolve();
        return sessions.underLock("undo", "undoing migrations in " + connections.description(), (connection, lock) -> {
            MigrationPlan plan = planWith(connection, resolved);
            if (plan.hasProblems()) {
                throw new ValidationFailedException(plan);
            }
            UndoPlan undo = UndoPlanner.plan(plan, resolved, to, settings.nonTransactional());
            List<AppliedFile> undone = executor.undo(connection, undo.steps(), lock);
            return new UndoResult(plan, undone, undo.target(), Duration.ofNanos(System.nanoTime() - started));
        });
    }

    /**
     * Adopts an existing database: records {@code version} as applied (type BASELINE) without running the files up
     * to it; later files are applied by {@link #migrate()}.
     *
     * @throws BaselineRefusedException when the history already has rows
     */
    public HistoryRow baseline(Version version, String description) {
        Objects.requireNonNull(version, "version");
        return sessions.underLock("baseline", "recording a baseline in " + connections.description(), (connection, lock) -> {
            List<HistoryRow> rows = history.readAll(connection);
            if (!rows.isEmpty()) {
                throw new BaselineRefusedException(settings.historyTable().toString(), rows.size());
            }
            history.createIfMissing(connection);
            history.insert(connection, new NewHistoryRow(new MigrationId.Versioned(version), description,
                    MigrationType.BASELINE, "<< baseline >>", "none", 0, true, null));
            return history.readAll(connection).get(0);
        });
    }

    /**
     * After an intended edit: records the files' current checksums for edited rows and removes failed rows, in one
     * transaction. Other problems (missing, future, bad files) are left for the user to fix.
     */
    public List<RepairAction> repair() {
        ResolvedMigrations resolved = resolve();
        return sessions.underLock("repair", "repairing the history in " + connections.description(),
                (connection, lock) -> repair(connection, resolved));
    }

    /** Under the lock: the actions of the plan as of now, applied in one transaction. */
    private List<RepairAction> repair(Connection connection, ResolvedMigrations resolved) throws SQLException {
        List<RepairAction> actions = RepairPlanner.actions(planWith(connection, resolved));
        if (actions.isEmpty()) {
            return actions;
        }
        connection.setAutoCommit(false);
        try {
            for (RepairAction action : actions) {
                if (action.kind() == RepairAction.Kind.REALIGNED_CHECKSUM) {
                    ResolvedMigration file = action.file().orElseThrow();
                    history.realign(connection, action.installedRank(), action.after(), file.description(),
                            file.content());
                } else {
                    history.delete(connection, action.installedRank());
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return actions;
    }

    /**
     * A first run on a schema that already holds objects would re-run every file over what is there (files written
     * with IF NOT EXISTS pass, and get recorded as if they had built it), so it is refused unless allowed.
     */
    private void refuseUnknownDatabase(Connection connection) throws SQLException {
        if (settings.allowNonEmpty() || history.exists(connection)) {
            return;
        }
        List<String> schemas = ExistingObjects.targetSchemas(connection, settings.historyTable().schema());
        ExistingObjects.Found found = ExistingObjects.in(connection, schemas);
        if (!found.isEmpty()) {
            throw new NonEmptySchemaException(settings.historyTable().toString(), schemas, found.total(),
                    found.shown());
        }
    }

    private void createHistoryTable(Connection connection) {
        try {
            history.createIfMissing(connection);
        } catch (SQLException e) {
            throw translate("creating the history table " + settings.historyTable(), e);
        }
    }


    private MigrationPlan planWith(Connection connection, ResolvedMigrations resolved) throws SQLException {
        return planWith(connection, resolved, history.readAll(connection), new PreparationCache(settings.nonTransactional()));
    }

    private MigrationPlan planWith(Connection connection, ResolvedMigrations resolved, List<HistoryRow> rows,
                                  PreparationCache prepared) throws SQLException {
        Map<Integer, String> appliedContent = appliedContent(connection, EditedRows.of(resolved, rows));
        return new Planner(settings.outOfOrder(), prepared).plan(resolved, rows, appliedContent);
    }

    /** Opens a connection with {@code open} and reads the history on another thread, while this one reads files. */
    private HistoryPrefetch startHistoryPrefetch(Supplier<Connection> open) {
        return HistoryPrefetch.start(open, connection -> {
            try {
                return history.readAll(connection);
            } catch (SQLException e) {
                throw historyReadFailed(e);
            }
        });
    }

    /** What the rows the plan will call edited recorded when applied, by installed rank, read for those rows only. */
    private Map<Integer, String> appliedContent(Connection connection, List<HistoryRow> edited)
            throws SQLException {
        Map<Integer, String> content = new HashMap<>();
        for (HistoryRow row : edited) {
            history.readContent(connection, row.installedRank())
                    .ifPresent(text -> content.put(row.installedRank(), text));
        }
        return content;
    }

    private RuntimeException historyReadFailed(SQLException e) {
        if (SqlStates.cannotConnect(e)) {
            return new DatabaseConnectionException(connections.description(), e);
        }
        return new HistoryUnreadableException(settings.historyTable(), e);
    }

    private RuntimeException translate(String action, SQLException e) {
        return sessions.translate(action, e);
    }
}
