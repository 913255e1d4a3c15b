package dev.strata.migrations.drift;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.DatabaseOperationException;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.execute.MigrationExecutor;
import dev.strata.migrations.execute.MigrationFailedException;
import dev.strata.migrations.history.HistoryTable;
import dev.strata.migrations.plan.MigrationPlan;
import dev.strata.migrations.plan.MigrationState;
import dev.strata.migrations.plan.PendingMigration;
import dev.strata.migrations.plan.PlanEntry;
import dev.strata.migrations.plan.Planner;
import dev.strata.migrations.resolve.ResolvedMigration;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a live database with the schema its migrations produce: reads the database's plan, replays into an empty
 * scratch database exactly the migrations the database has applied (so a database that is merely behind is not
 * drifted), reads both catalogs and compares them.
 *
 * <p>What counts as applied is the engine's own rule ({@link MigrationPlan}): a version's last history row decides,
 * so an undone version is not replayed; files at or below a baseline are replayed as the schema the baseline stands
 * for. The files run in the order the database applied them, by the engine's executor, with their directives. The
 * check refuses a plan with problems (edited, missing, failed, …), as {@code migrate} does: the files would not show
 * what the database applied.
 */
public final class DriftCheck {
    private final ConnectionSource live;
    private final ConnectionSource scratch;
    private final MigrationSettings settings;
    private final ClassLoader classLoader;

    /**
     * @param live     the database to check; only read
     * @param scratch  an empty database to replay the migrations into; the caller creates and drops it
     * @param settings where the migrations are and which history table the live database keeps
     */
    public DriftCheck(ConnectionSource live, ConnectionSource scratch, MigrationSettings settings,
                      ClassLoader classLoader) {
        this.live = Objects.requireNonNull(live, "live");
        this.scratch = Objects.requireNonNull(scratch, "scratch");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    /**
     * @throws ValidationFailedException when the live database's plan has problems (nothing is replayed)
     * @throws ReplayFailedException     when an applied migration fails on the scratch database
     * @throws DatabaseConnectionException when either database cannot be reached
     */
    public DriftReport run() {
        MigrationPlan plan = new Migrator(live, settings, classLoader, ExecutionListener.NONE).plan();
        if (plan.hasProblems()) {
            throw new ValidationFailedException(plan);
        }
        List<ResolvedMigration> replayed = appliedFiles(plan);
        replay(replayed);
        SnapshotScope scope = SnapshotScope.of(settings);
        SchemaSnapshot expected = snapshot(scratch, scope);
        SchemaSnapshot actual = snapshot(live, scope);
        return new DriftReport(plan, replayed, SchemaDiff.between(expected, actual));
    }

    /**
     * The files behind the schema the database should have: those at or below its baseline in version order, then the
     * applied ones in the order their deciding history rows were written.
     */
    static List<ResolvedMigration> appliedFiles(MigrationPlan plan) {
        List<PlanEntry> baselined = new ArrayList<>();
        List<PlanEntry> applied = new ArrayList<>();
        for (PlanEntry entry : plan.entries()) {
            if (entry.file() == null) {
                continue;
            }
            if (entry.state() == MigrationState.BELOW_BASELINE || entry.state() == MigrationState.BASELINE) {
                baselined.add(entry);
            } else if (entry.state() == MigrationState.APPLIED) {
                applied.add(entry);
            }
        }
        applied.sort(Comparator.comparingInt(entry -> entry.applied().installedRank()));
        List<ResolvedMigration> files = new ArrayList<>();
        baselined.forEach(entry -> files.add(entry.file()));
        applied.forEach(entry -> files.add(entry.file()));
        return files;
    }

    private void replay(List<ResolvedMigration> files) {
        if (files.isEmpty()) {
            return;
        }
        // The planner prepares the files (directives, statements) exactly as for migrate; on an empty history all are
        // pending, in version order, which is then put back into the live database's order.
        MigrationPlan scratchPlan = new Planner(true).plan(new ResolvedMigrations(files, List.of()), List.of());
        if (scratchPlan.hasProblems()) {
            throw new ValidationFailedException(scratchPlan);
        }
        Map<String, PendingMigration> byScript = new HashMap<>();
        scratchPlan.pending().forEach(pending -> byScript.put(pending.migration().script(), pending));
        List<PendingMigration> ordered = files.stream().map(file -> byScript.get(file.script())).toList();
        HistoryTable history = new HistoryTable(settings.historyTable());
        try (Connection connection = open(scratch)) {
            history.createIfMissing(connection);
            new MigrationExecutor(history, settings.timeouts(), ExecutionListener.NONE).apply(connection, ordered);
        } catch (MigrationFailedException e) {
            throw new ReplayFailedException(scratch.description(), e);
        } catch (SQLException e) {
            throw translate(scratch, "replaying the migrations into " + scratch.description(), e);
        }
    }

    private static SchemaSnapshot snapshot(ConnectionSource source, SnapshotScope scope) {
        try (Connection connection = open(source)) {
            return SchemaSnapshot.read(connection, scope);
        } catch (SQLException e) {
            throw translate(source, "reading the catalog of " + source.description(), e);
        }
    }

    private static Connection open(ConnectionSource source) {
        try {
            Connection connection = source.open();
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            throw new DatabaseConnectionException(source.description(), e);
        }
    }

    private static RuntimeException translate(ConnectionSource source, String action, SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.startsWith("08") || state.startsWith("57P")) {
            return new DatabaseConnectionException(source.description(), e);
        }
        return new DatabaseOperationException(action, e);
    }
}
