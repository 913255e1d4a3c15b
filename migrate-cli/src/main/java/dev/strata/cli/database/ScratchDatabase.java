package dev.strata.cli.database;

import dev.strata.cli.StrataVersion;
import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.config.JdbcConnectionSource;
import dev.strata.embedded.EmbeddedPostgres;
import dev.strata.embedded.EmbeddedPostgresException;
import dev.strata.embedded.ThrowawayDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

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
        try {
            return new Embedded(EmbeddedPostgres.builder().nonDurable().startupTimeout(Duration.ofSeconds(60)).start());
        } catch (EmbeddedPostgresException e) {
            throw new EmbeddedDatabaseException("cannot start the scratch embedded PostgreSQL: " + e.getMessage(),
                    EmbeddedDatabase.remedy(e) + "; or give --scratch-url a PostgreSQL server where strata may create a database", e);
        }
    }

    /**
     * Creates {@code strata_scratch_<random>} from {@code template0} on the server of {@code url} (connecting to the
     * database the URL names, e.g. {@code postgres}).
     */
    public static ScratchDatabase onServer(DatabaseUrl url, Duration connectTimeout) {
        String name = ThrowawayDatabases.uniqueName("strata_scratch");
        String scratchJdbc;
        try {
            scratchJdbc = ThrowawayDatabases.jdbcUrl(url.jdbcUrl(), name);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--scratch-url '" + url + "' names no server strata can create a"
                    + " database on", "use the form postgresql://user:password@host:5432/postgres");
        }
        Properties properties = JdbcConnectionSource.driverProperties(new DatabaseSettings(Optional.of(url),
                Optional.empty(), Optional.empty(), 1, connectTimeout, false));
        ConnectionSource admin = source(url.jdbcUrl(), properties, url.toString());
        execute(admin, connection -> ThrowawayDatabases.create(connection, name, Optional.of("template0"), ""));
        return new OnServer(admin, source(scratchJdbc, properties, "database " + name + " on " + url + " (scratch)"),
                name);
    }

    private static ConnectionSource source(String jdbcUrl, Properties properties, String description) {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return DriverManager.getConnection(jdbcUrl, properties);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    private interface Admin {
        void run(Connection connection) throws SQLException;
    }

    private static void execute(ConnectionSource source, Admin action) {
        try (Connection connection = source.open()) {
            action.run(connection);
        } catch (SQLException e) {
            throw new DatabaseConnectionException(source.description() + " (--scratch-url; the user needs CREATEDB)",
                    e);
        }
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
            try {
                server.close();
            } catch (RuntimeException ignored) {
                // The server's shutdown hook stops a server that did not stop here.
            }
        }
    }

    private static final class OnServer extends ScratchDatabase {
        private final ConnectionSource admin;
        private final ConnectionSource scratch;
        private final String name;
        private final Thread dropOnExit;
        private boolean dropped;

        OnServer(ConnectionSource admin, ConnectionSource scratch, String name) {
            this.admin = admin;
            this.scratch = scratch;
            this.name = name;
            // Interrupted (Ctrl-C, a CI timeout): still drop the database rather than leave it on a shared server.
            this.dropOnExit = new Thread(this::drop, "drop-scratch-database");
            Runtime.getRuntime().addShutdownHook(dropOnExit);
        }

        @Override
        public ConnectionSource connectionSource() {
            return scratch;
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
            // The drop ends sessions a failed replay may have left (PostgreSQL 13 and later).
            execute(admin, connection -> ThrowawayDatabases.drop(connection, name));
        }
    }
}
