package dev.strata.it.reliability;

import dev.strata.it.Queries;
import dev.strata.it.TestDatabase;
import dev.strata.it.cli.DeployerRole;
import dev.strata.it.cli.StrataCli;
import dev.strata.migrations.lock.AdvisoryLock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a release pipeline has: a database, a deploying role with a password, a directory of migration files, and
 * the real {@code strata} jar run as a process with the configuration in {@code STRATA_*} variables.
 */
final class Deployment {
    private final TestDatabase database;
    private final DeployerRole role;
    private final Path workingDirectory;
    private final Path migrations;
    private final Map<String, String> environment = new HashMap<>();

    private Deployment(TestDatabase database, DeployerRole role, Path workingDirectory, Path migrations) {
        this.database = database;
        this.role = role;
        this.workingDirectory = workingDirectory;
        this.migrations = migrations;
        environment.put("STRATA_DATABASE__URL", role.url());
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations);
    }

    static Deployment create(TestDatabase database, Path workingDirectory) throws SQLException {
        try {
            return new Deployment(database, DeployerRole.create(database), workingDirectory,
                    Files.createDirectories(workingDirectory.resolve("migrations")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestDatabase database() {
        return database;
    }

    DeployerRole role() {
        return role;
    }

    Path migrations() {
        return migrations;
    }

    /** Sets (or, with null, removes) a variable for the processes started from now on. */
    Deployment set(String variable, String value) {
        if (value == null) {
            environment.remove(variable);
        } else {
            environment.put(variable, value);
        }
        return this;
    }

    Deployment write(String name, String sql) {
        try {
            Files.writeString(migrations.resolve(name), sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    StrataCli.Result run(String... args) {
        return StrataCli.run(workingDirectory, environment, args);
    }

    StrataCli.Launched launch(String... args) {
        return StrataCli.Runner.launch(workingDirectory, environment, args);
    }

    /** The successful versions in the history, in installed order; empty without a history table. */
    List<String> appliedVersions() {
        return Queries.appliedVersions(database);
    }

    boolean tableExists(String name) {
        return Queries.relationExists(database, "public." + name);
    }

    /** The backend pid holding this database's migration lock, if a session holds it. */
    Optional<Integer> migrationLockHolder() {
        long key = AdvisoryLock.keyFor(database.name(), Queries.DEFAULT_HISTORY);
        try (Connection connection = database.open(); PreparedStatement statement = connection.prepareStatement(
                "select pid from pg_catalog.pg_locks where locktype = 'advisory' and granted and objsubid = 1"
                        + " and classid::bigint = ? and objid::bigint = ?")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many sessions the deploying role has open on this database. */
    long sessionsOfRole() {
        return Queries.queryLong(database, "select count(*) from pg_catalog.pg_stat_activity where usename = ?"
                + " and datname = current_database()", role.name());
    }

    /** Ends a backend as an administrator would; true when it was signalled. */
    boolean terminate(int pid) {
        return Queries.queryLong(database, "select pg_terminate_backend(?)::int", pid) == 1;
    }
}
