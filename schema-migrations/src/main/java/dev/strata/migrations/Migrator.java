package dev.strata.migrations;

import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.execute.AppliedRun;
import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.execute.MigrationExecutor;
import dev.strata.migrations.history.AppliedMigration;
import dev.strata.migrations.history.HistoryTable;
import dev.strata.migrations.lock.AdvisoryLock;
import dev.strata.migrations.plan.MigrationPlan;
import dev.strata.migrations.plan.PlanEntry;
import dev.strata.migrations.plan.Planner;
import dev.strata.migrations.resolve.MigrationResolver;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
    private final ExecutionListener listener;

    public Migrator(ConnectionSource connections, MigrationSettings settings) {
        this(connections, settings, Migrator.class.getClassLoader(), ExecutionListener.NONE);
    }

    public Migrator(ConnectionSource connections, MigrationSettings settings, ClassLoader classLoader,
                    ExecutionListener listener) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = new MigrationResolver(Objects.requireNonNull(classLoader, "classLoader"));
        this.history = new HistoryTable(settings.historyTable());
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public MigrationSettings settings() {
        return settings;
    }

    /** The plan as of now, changing nothing (the history table is not even created). */
    public MigrationPlan plan() {
        ResolvedMigrations resolved = resolver.resolve(settings.locations());
        try (Connection connection = open()) {
            return planWith(connection, resolved);
        } catch (SQLException e) {
            throw translate("reading the history table " + settings.historyTable(), e);
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
     */
    public MigrateResult migrate() {
        long started = System.nanoTime();
        ResolvedMigrations resolved = resolver.resolve(settings.locations());
        try (Connection lockConnection = open(); Connection connection = open()) {
            try (AdvisoryLock ignored = AdvisoryLock.acquire(lockConnection,
                    AdvisoryLock.keyFor(currentDatabase(lockConnection), settings.historyTable()),
                    settings.lockTimeout())) {
                MigrationPlan plan = planWith(connection, resolved);
                if (plan.hasProblems()) {
                    throw new ValidationFailedException(plan);
                }
                if (!plan.pending().isEmpty()) {
                    // Only now: a refused plan must leave the database exactly as it was.
                    createHistoryTable(connection);
                }
                List<AppliedRun> applied = new MigrationExecutor(history, listener).apply(connection, plan.pending());
                return new MigrateResult(plan, applied, Duration.ofNanos(System.nanoTime() - started));
            }
        } catch (SQLException e) {
            throw translate("migrating " + connections.description(), e);
        }
    }

    private Connection open() {
        try {
            Connection connection = connections.open();
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            throw new DatabaseConnectionException(connections.description(), e);
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
        List<AppliedMigration> rows = history.readAll(connection);
        MigrationPlan plan = new Planner(settings.outOfOrder()).plan(resolved, rows);
        return withEditDetails(connection, plan);
    }

    /** Adds the changed lines to each "edited" problem, reading the recorded content only for those rows. */
    private MigrationPlan withEditDetails(Connection connection, MigrationPlan plan) throws SQLException {
        if (plan.problems().stream().noneMatch(p -> p.kind() == ProblemKind.EDITED)) {
            return plan;
        }
        Map<String, PlanEntry> edited = plan.entries().stream()
                .filter(entry -> entry.file() != null && entry.applied() != null)
                .collect(Collectors.toMap(PlanEntry::script, Function.identity(), (a, b) -> a));
        List<Problem> problems = new ArrayList<>(plan.problems().size());
        for (Problem problem : plan.problems()) {
            PlanEntry entry = problem.kind() == ProblemKind.EDITED ? edited.get(problem.script()) : null;
            Optional<String> recorded = entry == null ? Optional.empty()
                    : history.readContent(connection, entry.applied().installedRank());
            problems.add(recorded.map(content -> problem.withMessage(problem.message() + "\n"
                    + EditDiff.describe(content, entry.file().content()))).orElse(problem));
        }
        return plan.withProblems(problems);
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_database()")) {
            result.next();
            return result.getString(1);
        }
    }

    private RuntimeException translate(String action, SQLException e) {
        if (DatabaseConnectionException.isConnectionProblem(e)) {
            return new DatabaseConnectionException(connections.description(), e);
        }
        return new DatabaseOperationException(action, e);
    }
}
