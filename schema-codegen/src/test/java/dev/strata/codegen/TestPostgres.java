package dev.strata.codegen;

import dev.strata.migrations.MigrationSettings;
import dev.strata.testing.StandaloneTestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@link #databases()} hands the generator a fresh, empty database of schema-testing's server (the one
 * {@code @MigratedDatabase} uses, chosen by the {@code STRATA_TEST_*} variables), migrated by the engine and dropped
 * when the generator closes it, instead of starting a server per generation.
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
        StandaloneTestDatabase database = StandaloneTestDatabase.empty();
        String name = database.info().name();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.info().jdbcUrl());
        database.info().user().ifPresent(dataSource::setUser);
        database.password().ifPresent(dataSource::setPassword);
        try {
            EmbeddedMigratedDatabase.migrate(dataSource, migrations, name);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
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
                database.close();
            }
        };
    }
}
