package dev.strata.codegen;

import dev.strata.migrations.MigrationSettings;

import dev.strata.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.util.List;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL per test JVM; {@link #databases()} hands the generator a fresh database of it (created
 * with {@code CREATE DATABASE}, migrated by the engine) instead of starting a server per generation.
 */
final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = EmbeddedPostgres.builder().nonDurable().start();
        }
        return server;
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
        String name = "codegen_" + DATABASES.incrementAndGet();
        EmbeddedPostgres postgres = server();
        try (Connection connection = postgres.dataSource("postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + name, e);
        }
        DataSource dataSource = postgres.dataSource(name);
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
