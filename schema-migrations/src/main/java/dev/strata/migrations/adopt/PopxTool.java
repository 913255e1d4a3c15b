package dev.strata.migrations.adopt;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.core.VersionOrder;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Ory popx's {@code schema_migration}: one row per applied version, the version as text (popx deletes the row when
 * it rolls a version back). Newer popx adds a {@code version_self} column about the table itself, which is not read.
 * popx records no checksum, time or user and keeps no failed state, so each file is matched by its version only, and
 * the rows are adopted in popx's own order: versions compared as strings ({@link VersionOrder#STRING}).
 */
public final class PopxTool implements SourceTool {
    /** popx's default table name (pop's {@code migration_table_name} names another). */
    public static final String DEFAULT_TABLE = "schema_migration";

    @Override
    public String name() {
        return "popx";
    }

    @Override
    public String displayName() {
        return "popx";
    }

    @Override
    public String defaultTable() {
        return DEFAULT_TABLE;
    }

    @Override
    public String tableSetting() {
        return "pop's migration_table_name, which popx uses";
    }

    @Override
    public Set<Layout> layouts() {
        return Set.of(Layout.POPX);
    }

    @Override
    public SourceHistory read(Connection connection, SchemaTable table, ResolvedMigrations files) throws SQLException {
        return interpret(table, readRows(connection, table), files.order());
    }

    static List<String> readRows(Connection connection, SchemaTable table) throws SQLException {
        return SourceTables.rows(connection, "select version from " + table.qualified(),
                result -> result.getString(1));
    }

    /** What popx's rows say was applied, in {@code order} (the layout's): a pure function of the rows. */
    static SourceHistory interpret(SchemaTable table, List<String> versions, VersionOrder order) {
        List<Version> valid = new ArrayList<>();
        List<AdoptionPlan.Refusal> refusals = new ArrayList<>();
        for (String text : versions) {
            if (text == null || text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
                refusals.add(new AdoptionPlan.Refusal("popx's row version '" + text + "' in " + table + " is not"
                        + " the digits of a popx file name", "delete the row if no file has this version (popx"
                        + " would never match it either), and adopt again"));
                continue;
            }
            valid.add(Version.parse(text));
        }
        valid.sort(Comparator.comparing(version -> version, order));
        List<SourceMigration> applied = new ArrayList<>();
        for (Version version : valid) {
            applied.add(SourceMigration.versioned(applied.size(), version, new Verification.NotRecorded("popx"),
                    "row version " + version, "popx " + table + " version " + version,
                    "restore " + version + "_<name>.up.sql (or its .postgres.up.sql) in the migration locations; if"
                            + " it was removed on purpose, delete its row (delete from " + table + " where version = '"
                            + version + "')"));
        }
        return new SourceHistory(applied, List.of(), refusals);
    }
}
