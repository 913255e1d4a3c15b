package dev.strata.migrations.config;

import dev.strata.migrations.ConnectionSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens pgjdbc connections for the configured URL; the description shown in messages has no password. */
public final class JdbcConnectionSource implements ConnectionSource {
    static final String APPLICATION_NAME = "strata";

    private final DatabaseUrl url;
    private final Properties properties;

    public JdbcConnectionSource(DatabaseSettings settings) {
        this.url = settings.url().orElseThrow(() -> new IllegalStateException("no database URL configured"));
        this.properties = driverProperties(settings);
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
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    @Override
    public String description() {
        return url.toString();
    }
}
