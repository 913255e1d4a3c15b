package dev.strata.it;

import dev.strata.embedded.ThrowawayDatabases;
import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.config.JdbcConnectionSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A new, empty database of its own on the {@linkplain TestServers test server}; {@link #close()} drops it. Get one per
 * test with {@link FreshDatabase}. {@link #toString()} never shows the password.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String JDBC_PREFIX = "jdbc:postgresql://";

    private final TestServer server;
    private final String name;
    private final String rawUrl;
    private final DatabaseUrl url;
    private final ConnectionSource connections;
    private final List<Runnable> beforeDrop = new CopyOnWriteArrayList<>();

    private TestDatabase(TestServer server, String name) {
        this.server = server;
        this.name = name;
        this.rawUrl = server.urlOf(name);
        this.url = DatabaseUrl.parse(rawUrl, server.provider());
        this.connections = connectionSource(url);
    }

    /** Creates {@code it_<random>} on the test server. */
    public static TestDatabase create() {
        TestServer server = TestServers.get();
        String name = ThrowawayDatabases.uniqueName("it");
        try (Connection connection = server.admin().open()) {
            ThrowawayDatabases.create(connection, name, Optional.empty(), "");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + server, e);
        }
        return new TestDatabase(server, name);
    }

    /** Opens pgjdbc connections to a URL the way the engine's front ends do. */
    public static ConnectionSource connectionSource(DatabaseUrl url) {
        return new JdbcConnectionSource(new DatabaseSettings(Optional.of(url), Optional.empty(), Optional.empty(), 1,
                Duration.ofSeconds(10), false));
    }

    public String name() {
        return name;
    }

    /** The pgjdbc URL, without credentials. */
    public String jdbcUrl() {
        return url.jdbcUrl();
    }

    /** The user to connect as; pgjdbc's default (the OS user) when the server URL names none. */
    public String user() {
        return url.user().orElseGet(() -> System.getProperty("user.name"));
    }

    /** The password: a secret, so never put it in a message or a log. */
    public String password() {
        return url.password().orElse("");
    }

    /** The parsed URL of this database: its {@code toString()} masks the password. */
    public DatabaseUrl url() {
        return url;
    }

    /**
     * This database as {@code postgresql://user:password@host:port/name}, for the CLI's {@code --url}. It holds the
     * password: pass it on, never print it.
     */
    public String postgresUrl() {
        if (!rawUrl.startsWith("jdbc:")) {
            return rawUrl;
        }
        String credentials = TestServers.encode(user()) + (password().isEmpty() ? "" : ":" + TestServers.encode(password()));
        return "postgresql://" + credentials + "@" + jdbcUrl().substring(JDBC_PREFIX.length());
    }

    public ConnectionSource connectionSource() {
        return connections;
    }

    /** A new connection (autocommit) to this database; the caller closes it. */
    public Connection open() throws SQLException {
        return connections.open();
    }

    /**
     * Runs {@code cleanup} when this database is closed, before it is dropped: for what lives on the server beyond
     * this database (a role) but must be undone inside it ({@code drop owned by}).
     */
    public void beforeDrop(Runnable cleanup) {
        beforeDrop.add(cleanup);
    }

    /** Drops the database, ending any session still connected to it, after its {@link #beforeDrop} cleanups. */
    @Override
    public void close() {
        try {
            beforeDrop.forEach(Runnable::run);
        } finally {
            try (Connection connection = server.admin().open()) {
                ThrowawayDatabases.drop(connection, name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop database " + name + " on " + server, e);
            }
        }
    }

    @Override
    public String toString() {
        return name + " on " + server;
    }
}
