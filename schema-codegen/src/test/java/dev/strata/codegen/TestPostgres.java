package dev.strata.codegen;

import dev.strata.migrations.MigrationSettings;
import dev.strata.testserver.SharedEmbeddedServer;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The embedded PostgreSQL of this test JVM ({@link SharedEmbeddedServer}); {@link #databases()} hands the generator a
 * fresh database of it (created with {@code CREATE DATABASE}, migrated by the engine) instead of starting a server per
 * generation.
 */
final class TestPostgres {

    private TestPostgres() {
    }

    /** A factory of migrated databases on the shared server. */
    static MigratedDatabase.Factory databases() {
        return TestPostgres::migratedDatabase;
    }

    /** A factory that fails the test if the generator asks for a database at all. */
    static MigratedDatabase.Factory noDatabaseExpected() {
        return migrations -> {
            throw new AssertionError("the generator started a database although nothing had changed");
        };
    }

    private static MigratedDatabase migratedDatabase(MigrationSettings migrations) {
        String name = SharedEmbeddedServer.createDatabase("codegen");
        DataSource dataSource = SharedEmbeddedServer.get().dataSource(name);
        EmbeddedMigratedDatabase.migrate(dataSource, migrations, name);
        return new MigratedDatabase() {
            @Override
            public Connection connect() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public String description() {
                return "test database " + name;
            }

            @Override
            public void close() {
                // Dropped with the server at the end of the JVM.
            }
        };
    }
}
