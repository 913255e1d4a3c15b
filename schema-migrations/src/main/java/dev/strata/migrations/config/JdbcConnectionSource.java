package dev.strata.migrations.config;

import dev.strata.migrations.ConnectionSource;

import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** Opens pgjdbc connections for the configured URL; the description shown in messages has no password. */
public final class JdbcConnectionSource implements ConnectionSource {
    static final String APPLICATION_NAME = "strata";
    private static final Driver DRIVER = new Driver();

    private final DatabaseUrl url;
    private final Properties properties;
    private final String description;

    public JdbcConnectionSource(DatabaseSettings settings) {
        this(settings, new Properties(), Optional.empty());
    }

    /**
     * @param extra       pgjdbc properties beyond the settings' own (a fleet target's {@code currentSchema})
     * @param description how messages name the database, when not by its URL; must hold no password
     */
    public JdbcConnectionSource(DatabaseSettings settings, Properties extra, Optional<String> description) {
        this.url = settings.url().orElseThrow(() -> new IllegalStateException("no database URL configured"));
        this.properties = driverProperties(settings);
        this.properties.putAll(extra);
        this.description = description.orElseGet(url::toString);
    }

    /** The pgjdbc properties for these settings: credentials, timeouts, application name. */
    public static Properties driverProperties(DatabaseSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        settings.url().ifPresent(url -> properties.putAll(url.properties()));
        settings.effectiveUser().ifPresent(user -> properties.setProperty("user", user));
        settings.effectivePassword().ifPresent(password -> properties.setProperty("password", password));
        return properties;
    }

    @Override
    public Connection open() throws SQLException {
        // pgjdbc's driver directly, not through DriverManager, whose first use scans the class path for every
        // driver and sets up its logging: tens of milliseconds of each short CLI run.
        Connection connection = DRIVER.connect(url.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("pgjdbc does not accept the URL " + url, "08001"); // DatabaseUrl makes jdbc:postgresql: URLs
        }
        return connection;
    }

    @Override
    public String description() {
        return description;
    }
}
