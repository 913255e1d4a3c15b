package dev.strata.migrations.lint;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseOperationException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Where the lint replays: each {@link #open()} an empty database of its own, gone when closed. The engine starts no
 * server; the caller says where scratch databases come from (the CLI: a temporary embedded PostgreSQL, or a database
 * created on {@code --scratch-url}).
 */
@FunctionalInterface
public interface ScratchDatabases {
    /** A new empty database, for one lint. */
    Scratch open();

    /**
     * These databases with {@code schema} created in each and {@code searchPath} as the database's default, so
     * every session of the replay resolves names as a tenant's sessions do (also after the reset between files).
     *
     * @param searchPath the search_path a target's sessions have, e.g. {@code tenant_a,public}
     */
    default ScratchDatabases inSchema(String schema, String searchPath) {
        ScratchDatabases databases = this;
        return () -> {
            Scratch scratch = databases.open();
            try (Connection connection = scratch.connections().openInAutocommit();
                 Statement statement = connection.createStatement()) {
                statement.execute("create schema if not exists \"" + schema.replace("\"", "\"\"") + "\"");
                statement.execute("do $strata$ begin execute format('alter database %I set search_path to "
                        + searchPath.replace("'", "''") + "', current_database()); end $strata$");
                return scratch;
            } catch (SQLException | RuntimeException e) {
                scratch.close();
                if (e instanceof SQLException sql) {
                    throw new DatabaseOperationException("creating schema " + schema + " in "
                            + scratch.connections().description(), sql);
                }
                throw (RuntimeException) e;
            }
        };
    }

    /**
     * These databases for a run that lints many targets (a fleet's gate), until the returned value is closed: what
     * they need started (a server) is started once for the run, each {@link #open()} still an empty database of its
     * own. By default nothing needs starting and each open stands alone, as on {@code --scratch-url}'s server; the
     * CLI's embedded default overrides it with a {@link SharedScratchServer}.
     */
    default Shared shared() {
        ScratchDatabases databases = this;
        return new Shared() {
            @Override
            public Scratch open() {
                return databases.open();
            }

            @Override
            public void close() {
                // Nothing was started for the run.
            }
        };
    }

    /** Scratch databases shared by one run, and what it started for them, stopped by {@link #close()}. */
    interface Shared extends ScratchDatabases, AutoCloseable {
        @Override
        void close();
    }

    /** One scratch database; {@link #close()} drops it (or stops its server), also after a failed replay. */
    interface Scratch extends AutoCloseable {
        ConnectionSource connections();

        @Override
        void close();

        static Scratch of(ConnectionSource connections, Runnable drop) {
            Objects.requireNonNull(connections, "connections");
            Objects.requireNonNull(drop, "drop");
            return new Scratch() {
                @Override
                public ConnectionSource connections() {
                    return connections;
                }

                @Override
                public void close() {
                    drop.run();
                }
            };
        }
    }
}
