package dev.strata.migrations.adopt;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * diesel's {@code __diesel_schema_migrations}: one row per applied migration directory, its version (the directory
 * name's part before the first underscore, without dashes) and when it ran. diesel records no checksum or user, so
 * each directory is matched by its version only.
 */
public final class DieselTool implements SourceTool {
    /** diesel's table name. */
    public static final String DEFAULT_TABLE = "__diesel_schema_migrations";

    /** One row as diesel wrote it. */
    record Row(String version, OffsetDateTime runOn) {
    }

    @Override
    public String name() {
        return "diesel";
    }

    @Override
    public String displayName() {
        return "diesel";
    }

    @Override
    public String defaultTable() {
        return DEFAULT_TABLE;
    }

    @Override
    public String tableSetting() {
        return "diesel keeps it in the schema its connection's search_path puts first";
    }

    @Override
    public Set<Layout> layouts() {
        return Set.of(Layout.DIESEL);
    }

    @Override
    public SourceHistory read(Connection connection, SchemaTable table, ResolvedMigrations files) throws SQLException {
        return interpret(table, readRows(connection, table));
    }

    /**
     * Every row in version order. {@code run_on} is a timestamp without time zone that defaults to
     * {@code CURRENT_TIMESTAMP}; it is read in this session's time zone, as the server itself would convert it.
     */
    static List<Row> readRows(Connection connection, SchemaTable table) throws SQLException {
        return SourceTables.rows(connection, "select version, run_on::timestamptz from "
                + table.qualified() + " order by version",
                result -> new Row(result.getString(1), result.getObject(2, OffsetDateTime.class)));
    }

    /** What diesel's rows say was applied: a pure function of the rows. */
    static SourceHistory interpret(SchemaTable table, List<Row> rows) {
        List<SourceMigration> applied = new ArrayList<>();
        List<AdoptionPlan.Refusal> refusals = new ArrayList<>();
        for (Row row : rows) {
            // diesel drops the dashes of 2024-01-05-093000 when it records a version; an older row may keep them.
            String digits = row.version().replace("-", "");
            if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
                refusals.add(new AdoptionPlan.Refusal("diesel's row version '" + row.version() + "' in " + table
                        + " is not the version of a diesel migration directory",
                        "delete the row if no directory has this version, and adopt again"));
                continue;
            }
            SourceMigration migration = SourceMigration.versioned(applied.size(), Version.parse(digits),
                    new Verification.NotRecorded("diesel"), "row version " + row.version(), "diesel " + table
                            + " version " + row.version(),
                    "restore the migration directory of version " + row.version() + " (<version>_<name>/up.sql) in"
                            + " the migration locations; if it was removed on purpose, delete its row (delete from "
                            + table + " where version = '" + row.version() + "')");
            applied.add(row.runOn() == null ? migration : migration.installedOn(row.runOn()));
        }
        return new SourceHistory(applied, List.of(), refusals);
    }
}
