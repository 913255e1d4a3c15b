package dev.strata.it.reliability;

import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.embedded.ThrowawayDatabases;
import dev.strata.it.Secrets;
import dev.strata.it.TestDatabase;
import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.config.DatabaseUrl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * An embedded PostgreSQL of one test's own that can be stopped and started again on the same port and data
 * directory, as a server restart looks to a client. The shared test server cannot be restarted under other tests.
 * The password is kept across restarts (a client keeps its URL), and the secret scan checks that it is never printed.
 */
final class RestartableServer implements AutoCloseable {
    private static final String PASSWORD = Secrets.register("Restart-Pw-55d1e");

    private final Path dataDirectory;
    private EmbeddedPostgres postgres;
    private int port;

    private RestartableServer(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Starts on a free port (initialising the data directory); {@link #start()} comes back on the same one. */
    static RestartableServer start(Path dataDirectory) {
        RestartableServer server = new RestartableServer(dataDirectory);
        server.postgres = builder(dataDirectory).start();
        server.port = server.postgres.port();
        return server;
    }

    /** Starts the server again on its data directory and port. */
    void start() {
        postgres = builder(dataDirectory).port(port).start();
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory) {
        return EmbeddedPostgres.builder().dataDirectory(dataDirectory).password(PASSWORD).nonDurable();
    }

    /** A fast shutdown, as {@code pg_ctl stop} does it: every session is ended with SQLSTATE 57P01. */
    void stop() {
        try {
            postgres.close();
        } finally {
            postgres = null;
        }
    }

    /** Creates a database and returns its URL, with the password, for {@code STRATA_DATABASE__URL}. */
    String createDatabase(String name) throws SQLException {
        try (Connection connection = connections("postgres").open()) {
            ThrowawayDatabases.create(connection, name, Optional.empty(), "");
        }
        return url(name);
    }

    String url(String database) {
        return "postgresql://postgres:" + PASSWORD + "@localhost:" + port + "/" + database;
    }

    ConnectionSource connections(String database) {
        return TestDatabase.connectionSource(DatabaseUrl.parse(url(database), "restartable test server"));
    }

    @Override
    public void close() {
        if (postgres != null) {
            stop();
        }
    }
}
