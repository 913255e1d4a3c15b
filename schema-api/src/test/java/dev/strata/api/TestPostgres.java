package dev.strata.api;

import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.testserver.SharedEmbeddedServer;

import java.util.Locale;

/**
 * The embedded PostgreSQL of this test JVM ({@link SharedEmbeddedServer}: these tests need its superuser and port);
 * every test class gets databases of its own, so classes never see each other's rows.
 */
final class TestPostgres {

    private TestPostgres() {
    }

    static EmbeddedPostgres server() {
        return SharedEmbeddedServer.get();
    }

    /** A new, empty database named after the test class. */
    static TestDatabase createDatabase(Class<?> owner) {
        String name = SharedEmbeddedServer.createDatabase(owner.getSimpleName().toLowerCase(Locale.ROOT));
        EmbeddedPostgres postgres = server();
        return new TestDatabase(name, postgres.port(), postgres.jdbcUrl(name) + "?user=" + postgres.user(),
                postgres.dataSource(name));
    }
}
