package dev.strata.migrations.lint;

/**
 * A PostgreSQL server started to replay on, stopped when closed: the CLI's temporary embedded PostgreSQL. The engine
 * starts no server; it is handed a way to start one ({@link SharedScratchServer}).
 */
public interface ScratchServer extends AutoCloseable {
    /** The scratch databases of this server: each {@link ScratchDatabases#open()} a new database on it. */
    ScratchDatabases databases();

    /** Stops the server. */
    @Override
    void close();
}
