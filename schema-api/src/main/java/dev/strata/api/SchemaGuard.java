package dev.strata.api;

import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.DatabaseOperationException;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.history.AppliedVersions;
import dev.strata.migrations.history.HistoryTable;
import dev.strata.migrations.sql.SqlStates;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Fails fast when a database is not at the schema an application's generated code expects. It reads the history
 * table with the engine's {@link HistoryTable} and compares it, version by version and checksum by checksum, with
 * the migrations a {@link SchemaDescriptor} lists (the generated {@code SchemaVersion.INSTANCE} of the application's
 * package). Call {@link #verify(DataSource, SchemaDescriptor)} at application start (after migrating, when the
 * application migrates) or in a test.
 */
public final class SchemaGuard {

    private SchemaGuard() {
    }

    /**
     * {@link #verify(DataSource, SchemaDescriptor, SchemaTable)} with the default history table
     * {@code public.strata_schema_history}.
     */
    public static void verify(DataSource dataSource, SchemaDescriptor expected) {
        verify(dataSource, expected, defaultHistoryTable());
    }

    /**
     * @throws SchemaMismatchException when the database is behind, ahead, drifted or has a failed migration
     * @throws DatabaseConnectionException when the database cannot be reached
     */
    public static void verify(DataSource dataSource, SchemaDescriptor expected, SchemaTable historyTable) {
        SchemaComparison comparison = compare(dataSource, expected, historyTable);
        if (!comparison.matches()) {
            throw new SchemaMismatchException("the database", comparison);
        }
    }

    /** The comparison without judging it, e.g. to log or to show on a status page. */
    public static SchemaComparison compare(DataSource dataSource, SchemaDescriptor expected, SchemaTable historyTable) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(expected, "expected");
        List<HistoryRow> applied;
        try (Connection connection = dataSource.getConnection()) {
            applied = new HistoryTable(historyTable).readAll(connection);
        } catch (SQLException e) {
            if (SqlStates.cannotConnect(e)) {
                throw new DatabaseConnectionException("the database", e);
            }
            throw new DatabaseOperationException("reading the history table " + historyTable, e);
        }
        return compare(expected, applied);
    }

    /**
     * The pure comparison of a descriptor's migrations with history rows, read as the engine reads them
     * ({@link AppliedVersions}): each version by its last row, so an undone version is pending again and a baseline
     * stands for every version up to it. Package-private: its tests compare without a database.
     */
    static SchemaComparison compare(SchemaDescriptor expected, List<HistoryRow> applied) {
        AppliedVersions versions = AppliedVersions.of(applied);
        Map<Version, HistoryRow> succeeded = new LinkedHashMap<>();
        versions.lastRows().forEach((version, row) -> {
            if (row.success() && !AppliedVersions.isUndo(row)) {
                succeeded.put(version, row);
            }
        });
        List<HistoryRow> failed = applied.stream().filter(row -> !row.success()).toList();
        Map<Version, SchemaMigration.Versioned> known = new LinkedHashMap<>();
        List<SchemaMigration.Repeatable> repeatables = new ArrayList<>();
        for (SchemaMigration migration : expected.migrations()) {
            if (migration instanceof SchemaMigration.Versioned versioned) {
                known.put(Version.parse(versioned.version()), versioned);
            } else if (migration instanceof SchemaMigration.Repeatable repeatable) {
                repeatables.add(repeatable);
            }
        }

        List<SchemaMigration> pending = new ArrayList<>();
        List<SchemaComparison.Drift> drifted = new ArrayList<>();
        known.forEach((version, migration) -> {
            HistoryRow row = succeeded.get(version);
            if (row == null) {
                if (!versions.coveredByBaseline(version)) {
                    pending.add(migration);
                }
            } else if (row.type() != MigrationType.BASELINE && !migration.checksum().equals(row.checksum())) {
                drifted.add(new SchemaComparison.Drift(migration.version(), migration.script(), row.checksum(),
                        migration.checksum()));
            }
        });
        // A repeatable file whose last successful run recorded another checksum has yet to run: the database is behind.
        for (SchemaMigration.Repeatable migration : repeatables) {
            HistoryRow row = versions.lastRepeatable().get(migration.script());
            if (row == null || !row.success() || !migration.checksum().equals(row.checksum())) {
                pending.add(migration);
            }
        }
        List<HistoryRow> unknown = succeeded.entrySet().stream()
                .filter(last -> !known.containsKey(last.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
        return new SchemaComparison(expected.getClass().getName(), expected.latestVersion().orElse("(none)"), pending,
                unknown, drifted, failed);
    }

    static SchemaTable defaultHistoryTable() {
        return new SchemaTable(MigrationSettings.DEFAULT_SCHEMA, MigrationSettings.DEFAULT_TABLE);
    }
}
