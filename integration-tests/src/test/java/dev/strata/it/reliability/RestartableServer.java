package dev.strata.it.reliability;

import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.it.Secrets;
import dev.strata.it.TestDatabase;
import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.config.DatabaseUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL of one test's own that can be stopped and started again on the same port and data
 * directory, as a server restart looks to a client. The shared test server cannot be restarted under other tests.
 * The password is kept across restarts (a client keeps its URL), and the secret scan checks that it is never printed.
 */
final class RestartableServer implements AutoCloseable {
    private static final String PASSWORD = Secrets.register("Restart-Pw-55d1e");

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private RestartableServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static RestartableServer start(Path dataDirectory) {
        RestartableServer server = new RestartableServer(dataDirectory, freePort());
        server.start();
        return server;
    }

    /** Starts the server on its data directory and port (initialising the directory the first time). */
    void start() {
        postgres = EmbeddedPostgres.builder().dataDirectory(dataDirectory).port(port).password(PASSWORD).nonDurable()
                .start();
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
        try (Connection connection = connections("postgres").open(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
