package dev.strata.api;

import dev.strata.embedded.EmbeddedPostgres;

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
            server = EmbeddedPostgres.builder().nonDurable().start();
        }
        return server;
    }

    /** A new, empty database named after the test class. */
    static TestDatabase createDatabase(Class<?> owner) {
        String name = owner.getSimpleName().toLowerCase(Locale.ROOT) + "_" + DATABASES.incrementAndGet();
        EmbeddedPostgres postgres = server();
        try (Connection connection = postgres.dataSource("postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new TestDatabase(name, postgres.port(), postgres.jdbcUrl(name) + "?user=" + postgres.user(),
                postgres.dataSource(name));
    }
}
