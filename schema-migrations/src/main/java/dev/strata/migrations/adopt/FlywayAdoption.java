package dev.strata.migrations.adopt;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.DatabaseOperationException;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.history.AppliedMigration;
import dev.strata.migrations.history.HistoryTable;
import dev.strata.migrations.lock.AdvisoryLock;
import dev.strata.migrations.resolve.MigrationResolver;
import dev.strata.migrations.resolve.ResolvedMigrations;
import dev.strata.migrations.core.SchemaTable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * {@code strata adopt --from flyway}: records the migrations Flyway applied as Strata history rows, after checking
 * each file against Flyway's checksum. Under the migration lock, in one transaction, so a concurrent {@code migrate}
 * sees either no adopted row or all of them. Flyway's table is only read.
 */
public final class FlywayAdoption {
    private final ConnectionSource connections;
    private final MigrationSettings settings;
    private final MigrationResolver resolver;
    private final HistoryTable history;
    private final FlywayHistory flyway;

    public FlywayAdoption(ConnectionSource connections, MigrationSettings settings, ClassLoader classLoader,
                          SchemaTable flywayTable) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = new MigrationResolver(Objects.requireNonNull(classLoader, "classLoader"));
        this.history = new HistoryTable(settings.historyTable(), settings.recordContent());
        this.flyway = new FlywayHistory(Objects.requireNonNull(flywayTable, "flywayTable"));
    }

    /** What adoption would record, changing nothing ({@code --dry-run}); refusals are in the plan, not thrown. */
    public AdoptionPlan plan() {
        ResolvedMigrations files = resolver.resolve(settings.locations());
        try (Connection connection = connections.openInAutocommit()) {
            return planWith(connection, files);
        } catch (SQLException e) {
            throw translate("reading Flyway's history " + flyway.table(), e);
        }
    }

    /**
     * Records the plan's rows.
     *
     * @param acceptEdited record files whose Flyway checksum differs, as they are now
     * @throws AdoptionRefusedException when Flyway's state is not clean, or a file was edited without
     *                                  {@code acceptEdited}; nothing is written
     */
    public AdoptionPlan adopt(boolean acceptEdited) {
        ResolvedMigrations files = resolver.resolve(settings.locations());
        String action = "adopting Flyway's history into " + settings.historyTable();
        try (Connection connection = connections.openInAutocommit();
             Connection lockConnection = connections.openInAutocommit();
             AdvisoryLock ignored = AdvisoryLock.acquire(lockConnection,
                     AdvisoryLock.keyFor(currentDatabase(lockConnection), settings.historyTable()),
                     settings.lockTimeout())) {
            // Planned under the lock: a migrate that finished while this one waited is taken into account.
            AdoptionPlan plan = planWith(connection, files);
            if (!plan.canAdopt(acceptEdited)) {
                throw AdoptionRefusedException.of(plan);
            }
            if (!plan.adoptions().isEmpty()) {
                record(connection, plan.adoptions());
            }
            return plan;
        } catch (SQLException e) {
            throw translate(action, e);
        }
    }

    private AdoptionPlan planWith(Connection connection, ResolvedMigrations files) throws SQLException {
        if (!flyway.exists(connection)) {
            throw AdoptionRefusedException.noTable(flyway.table().toString());
        }
        List<AppliedMigration> strata = history.readAll(connection);
        return AdoptionPlanner.plan(flyway.table(), flyway.readAll(connection), files, strata);
    }

    private void record(Connection connection, List<AdoptionPlan.Adoption> adoptions) throws SQLException {
        connection.setAutoCommit(false);
        try {
            history.createIfMissing(connection);
            for (AdoptionPlan.Adoption adoption : adoptions) {
                history.insertAdopted(connection, adoption.row(), adoption.source().installedBy(),
                        adoption.source().installedOn());
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
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
