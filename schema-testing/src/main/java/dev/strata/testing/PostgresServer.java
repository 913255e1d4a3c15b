package dev.strata.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.strata.embedded.ThrowawayDatabases;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.lint.ScratchDatabases;
import dev.strata.migrations.lint.ServerScratchDatabases;
import dev.strata.testserver.TestEnvironment;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A running PostgreSQL server on which tests create and drop their databases, through the admin URL's database
 * (never through a test database, which must have no sessions when it is copied or dropped). The admin connections
 * are pooled: a new session costs about as much as copying a small template.
 */
final class PostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final int ADMIN_POOL_SIZE = 4;
    private static final Duration SCRATCH_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String description;
    private final DatabaseUrl adminUrl;
    private final AutoCloseable stop;
    private final int versionNumber;
    private final CopyStrategy copyStrategy;
    private final HikariDataSource admin;

    /**
     * @param description names the server, never with a password
     * @param adminUrl    a database the admin connections use (e.g. {@code postgres})
     * @param stop        stops the server when the tests are done; a no-op for a server Strata did not start
     */
    private PostgresServer(String description, DatabaseUrl adminUrl, AutoCloseable stop, int versionNumber,
                           CopyStrategy copyStrategy) {
        this.description = description;
        this.adminUrl = adminUrl;
        this.stop = stop;
        this.versionNumber = versionNumber;
        this.copyStrategy = copyStrategy;
        HikariConfig config = new HikariConfig();
        config.setPoolName("strata-test-admin");
        config.setDataSource(dataSource(adminUrl, Optional.empty(), "strata-test-admin"));
        config.setMaximumPoolSize(ADMIN_POOL_SIZE);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1); // connect() has just connected; nothing to check
        this.admin = new HikariDataSource(config);
    }

    /**
     * Connects once to learn the server's version, so an unreachable server or a wrong password is reported when the
     * server is chosen, not by every test.
     */
    static PostgresServer connect(String provider, DatabaseUrl adminUrl, AutoCloseable stop,
                                  CopyStrategy copyStrategy) {
        String description = provider + " at " + adminUrl;
        try (Connection connection = dataSource(adminUrl, Optional.empty(), "strata-test-admin").getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("show server_version_num")) {
            result.next();
            return new PostgresServer(description, adminUrl, stop, Integer.parseInt(result.getString(1)), copyStrategy);
        } catch (SQLException e) {
            closeQuietly(stop);
            throw new TestDatabaseException("cannot connect to the test server, " + description + ": "
                    + e.getMessage() + sqlState(e),
                    "check that the server runs and that the URL's host, port, user and password are right", e);
        }
    }

    /** Creates {@code name}, empty or as a copy of {@code template}. */
    void createDatabase(String name, Optional<String> template) {
        try (Connection connection = admin.getConnection()) {
            ThrowawayDatabases.create(connection, name, template,
                    template.map(source -> copyStrategy.clause(versionNumber)).orElse(""));
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                String user = adminUrl.user().orElse("the connecting user");
                throw new TestDatabaseException("the test server (" + description + ") refused to create database "
                        + name + ": " + user + " lacks the CREATEDB privilege" + sqlState(e),
                        "run ALTER ROLE " + user + " CREATEDB on that server, or point "
                                + TestEnvironment.URL_VARIABLE + " at a user that has it", e);
            }
            throw new TestDatabaseException("cannot create test database " + name + " on " + description + ": "
                    + e.getMessage() + sqlState(e), "check the server's log and free disk space", e);
        }
    }

    /** Drops {@code name}, ending any session a test left open (PostgreSQL 13+; older servers wait for none). */
    void dropDatabase(String name) {
        try (Connection connection = admin.getConnection()) {
            ThrowawayDatabases.drop(connection, name);
        } catch (SQLException e) {
            throw new TestDatabaseException("cannot drop test database " + name + " on " + description + ": "
                    + e.getMessage() + sqlState(e), "drop it by hand: DROP DATABASE " + ThrowawayDatabases.quote(name), e);
        }
    }

    /** Connections to one database, with the admin URL's host, credentials and parameters. */
    PGSimpleDataSource dataSource(String database) {
        return dataSource(adminUrl, Optional.of(jdbcUrl(database)), "strata-test");
    }

    private static PGSimpleDataSource dataSource(DatabaseUrl url, Optional<String> jdbcUrl, String applicationName) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl.orElse(url.jdbcUrl()));
        try {
            for (Map.Entry<String, String> property : url.properties().entrySet()) {
                dataSource.setProperty(property.getKey(), property.getValue());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pgjdbc rejected a property of " + url + ": " + e.getMessage(), e);
        }
        url.user().ifPresent(dataSource::setUser);
        url.password().ifPresent(dataSource::setPassword);
        dataSource.setApplicationName(applicationName);
        return dataSource;
    }

    /**
     * Where the lint gate replays: scratch databases made (and dropped) on this server through the engine's
     * {@link ServerScratchDatabases}, with the admin URL's user, who may create databases.
     */
    ScratchDatabases scratchDatabases() {
        return new ServerScratchDatabases(adminUrl, new DatabaseSettings(Optional.of(adminUrl), Optional.empty(),
                Optional.empty(), 1, SCRATCH_CONNECT_TIMEOUT, false), "the lint gate of a test database", "");
    }

    /** The pgjdbc URL of one database: no credentials, so it may be printed. */
    String jdbcUrl(String database) {
        return ThrowawayDatabases.jdbcUrl(adminUrl.jdbcUrl(), database);
    }

    Optional<String> user() {
        return adminUrl.user();
    }

    /** The admin URL's password, for frameworks that open their own pool on a test database. Never printed. */
    Optional<String> password() {
        return adminUrl.password();
    }

    int versionNumber() {
        return versionNumber;
    }

    /** Closes the admin connections only (the server is being stopped by someone else). */
    void closeConnections() {
        admin.close();
    }

    /** Closes the admin connections, then stops the server if Strata started it. */
    @Override
    public void close() {
        admin.close();
        closeQuietly(stop);
    }

    /** The provider and the admin URL, password masked. */
    @Override
    public String toString() {
        return description;
    }

    private static String sqlState(SQLException e) {
        return e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]";
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("strata-testing: could not stop the test server: {}", e.toString());
        }
    }
}
