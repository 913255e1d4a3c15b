package dev.strata.testing;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.StrataException;
import dev.strata.migrations.drift.SchemaDiff;
import dev.strata.testserver.TestEnvironment;
import org.opentest4j.AssertionFailedError;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Assertions on a live database's schema, for tests.
 *
 * <p>{@link #assertSchemaMatchesMigrations(DataSource)} reads the database's catalog and compares it with the schema
 * that the migrations its history records as applied produce: a table, column, index,
 * constraint, function, trigger, type... added, dropped or altered by hand fails it, named. Pending migrations are
 * not drift: a database that is merely behind passes (use {@code strata validate} or
 * {@code dev.strata.api.SchemaGuard} to require it up to date).
 *
 * <p>With a DataSource injected by {@link MigratedDatabase}, the expected schema comes from the test's template on the
 * same server. With any other DataSource, it comes from the test server the environment selects (embedded by
 * default; see {@link ServerKind#AUTO}), which should run the database's PostgreSQL major: the message notes it when
 * the majors differ.
 */
public final class StrataAssertions {

    private StrataAssertions() {
    }

    /**
     * With the settings of the test's {@link MigratedDatabase}, or the defaults ({@code classpath:db/migration},
     * {@code public.strata_schema_history}) for a DataSource of your own.
     *
     * @throws AssertionFailedError listing every difference, grouped by object, or why the history does not fit the
     *                              migration files
     */
    public static void assertSchemaMatchesMigrations(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Optional<IsolatedDatabase> owned = IsolatedDatabase.owning(dataSource);
        assertMatches(dataSource, owned.map(database -> database.template().settings())
                .orElseGet(MigrationSettings::defaults));
    }

    /** With these migration locations ({@code classpath:…}, {@code filesystem:…}) and the default history table. */
    public static void assertSchemaMatchesMigrations(DataSource dataSource, String... locations) {
        Objects.requireNonNull(dataSource, "dataSource");
        MigrationSettings settings = IsolatedDatabase.owning(dataSource).map(database -> database.template().settings())
                .orElseGet(MigrationSettings::defaults);
        assertMatches(dataSource, locations.length == 0 ? settings
                : settings.withLocations(Arrays.stream(locations).map(Location::parse).toList()));
    }

    /** With these settings (locations and history table), e.g. {@code StrataConfig.migrations()}. */
    public static void assertSchemaMatchesMigrations(DataSource dataSource, MigrationSettings settings) {
        assertMatches(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(settings, "settings"));
    }

    private static void assertMatches(DataSource dataSource, MigrationSettings settings) {
        Optional<IsolatedDatabase> owned = IsolatedDatabase.owning(dataSource);
        String database = owned.map(db -> "test database " + db.info().name()).orElseGet(() -> describe(dataSource));
        ClassLoader classLoader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(StrataAssertions.class.getClassLoader());
        SchemaDiff diff;
        // A DataSource of the extension's is compared on its own server; any other on the server the environment
        // selects, held only for the comparison (a test run's lease keeps it running between calls).
        try (SharedServers.Lease lease = owned.isPresent() ? null
                : SharedServers.acquire(ServerSpec.choose(ServerKind.AUTO, TestEnvironment.current()))) {
            ServerTemplates templates = lease == null ? owned.get().templates() : lease.templates();
            diff = new LiveSchemaCheck(templates, settings, classLoader)
                    .compare(ConnectionSource.of(dataSource, database));
        } catch (ValidationFailedException e) {
            throw new AssertionFailedError("the history of " + database + " does not fit the migration files in "
                    + settings.locations() + ", so its schema cannot be compared: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new TestDatabaseException("cannot read the catalog of " + database + ": " + e.getMessage(),
                    "check that the DataSource can connect", e);
        } catch (StrataException e) {
            throw new TestDatabaseException("cannot compare the schema of " + database + " with the migrations in "
                    + settings.locations() + ": " + e.getMessage(), e.hint(), e);
        }
        if (!diff.isEmpty()) {
            throw new AssertionFailedError("the schema of " + database + " does not match its migrations in "
                    + settings.locations() + " (history table " + settings.historyTable() + "):\n" + diff.describe());
        }
    }

    /** The database's name as the server reports it; the DataSource's URL could hold a password. */
    private static String describe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_database()")) {
            result.next();
            return "database " + result.getString(1);
        } catch (SQLException e) {
            throw new TestDatabaseException("cannot connect through the DataSource given to"
                    + " assertSchemaMatchesMigrations: " + e.getMessage(), "check the DataSource's URL and credentials", e);
        }
    }
}
