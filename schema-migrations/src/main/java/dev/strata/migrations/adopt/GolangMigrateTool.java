package dev.strata.migrations.adopt;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * golang-migrate's {@code schema_migrations}: a single row, the version the database is at and whether the last
 * migration failed part-way ({@code dirty}). Every file up to that version counts as applied, as golang-migrate
 * counts it; it records no checksum, time or user, so each file is matched by its version only.
 */
public final class GolangMigrateTool implements SourceTool {
    /** golang-migrate's default table name ({@code x-migrations-table} names another). */
    public static final String DEFAULT_TABLE = "schema_migrations";

    /** The one row golang-migrate keeps. */
    record Row(long version, boolean dirty) {
    }

    @Override
    public String name() {
        return "golang-migrate";
    }

    @Override
    public String displayName() {
        return "golang-migrate";
    }

    @Override
    public String defaultTable() {
        return DEFAULT_TABLE;
    }

    @Override
    public String tableSetting() {
        return "golang-migrate's x-migrations-table parameter of the database URL";
    }

    @Override
    public Set<Layout> layouts() {
        // Layout auto reads a golang-migrate folder as sqlx's reversible pairs: the same versions and file names.
        return Set.of(Layout.GOLANG_MIGRATE, Layout.SQLX);
    }

    @Override
    public SourceHistory read(Connection connection, SchemaTable table, ResolvedMigrations files) throws SQLException {
        return interpret(table, readRows(connection, table), files);
    }

    static List<Row> readRows(Connection connection, SchemaTable table) throws SQLException {
        return SourceTables.rows(connection, "select version, dirty from " + table.qualified()
                + " order by version",
                result -> new Row(result.getLong(1), result.getBoolean(2)));
    }

    /** What golang-migrate's row says was applied: a pure function of the row and the files. */
    static SourceHistory interpret(SchemaTable table, List<Row> rows, ResolvedMigrations files) {
        if (rows.size() > 1) {
            return refused(new AdoptionPlan.Refusal(table + " holds " + rows.size() + " rows (versions "
                    + rows.stream().map(row -> Long.toString(row.version())).toList() + "); golang-migrate keeps"
                    + " exactly one, the version the database is at",
                    "check which version the database is at, then `migrate force <version>` (it leaves one row)"
                            + " and adopt again"));
        }
        if (rows.isEmpty() || rows.get(0).version() < 0 && !rows.get(0).dirty()) {
            return new SourceHistory(List.of(), List.of(table + " holds no version: golang-migrate applied no"
                    + " migration, nothing to adopt"), List.of());
        }
        Row row = rows.get(0);
        if (row.dirty()) {
            return refused(new AdoptionPlan.Refusal("golang-migrate's " + table + " says version " + row.version()
                    + " is dirty: that migration failed part-way (golang-migrate itself stops with \"Dirty database"
                    + " version " + row.version() + ". Fix and force version.\")",
                    "check what version " + row.version() + " changed and finish or undo it by hand, then"
                            + " `migrate force " + row.version() + "` if it is now fully applied, or `migrate force"
                            + " <the version before it>` if it is not, and adopt again"));
        }
        Version current = Version.parse(Long.toString(row.version()));
        String origin = "golang-migrate " + table + " at version " + row.version();
        List<SourceMigration> applied = new ArrayList<>();
        boolean currentHasFile = false;
        for (ResolvedMigration file : files.migrations()) {
            Version version = file.id().versionNumber().orElseThrow();
            if (files.order().isAfter(version, current)) {
                continue;
            }
            currentHasFile |= version.equals(current);
            applied.add(SourceMigration.versioned(applied.size(), version,
                    new Verification.NotRecorded("golang-migrate"), "version " + version + " (at or below"
                            + " golang-migrate's version " + row.version() + ")", origin, ""));
        }
        if (!currentHasFile) {
            return refused(new AdoptionPlan.Refusal("golang-migrate's " + table + " is at version " + row.version()
                    + ", but no migration file has version " + row.version(),
                    "restore " + row.version() + "_<title>.up.sql in the migration locations (golang-migrate cannot"
                            + " run from this state either); if the recorded version is wrong, `migrate force"
                            + " <version>` sets the right one"));
        }
        return new SourceHistory(applied, List.of(), List.of());
    }

    private static SourceHistory refused(AdoptionPlan.Refusal refusal) {
        return new SourceHistory(List.of(), List.of(), List.of(refusal));
    }
}
