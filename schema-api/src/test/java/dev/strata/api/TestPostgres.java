package dev.strata.api;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for the whole test JVM (started on first use, stopped by its shutdown hook); every test
 * class gets databases of its own with {@code CREATE DATABASE}, so classes never see each other's rows.
 */
final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for the tests", e);
            }
        }
        return server;
    }

    /** A new, empty database named after the test class. */
    static TestDatabase createDatabase(Class<?> owner) {
        String name = owner.getSimpleName().toLowerCase(Locale.ROOT) + "_" + DATABASES.incrementAndGet();
        EmbeddedPostgres postgres = server();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new TestDatabase(name, postgres.getPort(), postgres.getJdbcUrl("postgres", name),
                postgres.getDatabase("postgres", name));
    }
}
