package dev.strata.codegen;

import dev.strata.migrations.MigrationSettings;

import java.sql.Connection;
import java.sql.SQLException;

/** A PostgreSQL database with the migrations applied, to read the schema from; closing it discards it. */
public interface MigratedDatabase extends AutoCloseable {

    /** A new connection to the migrated database; the caller closes it. */
    Connection connect() throws SQLException;

    /** Names the database in messages, e.g. {@code embedded PostgreSQL 17.6}. */
    String description();

    @Override
    void close();

    /** Creates migrated databases; production code starts an embedded server, tests reuse one. */
    @FunctionalInterface
    interface Factory {
        /** A fresh database with every migration these settings name applied (directories, layout, …). */
        MigratedDatabase create(MigrationSettings migrations);
    }
}
