package dev.strata.migrations.fleet;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.JdbcConnectionSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The connections of one target: its URL with the fleet's user, password and timeouts, and for a tenant's schema a
 * search_path of that schema alone (then {@code public}, when asked), set when the session starts so that the reset
 * after each file puts it back.
 */
final class TargetConnections {
    private TargetConnections() {
    }

    static ConnectionSource of(Target target, DatabaseSettings base, boolean includePublic, Optional<ServerGate> gate) {
        DatabaseSettings settings = new DatabaseSettings(Optional.of(target.url()), base.user(),
                target.password().or(base::password), 1, base.connectTimeout(), false, false);
        Properties extra = new Properties();
        target.schema().ifPresent(schema -> extra.setProperty("currentSchema",
                identifier(schema) + (includePublic && !schema.equals("public") ? ",public" : "")));
        ConnectionSource direct = new JdbcConnectionSource(settings, extra, Optional.of(target.toString()));
        if (gate.isEmpty()) {
            return direct;
        }
        String server = server(target.url().jdbcUrl());
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return gate.get().open(server, direct::open);
            }

            @Override
            public String description() {
                return direct.description();
            }
        };
    }

    /** host:port of a pgjdbc URL: what the connection bound counts per. */
    static String server(String jdbcUrl) {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }

    /** A schema name as search_path takes it: quoted unless it is a plain lower-case identifier. */
    static String identifier(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
