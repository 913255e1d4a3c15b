package dev.strata.bench;

import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.embedded.ThrowawayDatabases;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * The one PostgreSQL server every tool of a run talks to: an embedded one (strata-embedded-postgres, the PostgreSQL
 * major pinned in the parent pom; the fast non-durable settings, as the benchmarks always ran; its per-start password
 * is handed to the tools like a given server's) started for the run, or the server of a given URL. Each measured run gets a database of its own,
 * created from {@code template0} and dropped afterwards.
 */
final class BenchServer implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final Optional<String> password;
    private final String maintenanceDatabase;

    private BenchServer(EmbeddedPostgres embedded, String host, int port, String user, Optional<String> password,
                        String maintenanceDatabase) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.maintenanceDatabase = maintenanceDatabase;
    }

    /** Starts an embedded server with its log in {@code workDirectory}. */
    static BenchServer embedded(Path workDirectory) {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .nonDurable()
                .startupTimeout(Duration.ofSeconds(120))
                .logFile(workDirectory.resolve("postgres.log"))
                .start();
        return new BenchServer(postgres, postgres.host(), postgres.port(), postgres.user(),
                Optional.of(postgres.password()), "postgres");
    }

    /**
     * A given server: {@code postgresql://user[:password]@host[:port]/maintenance-db}. The user must be allowed to
     * create databases.
     */
    static BenchServer given(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--url must be postgresql://user[:password]@host[:port]/database, was "
                    + uri.getScheme() + "://…");
        }
        String userInfo = Optional.ofNullable(uri.getUserInfo()).orElse("postgres");
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        Optional<String> password = colon < 0 ? Optional.empty() : Optional.of(userInfo.substring(colon + 1));
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new BenchServer(null, uri.getHost() == null ? "localhost" : uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(), user, password, database);
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String user() {
        return user;
    }

    Optional<String> password() {
        return password;
    }

    /** A URL Strata's CLI accepts, without the password (that goes through {@code STRATA_DATABASE__PASSWORD}). */
    String strataUrl(String database) {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    /**
     * With the password, for {@code --scratch-url} (which reads no other source of one): only for the benchmark's
     * throwaway server, whose password is generated per start.
     */
    String strataUrlWithPassword(String database) {
        return "postgresql://" + user + password.map(secret -> ":" + secret).orElse("") + "@" + host + ":" + port + "/"
                + database;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Connection open(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password.orElse(null));
    }

    void createDatabase(String name) {
        admin("drop and create " + name, connection -> {
            ThrowawayDatabases.drop(connection, name);
            ThrowawayDatabases.create(connection, name, Optional.of("template0"), "");
        });
    }

    void dropDatabase(String name) {
        admin("drop " + name, connection -> ThrowawayDatabases.drop(connection, name));
    }

    /** {@code PostgreSQL 17.x on …}, for the results file. */
    String version() {
        try (Connection connection = open(maintenanceDatabase); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select version()")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server version: " + e.getMessage(), e);
        }
    }

    String description() {
        return (embedded != null ? "embedded PostgreSQL" : "given PostgreSQL") + " at " + host + ":" + port;
    }

    private interface AdminAction {
        void run(Connection connection) throws SQLException;
    }

    private void admin(String what, AdminAction action) {
        try (Connection connection = open(maintenanceDatabase)) {
            action.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (RuntimeException e) {
                System.err.println("could not stop the embedded PostgreSQL: " + e.getMessage());
            }
        }
    }
}
