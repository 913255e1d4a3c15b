package dev.strata.testing;

import dev.strata.migrations.config.DatabaseUrl;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running PostgreSQL server on which tests create and drop their databases, through the admin URL's database
 * (never through a test database, which must have no sessions when it is copied or dropped).
 */
final class PostgresServer implements AutoCloseable {
    private static final Pattern JDBC_DATABASE = Pattern.compile("(jdbc:postgresql://[^/?]*)(?:/[^?]*)?(\\?.*)?");
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final String description;
    private final DatabaseUrl adminUrl;
    private final AutoCloseable stop;
    private final int versionNumber;

    /**
     * @param description names the server, never with a password
     * @param adminUrl    a database the admin connections use (e.g. {@code postgres})
     * @param stop        stops the server when the tests are done; a no-op for a server Strata did not start
     */
    private PostgresServer(String description, DatabaseUrl adminUrl, AutoCloseable stop, int versionNumber) {
        this.description = description;
        this.adminUrl = adminUrl;
        this.stop = stop;
        this.versionNumber = versionNumber;
    }

    /**
     * Connects once to learn the server's version, so an unreachable server or a wrong password is reported when the
     * server is chosen, not by every test.
     */
    static PostgresServer connect(String provider, DatabaseUrl adminUrl, AutoCloseable stop) {
        String description = provider + " at " + adminUrl;
        try (Connection connection = open(adminUrl); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("show server_version_num")) {
            result.next();
            return new PostgresServer(description, adminUrl, stop, Integer.parseInt(result.getString(1)));
        } catch (SQLException e) {
            closeQuietly(stop);
            throw new TestDatabaseException("cannot connect to the test server, " + description + ": "
                    + e.getMessage() + sqlState(e),
                    "check that the server runs and that the URL's host, port, user and password are right", e);
        }
    }

    /** Creates {@code name}, empty or as a copy of {@code template}. */
    void createDatabase(String name, Optional<String> template) {
        String sql = "create database " + quote(name) + template.map(source -> " template " + quote(source)).orElse("");
        try (Connection connection = open(adminUrl); Statement statement = connection.createStatement()) {
            statement.execute(sql);
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
        String sql = "drop database if exists " + quote(name) + (versionNumber >= 130000 ? " with (force)" : "");
        try (Connection connection = open(adminUrl); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TestDatabaseException("cannot drop test database " + name + " on " + description + ": "
                    + e.getMessage() + sqlState(e), "drop it by hand: DROP DATABASE " + quote(name), e);
        }
    }

    /** Connections to one database, with the admin URL's host, credentials and parameters. */
    PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        try {
            for (Map.Entry<String, String> property : adminUrl.properties().entrySet()) {
                dataSource.setProperty(property.getKey(), property.getValue());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pgjdbc rejected a property of " + adminUrl + ": " + e.getMessage(), e);
        }
        adminUrl.user().ifPresent(dataSource::setUser);
        adminUrl.password().ifPresent(dataSource::setPassword);
        dataSource.setApplicationName("strata-test");
        return dataSource;
    }

    /** The pgjdbc URL of one database: no credentials, so it may be printed. */
    String jdbcUrl(String database) {
        Matcher url = JDBC_DATABASE.matcher(adminUrl.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("unexpected JDBC URL " + adminUrl.jdbcUrl());
        }
        return url.group(1) + "/" + database + (url.group(2) == null ? "" : url.group(2));
    }

    Optional<String> user() {
        return adminUrl.user();
    }

    int versionNumber() {
        return versionNumber;
    }

    /** Stops the server if Strata started it. */
    @Override
    public void close() {
        closeQuietly(stop);
    }

    /** The provider and the admin URL, password masked. */
    @Override
    public String toString() {
        return description;
    }

    private static Connection open(DatabaseUrl url) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(url.properties());
        url.user().ifPresent(user -> properties.setProperty("user", user));
        url.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", "strata-test-admin");
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    /** Test database names are generated ({@code [a-z0-9_]}), but quoting costs nothing. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String sqlState(SQLException e) {
        return e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]";
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("strata-testing: could not stop the test server: " + e);
        }
    }
}
