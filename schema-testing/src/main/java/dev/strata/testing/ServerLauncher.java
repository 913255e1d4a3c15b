package dev.strata.testing;

import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.embedded.EmbeddedPostgresException;

/** Starts (or, for an external server, connects to) the server a {@link ServerSpec} names. */
final class ServerLauncher {

    private ServerLauncher() {
    }

    static PostgresServer start(ServerSpec spec) {
        return switch (spec.kind()) {
            case EMBEDDED -> embedded();
            case TESTCONTAINERS -> container(spec.image());
            case EXTERNAL -> PostgresServer.connect("external PostgreSQL (" + TestEnvironment.URL_VARIABLE + ")",
                    DatabaseUrl.parse(spec.url().orElseThrow(), TestEnvironment.URL_VARIABLE), () -> { },
                    CopyStrategy.SERVER_DEFAULT);
            case AUTO -> throw new IllegalArgumentException("AUTO is decided by ServerSpec.choose");
        };
    }

    /**
     * An embedded server tuned for throwaway data ({@link EmbeddedPostgres.Builder#nonDurable()}: without fsync and
     * full-page writes a crash can corrupt it, which does not matter for a server that lives as long as one test run,
     * and CREATE DATABASE is much cheaper; so it is with the data in memory, {@link MemoryDataDirectory}). Like every
     * embedded server it takes only its per-start password, which stays in the admin URL (printed masked).
     */
    private static PostgresServer embedded() {
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().nonDurable();
            MemoryDataDirectory.create().ifPresent(directory ->
                    builder.dataDirectory(directory).deleteDataDirectoryOnClose(true));
            postgres = builder.start();
        } catch (EmbeddedPostgresException e) {
            throw new TestDatabaseException("cannot start the embedded PostgreSQL for the tests: " + e.getMessage(),
                    e.remedy() + "; or run the tests on another server (" + TestEnvironment.URL_VARIABLE + ")", e);
        }
        return PostgresServer.connect("embedded PostgreSQL",
                DatabaseUrl.parse(postgres.urlWithPassword("postgres"), "embedded"), postgres, CopyStrategy.FILE_COPY);
    }

    /** Loads the Testcontainers classes only now, so they are needed only by those who select containers. */
    private static PostgresServer container(String image) {
        try {
            return ContainerServer.start(image);
        } catch (NoClassDefFoundError e) {
            throw new TestDatabaseException("Testcontainers was selected as the test server, but its classes are not"
                    + " on the test class path (" + e.getMessage() + ")",
                    "add org.testcontainers:testcontainers-postgresql to your test dependencies, or select the"
                            + " embedded server (unset " + TestEnvironment.SERVER_VARIABLE + ")", e);
        }
    }
}
