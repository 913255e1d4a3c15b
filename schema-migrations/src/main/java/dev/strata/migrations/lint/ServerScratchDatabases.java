package dev.strata.migrations.lint;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.config.JdbcConnectionSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scratch databases created on an existing server, {@code strata_scratch_<random>} from {@code template0}, dropped
 * when closed: the one place a scratch database is made on a server, for the CLI's {@code --scratch-url} ({@code diff},
 * {@code lint} and the gate) and for an application's {@code auto_migrate} with the {@code migrations.lint} gate on,
 * which has no embedded server to start. The user of {@code server} needs {@code CREATEDB}.
 */
public final class ServerScratchDatabases implements ScratchDatabases {
    private static final Pattern JDBC_DATABASE = Pattern.compile("(jdbc:postgresql://[^/?]*)(?:/[^?]*)?(\\?.*)?");

    private final DatabaseUrl server;
    private final Properties properties;
    private final Matcher jdbc;
    private final String purpose;

    /**
     * @param server   a database on the server to create scratch databases on (they are created from it)
     * @param settings user, password and connect timeout, as for {@code server} itself
     */
    public ServerScratchDatabases(DatabaseUrl server, DatabaseSettings settings) {
        this(server, settings, "the migrations.lint gate", "");
    }

    /**
     * @param purpose what the scratch databases are for, as errors name it (e.g. {@code --scratch-url})
     * @param origin  what named {@code server}, for a malformed URL's error ({@code "--scratch-url "} or empty)
     */
    public ServerScratchDatabases(DatabaseUrl server, DatabaseSettings settings, String purpose, String origin) {
        this.server = Objects.requireNonNull(server, "server");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        // The URL's own user and password first, as for any connection to it; then the settings'.
        this.properties = JdbcConnectionSource.driverProperties(new DatabaseSettings(Optional.of(server),
                settings.user(), settings.password(), 1, settings.connectTimeout(), false));
        this.jdbc = JDBC_DATABASE.matcher(server.jdbcUrl());
        if (!jdbc.matches()) {
            throw new ConfigurationException(origin + "'" + server + "' names no server a scratch database can be"
                    + " created on", "use the form postgresql://user:password@host:5432/postgres");
        }
    }

    @Override
    public Scratch open() {
        String name = "strata_scratch_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute("create database " + name + " template template0");
        String url = jdbc.group(1) + "/" + name + (jdbc.group(2) == null ? "" : jdbc.group(2));
        ConnectionSource scratch = new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return DriverManager.getConnection(url, properties);
            }

            @Override
            public String description() {
                return "database " + name + " on " + server + " (scratch)";
            }
        };
        // WITH (FORCE) ends sessions a failed replay may have left (PostgreSQL 13 and later).
        return Scratch.of(scratch, () -> execute("drop database if exists " + name + " with (force)"));
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new DatabaseConnectionException(server + " (a scratch database for " + purpose
                    + "; the user needs CREATEDB)", e);
        }
    }
}
