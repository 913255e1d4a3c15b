package dev.strata.cli.database;

import dev.strata.cli.StrataVersion;
import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.embedded.EmbeddedPostgresException;
import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.lint.ScratchDatabases;
import dev.strata.migrations.lint.ScratchServer;
import dev.strata.migrations.lint.ServerScratchDatabases;

import java.time.Duration;
import java.util.Optional;

/**
 * The empty database {@code strata diff} replays the migrations into, gone when closed: an ephemeral embedded
 * PostgreSQL in a temporary directory (never the solo-mode data directory), or a uniquely named database created on
 * the server of {@code --scratch-url} and dropped afterwards, also when the diff failed or strata is interrupted.
 */
public abstract class ScratchDatabase implements AutoCloseable {
    public abstract ConnectionSource connectionSource();

    @Override
    public abstract void close();

    /**
     * The embedded scratch server: throwaway data, so with the fast non-durable settings; its files and log live in a
     * private temporary directory deleted on close.
     */
    public static ScratchDatabase embedded() {
        return new Embedded(startEmbedded());
    }

    /**
     * The embedded scratch server for many lints (a fleet's gate): each scratch database a database of its own on it,
     * created and dropped by the engine's {@link ServerScratchDatabases}; closing it stops the server.
     */
    public static ScratchServer embeddedServer(Duration connectTimeout) {
        EmbeddedPostgres server = startEmbedded();
        DatabaseUrl url = DatabaseUrl.parse(server.urlWithPassword("postgres"), "the scratch embedded PostgreSQL");
        ScratchDatabases databases = new ServerScratchDatabases(url, new DatabaseSettings(Optional.of(url),
                Optional.empty(), Optional.empty(), 1, connectTimeout, false), "the migrations.lint gate", "");
        return new ScratchServer() {
            @Override
            public ScratchDatabases databases() {
                return databases;
            }

            @Override
            public void close() {
                stopQuietly(server);
            }
        };
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.builder().nonDurable().startupTimeout(Duration.ofSeconds(60)).start();
        } catch (EmbeddedPostgresException e) {
            throw new EmbeddedDatabaseException("cannot start the scratch embedded PostgreSQL: " + e.getMessage(),
                    EmbeddedDatabase.remedy(e) + "; or give --scratch-url a PostgreSQL server where strata may create a database", e);
        }
    }

    private static void stopQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (RuntimeException ignored) {
            // The server's shutdown hook stops a server that did not stop here.
        }
    }

    /**
     * Creates {@code strata_scratch_<random>} from {@code template0} on the server of {@code url} (connecting to the
     * database the URL names, e.g. {@code postgres}), through the engine's {@link ServerScratchDatabases}.
     */
    public static ScratchDatabase onServer(DatabaseUrl url, Duration connectTimeout) {
        DatabaseSettings settings = new DatabaseSettings(Optional.of(url), Optional.empty(), Optional.empty(), 1,
                connectTimeout, false);
        return new OnServer(new ServerScratchDatabases(url, settings, "--scratch-url", "--scratch-url ").open());
    }

    private static final class Embedded extends ScratchDatabase {
        private final EmbeddedPostgres server;

        Embedded(EmbeddedPostgres server) {
            this.server = server;
        }

        @Override
        public ConnectionSource connectionSource() {
            return ConnectionSource.of(server.dataSource("postgres"), "embedded PostgreSQL " + StrataVersion.postgresMajor()
                    + " (scratch, temporary)");
        }

        @Override
        public void close() {
            stopQuietly(server);
        }
    }

    private static final class OnServer extends ScratchDatabase {
        private final ScratchDatabases.Scratch scratch;
        private final Thread dropOnExit;
        private boolean dropped;

        OnServer(ScratchDatabases.Scratch scratch) {
            this.scratch = scratch;
            // Interrupted (Ctrl-C, a CI timeout): still drop the database rather than leave it on a shared server.
            this.dropOnExit = new Thread(this::drop, "drop-scratch-database");
            Runtime.getRuntime().addShutdownHook(dropOnExit);
        }

        @Override
        public ConnectionSource connectionSource() {
            return scratch.connections();
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(dropOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook drops it.
            }
            drop();
        }

        private synchronized void drop() {
            if (dropped) {
                return;
            }
            dropped = true;
            scratch.close();
        }
    }
}
