package dev.strata.testing;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.config.LintGate;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.StrataException;
import dev.strata.migrations.drift.SchemaSnapshot;
import dev.strata.migrations.drift.SnapshotScope;
import dev.strata.migrations.execute.MigrationFailedException;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.lint.Linter;
import dev.strata.migrations.lint.LoggedLintGate;
import dev.strata.migrations.lint.TargetSizes;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A database migrated once with Strata's {@link Migrator}, then only ever copied: each test database is
 * {@code CREATE DATABASE … TEMPLATE} this one, which costs a file copy instead of a migration run.
 *
 * <p>PostgreSQL refuses to copy a database that has sessions, so nothing stays connected: the migrator's connections
 * are closed when it returns, and reading the template's catalog ({@link #snapshot}) excludes copying it.
 */
final class TemplateDatabase {
    private final PostgresServer server;
    private final String name;
    private final MigrationSettings settings;
    private final int migrationsApplied;
    /** Copies share the read side; a session on the template takes the write side. */
    private final ReadWriteLock access = new ReentrantReadWriteLock();
    /** The template never changes after its migration, so its catalog is read once. */
    private SchemaSnapshot snapshot;

    private TemplateDatabase(PostgresServer server, String name, MigrationSettings settings, int migrationsApplied) {
        this.server = server;
        this.name = name;
        this.settings = settings;
        this.migrationsApplied = migrationsApplied;
    }

    /**
     * Creates {@code name} and applies the migrations of {@code settings} to it, after the {@code lint} gate (the
     * step of schema-api's {@code auto_migrate}). The template is built from nothing, so each file is linted as a
     * release of its own after the files before it ({@link Linter.Scope#ALL}), as the release gate sees it on a
     * database that has those files; the sizes are unknown, so no finding is lowered for a small table.
     *
     * @param classLoader finds {@code classpath:} locations (the test class's loader)
     * @throws TestDatabaseException naming the location or the failing file, or listing the findings the gate
     *                               refused; the half-built database is dropped
     */
    static TemplateDatabase migrate(PostgresServer server, String name, MigrationSettings settings, LintGate lint,
                                    ClassLoader classLoader) {
        requireClasspathLocations(settings, classLoader);
        server.createDatabase(name, Optional.empty());
        try {
            ConnectionSource target = ConnectionSource.of(server.dataSource(name), "template database " + name
                    + " on " + server);
            new LoggedLintGate(lint, server::scratchDatabases).apply(target, settings, classLoader,
                    Linter.Scope.ALL, TargetSizes.unknown());
            Migrator migrator = new Migrator(target, settings, classLoader, ExecutionListener.NONE);
            MigrateResult result = migrator.migrate();
            if (result.plan().entries().isEmpty()) {
                throw new TestDatabaseException("no migration files found in " + settings.locations(),
                        "put V<version>__<description>.sql files there, or fix @MigratedDatabase(locations = …)");
            }
            return new TemplateDatabase(server, name, settings, result.applied().size());
        } catch (RuntimeException e) {
            try {
                server.dropDatabase(name);
            } catch (RuntimeException dropFailure) {
                e.addSuppressed(dropFailure);
            }
            if (e instanceof TestDatabaseException) {
                throw e;
            }
            throw failure(settings, classLoader, e);
        }
    }

    /** The error of a failed template, pointing at a dependency's jar, never at a file inside it. */
    private static TestDatabaseException failure(MigrationSettings settings, ClassLoader classLoader,
                                                 RuntimeException e) {
        String problem = "@MigratedDatabase could not build the template database from " + settings.locations() + ": "
                + e.getMessage();
        String hint = hint(e);
        DependencyJars jars = DependencyJars.scan(settings.locations(), classLoader);
        List<String> named = jars.jarsNamedIn(problem + "\n" + hint);
        if (named.isEmpty()) {
            return new TestDatabaseException(problem, hint, e);
        }
        return new TestDatabaseException(jars.annotate(problem), "the file comes from a dependency ("
                + String.join(", ", named) + "), not from this project, so it cannot be fixed here: keep this"
                + " project's migrations in a location no dependency uses (@MigratedDatabase(locations = …)), or"
                + " remove or upgrade the dependency that ships migration files there", e);
    }

    private static void requireClasspathLocations(MigrationSettings settings, ClassLoader classLoader) {
        for (Location location : settings.locations()) {
            if (location instanceof Location.Classpath classpath && classLoader.getResource(classpath.path()) == null) {
                throw new TestDatabaseException("migration location " + location + " is not on the test class path",
                        "put the migration files under src/main/resources/" + classpath.path() + " (or"
                                + " src/test/resources/" + classpath.path() + "), or fix @MigratedDatabase(locations = …)");
            }
        }
    }

    private static String hint(RuntimeException e) {
        if (e instanceof MigrationFailedException failed) {
            return "fix " + failed.failure().path() + " (nothing of it was applied); the template is built anew on"
                    + " the next test run";
        }
        if (e instanceof ValidationFailedException) {
            return "fix the migration files listed above";
        }
        if (e instanceof StrataException strata && !strata.hint().isEmpty()) {
            return strata.hint();
        }
        return "check the @MigratedDatabase settings and the server's log";
    }

    /** A new database with the template's schema and rows (the history table included). */
    void copyTo(String database) {
        access.readLock().lock();
        try {
            server.createDatabase(database, Optional.of(name));
        } finally {
            access.readLock().unlock();
        }
    }

    /**
     * The template's catalog (without the history table), read on the first call on a session that copies wait
     * for: PostgreSQL refuses to copy a database while anyone is connected to it.
     */
    synchronized SchemaSnapshot snapshot() throws SQLException {
        if (snapshot == null) {
            access.writeLock().lock();
            try (Connection connection = server.dataSource(name).getConnection()) {
                snapshot = SchemaSnapshot.read(connection, SnapshotScope.of(settings));
            } finally {
                access.writeLock().unlock();
            }
        }
        return snapshot;
    }

    void drop() {
        access.writeLock().lock();
        try {
            server.dropDatabase(name);
        } finally {
            access.writeLock().unlock();
        }
    }

    String name() {
        return name;
    }

    MigrationSettings settings() {
        return settings;
    }

    PostgresServer server() {
        return server;
    }

    /** How many migrations the one migration run applied. */
    int migrationsApplied() {
        return migrationsApplied;
    }
}
