package dev.strata.spring;

import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.lint.ServerScratchDatabases;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import java.time.Duration;
import java.util.Optional;

/**
 * Where {@code strata.migrations.lint} replays at start-up: a scratch database created (and dropped) on the server
 * Spring Boot connects the application to, with its user, who needs {@code CREATEDB}, as for schema-api's
 * {@code auto_migrate}. An application starts no embedded server.
 */
final class LintScratch {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private LintScratch() {
    }

    static ServerScratchDatabases on(JdbcConnectionDetails details) {
        DatabaseUrl server = DatabaseUrl.parse(details.getJdbcUrl(), "Spring Boot's JDBC URL (spring.datasource.url)");
        return new ServerScratchDatabases(server, new DatabaseSettings(Optional.empty(),
                Optional.ofNullable(details.getUsername()), Optional.ofNullable(details.getPassword()), 1,
                CONNECT_TIMEOUT, false), "strata.migrations.lint at start-up", "spring.datasource.url ");
    }
}
