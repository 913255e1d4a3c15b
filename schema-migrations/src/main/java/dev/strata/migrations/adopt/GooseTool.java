package dev.strata.migrations.adopt;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * goose's {@code goose_db_version}: a log of rows (id, version_id, is_applied, tstamp). goose writes a row with
 * {@code is_applied = true} when it applies a version; rolling it back either deletes its rows or, in older goose,
 * adds one with {@code is_applied = false}. So the latest row of a version decides whether it is applied, as goose
 * itself decides. Version 0 is the row goose writes when it creates the table, not a migration. goose records no
 * checksum or user and keeps no failed state (a failed file leaves no row), so each file is matched by its version.
 */
public final class GooseTool implements SourceTool {
    /** goose's default table name ({@code -table} names another). */
    public static final String DEFAULT_TABLE = "goose_db_version";

    /** One row as goose wrote it; {@code tstamp} may be null (older goose declared it nullable). */
    record Row(long id, long versionId, boolean applied, OffsetDateTime tstamp) {
    }

    @Override
    public String name() {
        return "goose";
    }

    @Override
    public String displayName() {
        return "goose";
    }

    @Override
    public String defaultTable() {
        return DEFAULT_TABLE;
    }

    @Override
    public String tableSetting() {
        return "goose's -table flag, or GOOSE_TABLE";
    }

    @Override
    public Set<Layout> layouts() {
        return Set.of(Layout.GOOSE);
    }

    @Override
    public SourceHistory read(Connection connection, SchemaTable table, ResolvedMigrations files) throws SQLException {
        return interpret(table, readRows(connection, table));
    }

    /** Every row in the order goose wrote them; {@code tstamp} is a timestamp without time zone, read as diesel's. */
    static List<Row> readRows(Connection connection, SchemaTable table) throws SQLException {
        return SourceTables.rows(connection, "select id, version_id, is_applied, tstamp::timestamptz from "
                        + table.qualified() + " order by id",
                result -> new Row(result.getLong(1), result.getLong(2), result.getBoolean(3),
                        result.getObject(4, OffsetDateTime.class)));
    }

    /** What goose's rows say was applied: a pure function of the rows. */
    static SourceHistory interpret(SchemaTable table, List<Row> rows) {
        Map<Long, Row> latest = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparingLong(Row::id)).forEach(row -> latest.put(row.versionId(), row));
        List<Row> deciding = latest.values().stream().sorted(Comparator.comparingLong(Row::id)).toList();
        List<SourceMigration> applied = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<AdoptionPlan.Refusal> refusals = new ArrayList<>();
        for (Row row : deciding) {
            long version = row.versionId();
            if (version == 0) {
                notes.add("version_id 0 (row id " + row.id() + "): the row goose writes when it creates " + table
                        + ", not a migration");
            } else if (version < 0) {
                refusals.add(new AdoptionPlan.Refusal("goose's row id " + row.id() + " in " + table + " has"
                        + " version_id " + version + ", which no goose file name can have",
                        "delete the row (delete from " + table + " where id = " + row.id() + ") and adopt again"));
            } else if (!row.applied()) {
                notes.add("version_id " + version + ": rolled back (its latest row, id " + row.id() + ", has"
                        + " is_applied = false), so not applied; `strata migrate` applies it, as `goose up` would");
            } else {
                SourceMigration migration = SourceMigration.versioned(applied.size(),
                        Version.parse(Long.toString(version)), new Verification.NotRecorded("goose"),
                        "version_id " + version + " (row id " + row.id() + ")",
                        "goose " + table + " version_id " + version,
                        "restore " + version + "_<name>.sql in the migration locations; if it was removed on"
                                + " purpose, delete its rows (delete from " + table + " where version_id = "
                                + version + ")");
                applied.add(row.tstamp() == null ? migration : migration.installedOn(row.tstamp()));
            }
        }
        return new SourceHistory(applied, notes, refusals);
    }
}
