package dev.strata.migrations.adopt;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * temporal-sql-tool's {@code schema_version}: one row per database it manages ({@code db_name}), holding the version
 * the schema is at ({@code curr_version}, a {@code v<version>} directory's {@code CurrVersion}), beside a log of
 * updates, {@code schema_update_history} (new_version, update_time). Every file of every directory up to that version
 * counts as applied, as the tool counts it; its update time comes from the log where it has the version. The tool
 * records no checksum or user and keeps no failed state, so each file is matched by its version only.
 */
public final class TemporalTool implements SourceTool {
    /** The tool's table name; it keeps it in the database it migrates, under no other name. */
    public static final String DEFAULT_TABLE = "schema_version";
    /** The log of updates, beside {@link #DEFAULT_TABLE} in the same schema. */
    static final String UPDATE_LOG = "schema_update_history";

    /** One {@code schema_version} row. */
    record Row(String database, String currentVersion) {
    }

    /** One {@code schema_update_history} row. */
    record Update(String newVersion, OffsetDateTime time) {
    }

    @Override
    public String name() {
        return "temporal-sql-tool";
    }

    @Override
    public String displayName() {
        return "temporal-sql-tool";
    }

    @Override
    public String defaultTable() {
        return DEFAULT_TABLE;
    }

    @Override
    public String tableSetting() {
        return "temporal-sql-tool always names it schema_version; its schema is the first in the search_path of the"
                + " tool's connection";
    }

    @Override
    public Set<Layout> layouts() {
        return Set.of(Layout.TEMPORAL);
    }

    @Override
    public SourceHistory read(Connection connection, SchemaTable table, ResolvedMigrations files) throws SQLException {
        List<Row> rows = SourceTables.rows(connection, "select db_name, curr_version from " + table.qualified()
                + " order by db_name", result -> new Row(result.getString(1), result.getString(2)));
        String database = SourceTables.rows(connection, "select current_database()", result -> result.getString(1))
                .get(0);
        SchemaTable log = new SchemaTable(table.schema(), UPDATE_LOG);
        List<Update> updates = SourceTables.exists(connection, log)
                ? SourceTables.rows(connection, "select new_version, update_time::timestamptz from "
                + log.qualified() + " order by update_time", result -> new Update(result.getString(1),
                result.getObject(2, OffsetDateTime.class)))
                : List.of();
        return interpret(table, rows, database, updates, files);
    }

    /** What the tool's row says was applied: a pure function of the rows, the database's name and the files. */
    static SourceHistory interpret(SchemaTable table, List<Row> rows, String database, List<Update> updates,
                                   ResolvedMigrations files) {
        List<Row> own = rows.stream().filter(row -> database.equals(row.database())).toList();
        if (own.isEmpty() && rows.size() == 1) {
            // The tool's --db names the database; a copy restored under another name keeps the old name.
            own = rows;
        }
        if (rows.isEmpty()) {
            return new SourceHistory(List.of(), List.of(table + " holds no row: temporal-sql-tool applied no"
                    + " version, nothing to adopt"), List.of());
        }
        if (own.size() != 1) {
            return refused(new AdoptionPlan.Refusal(table + " holds rows for the databases " + rows.stream()
                    .map(Row::database).collect(Collectors.joining(", ")) + ", none of them this database ("
                    + database + ")", "adopt in the database temporal-sql-tool migrated (its --db), whose row"
                    + " says which version it is at"));
        }
        Row row = own.get(0);
        String text = row.currentVersion() == null ? "" : row.currentVersion().strip();
        if (!Version.isValid(text)) {
            return refused(new AdoptionPlan.Refusal("temporal-sql-tool's " + table + " says curr_version '" + text
                    + "' for " + row.database() + ", which is not a version", "set curr_version to the version the"
                    + " schema is at (temporal-sql-tool update-schema would fail on it too), and adopt again"));
        }
        Version current = Version.parse(text);
        if (current.parts().stream().allMatch(part -> part.signum() == 0)) {
            return new SourceHistory(List.of(), List.of(table + " is at version " + text + ", where"
                    + " setup-schema starts: temporal-sql-tool applied no versioned directory, nothing to adopt"),
                    List.of());
        }
        Map<Version, OffsetDateTime> updated = new HashMap<>();
        for (Update update : updates) {
            if (update.newVersion() != null && Version.isValid(update.newVersion().strip()) && update.time() != null) {
                updated.put(Version.parse(update.newVersion().strip()), update.time());
            }
        }
        String origin = "temporal-sql-tool " + table + " (db_name " + row.database() + ") at version " + text;
        List<SourceMigration> applied = new ArrayList<>();
        boolean currentHasFile = false;
        for (ResolvedMigration file : files.migrations()) {
            Version version = file.id().versionNumber().orElseThrow();
            Version directory = directoryVersion(version);
            if (files.order().isAfter(directory, current)) {
                continue;
            }
            currentHasFile |= directory.equals(current);
            SourceMigration migration = SourceMigration.versioned(applied.size(), version,
                    new Verification.NotRecorded("temporal-sql-tool"), "version " + version + " (v"
                            + directory + ", at or below temporal-sql-tool's version " + text + ")", origin, "");
            applied.add(Optional.ofNullable(updated.get(directory)).map(migration::installedOn).orElse(migration));
        }
        if (!currentHasFile) {
            return refused(new AdoptionPlan.Refusal("temporal-sql-tool's " + table + " is at version " + text
                    + ", but no v" + text + "/manifest.json lists a file",
                    "restore the v" + text + " directory (its manifest.json and files) in the migration locations;"
                            + " temporal-sql-tool cannot update from this state either"));
        }
        return new SourceHistory(applied, List.of(), List.of());
    }

    /** A file's version is its directory's version and its place in the manifest: 1.2.3 is the third file of v1.2. */
    private static Version directoryVersion(Version fileVersion) {
        List<BigInteger> parts = fileVersion.parts();
        if (parts.size() < 2) {
            return fileVersion;
        }
        return Version.parse(parts.subList(0, parts.size() - 1).stream().map(BigInteger::toString)
                .collect(Collectors.joining(".")));
    }

    private static SourceHistory refused(AdoptionPlan.Refusal refusal) {
        return new SourceHistory(List.of(), List.of(), List.of(refusal));
    }
}
