package dev.strata.migrations.adopt;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.DatabaseOperationException;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.history.HistoryTable;
import dev.strata.migrations.lock.AdvisoryLock;
import dev.strata.migrations.lock.SessionCheck;
import dev.strata.migrations.resolve.MigrationResolver;
import dev.strata.migrations.resolve.ResolvedMigrations;
import dev.strata.migrations.sql.SqlStates;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code strata adopt --from TOOL}: records the migrations another tool applied as Strata history rows, after
 * matching each with its file and checking the file against the tool's checksum where it keeps one. Under the
 * migration lock, in one transaction, so a concurrent {@code migrate} sees either no adopted row or all of them.
 * The other tool's table is only read.
 */
public final class HistoryAdoption {
    private final ConnectionSource connections;
    private final MigrationSettings settings;
    private final MigrationResolver resolver;
    private final HistoryTable history;
    private final SourceTool tool;
    private final SchemaTable source;

    /** @param source the tool's history table */
    public HistoryAdoption(ConnectionSource connections, MigrationSettings settings, ClassLoader classLoader,
                           SourceTool tool, SchemaTable source) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = new MigrationResolver(Objects.requireNonNull(classLoader, "classLoader"), settings.layouts(),
                settings.skipGoMigrations());
        this.history = new HistoryTable(settings.historyTable(), settings.recordContent());
        this.tool = Objects.requireNonNull(tool, "tool");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * How the files were read, as {@code migrate} tells it on stderr: the layout {@code auto} detected, files passed
     * over, and files whose position differs between string and numeric version order (which adoption into another
     * tool's order would change).
     */
    public List<String> readingNotes() {
        return resolver.resolve(settings.locations()).notes();
    }

    /** What adoption would record, changing nothing ({@code --dry-run}); refusals are in the plan, not thrown. */
    public AdoptionPlan plan() {
        Files files = files();
        try (Connection connection = connections.openInAutocommit()) {
            return planWith(connection, files);
        } catch (SQLException e) {
            throw translate("reading " + tool.displayName() + "'s history " + source, e);
        }
    }

    /**
     * Records the plan's rows.
     *
     * @param acceptEdited record files whose checksum differs from the one the tool recorded, as they are now
     * @throws AdoptionRefusedException when the tool's state is not clean, or a file was edited without
     *                                  {@code acceptEdited}; nothing is written
     * @throws dev.strata.migrations.lock.HotStandbyException when the database is a hot standby
     * @throws dev.strata.migrations.lock.ReadOnlySessionException when the session is read-only
     */
    public AdoptionPlan adopt(boolean acceptEdited) {
        Files files = files();
        String action = "adopting " + tool.displayName() + "'s history into " + settings.historyTable();
        try (Connection connection = connections.openInAutocommit()) {
            SessionCheck.refuseReadOnly(connection, "adopt", connections.description());
            try (Connection lockConnection = connections.openInAutocommit();
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
            }
        } catch (SQLException e) {
            throw translate(action, e);
        }
    }

    /** The files as {@code migrate} reads them, the layout they were read with, and their bytes as stored. */
    private record Files(ResolvedMigrations resolved, Layout layout, Function<ResolvedMigration, byte[]> stored) {
    }

    private Files files() {
        ResolvedMigrations resolved = resolver.resolve(settings.locations());
        Function<String, Optional<byte[]>> bytes = resolver.storedBytes(settings.locations());
        return new Files(resolved, resolver.layoutOf(settings.locations()), file -> bytes.apply(file.path())
                .orElseThrow(() -> new IllegalStateException(file.path() + " was resolved but is not stored")));
    }

    private AdoptionPlan planWith(Connection connection, Files files) throws SQLException {
        if (!SourceTables.exists(connection, source)) {
            throw AdoptionRefusedException.noTable(tool, source);
        }
        List<HistoryRow> strata = history.readAll(connection);
        return AdoptionPlanner.plan(tool, source, tool.read(connection, source, files.resolved()), files.resolved(),
                files.layout(), files.stored(), strata);
    }

    private void record(Connection connection, List<AdoptionPlan.Adoption> adoptions) throws SQLException {
        connection.setAutoCommit(false);
        try {
            history.createIfMissing(connection);
            for (AdoptionPlan.Adoption adoption : adoptions) {
                history.insertAdopted(connection, adoption.row(), adoption.source().installedBy(),
                        adoption.source().installedOn(), adoption.provenance());
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
        if (SqlStates.cannotConnect(e)) {
            return new DatabaseConnectionException(connections.description(), e);
        }
        return new DatabaseOperationException(action, e);
    }
}
