package dev.strata.testserver;

import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.embedded.ThrowawayDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One embedded PostgreSQL for a whole test JVM of a module whose tests need the server itself (its superuser, its
 * port), not only a database: started on first use with the test server's settings ({@link
 * TestServerLauncher#startEmbedded()}), stopped by its shutdown hook. Each test class takes databases of its own from
 * it, so classes never see each other's rows.
 */
public final class SharedEmbeddedServer {
    private static EmbeddedPostgres server;

    private SharedEmbeddedServer() {
    }

    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            server = TestServerLauncher.startEmbedded();
        }
        return server;
    }

    /** A new, empty database {@code <prefix>_<random>} on the shared server; it goes with the server. */
    public static String createDatabase(String prefix) {
        String name = ThrowawayDatabases.uniqueName(prefix);
        try (Connection admin = get().dataSource("postgres").getConnection()) {
            ThrowawayDatabases.create(admin, name, Optional.empty(), "");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + server + ": "
                    + e.getMessage(), e);
        }
        return name;
    }
}
