package dev.strata.testserver;

import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.embedded.EmbeddedPostgresException;

/** Starts (or, for an external server, only names) a test server of each {@link TestServerKind}. */
public final class TestServerLauncher {

    private TestServerLauncher() {
    }

    public static StartedServer start(TestServerKind kind, TestEnvironment environment, String externalSelectedBy) {
        return switch (kind) {
            case EMBEDDED -> embedded();
            case TESTCONTAINERS -> container(environment.image());
            case EXTERNAL -> external(environment.externalUrl(externalSelectedBy));
        };
    }

    /**
     * An embedded server tuned for throwaway data ({@link EmbeddedPostgres.Builder#nonDurable()}: without fsync and
     * full-page writes a crash can corrupt it, which does not matter for a server that lives as long as one test run,
     * and CREATE DATABASE is much cheaper; so it is with the data in memory, {@link MemoryDataDirectory}). Like every
     * embedded server it takes only its per-start password, which stays in the admin URL.
     */
    public static StartedServer embedded() {
        return fromEmbedded(startEmbedded());
    }

    /** The embedded server itself, for a test helper that needs more of it than a URL (its socket, its password). */
    public static EmbeddedPostgres startEmbedded() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().nonDurable();
            MemoryDataDirectory.create().ifPresent(directory ->
                    builder.dataDirectory(directory).deleteDataDirectoryOnClose(true));
            return builder.start();
        } catch (EmbeddedPostgresException e) {
            throw new TestServerException("cannot start the embedded PostgreSQL for the tests: " + e.getMessage(),
                    e.remedy() + "; or run the tests on another server (" + TestEnvironment.URL_VARIABLE + ")", e);
        }
    }

    static StartedServer fromEmbedded(EmbeddedPostgres postgres) {
        return new StartedServer(TestServerKind.EMBEDDED, "embedded PostgreSQL", postgres.urlWithPassword("postgres"),
                postgres);
    }

    /**
     * A Testcontainers container of {@code image}. Loads the Testcontainers classes only now, so they are needed only
     * by those who select containers.
     */
    public static StartedServer container(String image) {
        try {
            return ContainerServer.start(image);
        } catch (NoClassDefFoundError e) {
            throw missingTestcontainers(e);
        }
    }

    /** The server of {@code url}, which Strata does not start nor stop. */
    public static StartedServer external(String url) {
        return new StartedServer(TestServerKind.EXTERNAL, "external PostgreSQL (" + TestEnvironment.URL_VARIABLE + ")",
                url.strip(), () -> { });
    }

    /** Whether a Docker engine answers; false too without Testcontainers on the class path. */
    public static boolean dockerAvailable() {
        try {
            return ContainerServer.dockerAvailable();
        } catch (NoClassDefFoundError e) {
            return false;
        }
    }

    private static TestServerException missingTestcontainers(NoClassDefFoundError e) {
        return new TestServerException("Testcontainers was selected as the test server, but its classes are not"
                + " on the test class path (" + e.getMessage() + ")",
                "add org.testcontainers:testcontainers-postgresql to your test dependencies, or select the"
                        + " embedded server (unset " + TestEnvironment.SERVER_VARIABLE + ")", e);
    }
}
