package dev.strata.migrations.adopt;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * dbmate's {@code schema_migrations}: one row per applied file, holding only the file's version as text. dbmate
 * records no checksum, time or user, so each file is matched by its version only.
 */
public final class DbmateTool implements SourceTool {
    /** dbmate's default table name ({@code --migrations-table} names another). */
    public static final String DEFAULT_TABLE = "schema_migrations";

    @Override
    public String name() {
        return "dbmate";
    }

    @Override
    public String displayName() {
        return "dbmate";
    }

    @Override
    public String defaultTable() {
        return DEFAULT_TABLE;
    }

    @Override
    public String tableSetting() {
        return "dbmate's --migrations-table, or DBMATE_MIGRATIONS_TABLE";
    }

    @Override
    public Set<Layout> layouts() {
        return Set.of(Layout.DBMATE);
    }

    @Override
    public SourceHistory read(Connection connection, SchemaTable table, ResolvedMigrations files) throws SQLException {
        return interpret(table, readRows(connection, table));
    }

    static List<String> readRows(Connection connection, SchemaTable table) throws SQLException {
        return SourceTables.rows(connection, "select version from " + table.qualified() + " order by version",
                result -> result.getString(1));
    }

    /** What dbmate's rows say was applied: a pure function of the rows. */
    static SourceHistory interpret(SchemaTable table, List<String> versions) {
        List<SourceMigration> applied = new ArrayList<>();
        List<AdoptionPlan.Refusal> refusals = new ArrayList<>();
        for (String text : versions) {
            if (!text.chars().allMatch(Character::isDigit) || text.isEmpty()) {
                refusals.add(new AdoptionPlan.Refusal("dbmate's row version '" + text + "' in " + table + " is not"
                        + " the digits of a dbmate file name", "delete the row if no file has this version (dbmate"
                        + " would never match it either), and adopt again"));
                continue;
            }
            applied.add(SourceMigration.versioned(applied.size(), Version.parse(text),
                    new Verification.NotRecorded("dbmate"), "row version " + text, "dbmate " + table + " version "
                            + text,
                    "restore " + text + "_<name>.sql in the migration locations; if it was removed on purpose,"
                            + " delete its row (delete from " + table + " where version = '" + text + "')"));
        }
        return new SourceHistory(applied, List.of(), refusals);
    }
}
