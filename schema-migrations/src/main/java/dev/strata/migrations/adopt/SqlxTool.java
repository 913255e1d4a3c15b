package dev.strata.migrations.adopt;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * sqlx's {@code _sqlx_migrations}: one row per applied file (for a reversible pair, its up file), with the SHA-384
 * of the file as stored, the time it was installed and how long it ran, in nanoseconds. A row with
 * {@code success = false} is a migration sqlx calls partially applied ("dirty"), which sqlx itself refuses to run
 * past.
 */
public final class SqlxTool implements SourceTool {
    /** sqlx's table name; sqlx reads and writes it in the connection's current schema. */
    public static final String DEFAULT_TABLE = "_sqlx_migrations";
    private static final long NANOS_PER_MILLI = 1_000_000L;

    /** One row as sqlx wrote it. */
    record Row(long version, String description, OffsetDateTime installedOn, boolean success, byte[] checksum,
               long executionTimeNanos) {
    }

    @Override
    public String name() {
        return "sqlx";
    }

    @Override
    public String displayName() {
        return "sqlx";
    }

    @Override
    public String defaultTable() {
        return DEFAULT_TABLE;
    }

    @Override
    public String tableSetting() {
        return "sqlx keeps it in the schema its connection's search_path puts first";
    }

    @Override
    public Set<Layout> layouts() {
        return Set.of(Layout.SQLX);
    }

    @Override
    public SourceHistory read(Connection connection, SchemaTable table, ResolvedMigrations files) throws SQLException {
        return interpret(table, readRows(connection, table));
    }

    static List<Row> readRows(Connection connection, SchemaTable table) throws SQLException {
        return SourceTables.rows(connection, "select version, description, installed_on, success,"
                + " checksum, execution_time from " + table.qualified() + " order by version",
                result -> new Row(result.getLong(1), result.getString(2), result.getObject(3, OffsetDateTime.class),
                        result.getBoolean(4), result.getBytes(5), result.getLong(6)));
    }

    /** What sqlx's rows say was applied: a pure function of the rows. */
    static SourceHistory interpret(SchemaTable table, List<Row> rows) {
        List<SourceMigration> applied = new ArrayList<>();
        List<AdoptionPlan.Refusal> refusals = new ArrayList<>();
        int order = 0;
        for (Row row : rows) {
            String describe = "row version " + row.version() + " (" + row.description() + ")";
            if (!row.success()) {
                refusals.add(new AdoptionPlan.Refusal("sqlx's " + describe + " has success = false: sqlx says"
                        + " migration " + row.version() + " is partially applied",
                        "check what migration " + row.version() + " changed and finish or undo it by hand, then, as"
                                + " sqlx itself says, \"fix and remove row from `_sqlx_migrations` table\" (delete"
                                + " from " + table + " where version = " + row.version() + "), run it again with"
                                + " `sqlx migrate run` if it is not applied, and adopt again"));
                continue;
            }
            if (row.version() <= 0) {
                refusals.add(new AdoptionPlan.Refusal("sqlx's " + describe + ": version " + row.version()
                        + " is not a version sqlx reads from a file name (a positive integer)",
                        "delete the row from " + table + " if no file has this version, and adopt again"));
                continue;
            }
            long nanos = row.executionTimeNanos();
            applied.add(new SourceMigration(order++, SourceMigration.Kind.VERSIONED,
                    Version.parse(Long.toString(row.version())), "",
                    new Verification.Recorded(ChecksumAlgorithm.SQLX_SHA384,
                            Optional.of(HexFormat.of().formatHex(row.checksum()))),
                    Optional.empty(), Optional.of(row.installedOn()),
                    OptionalInt.of((int) Math.min(Integer.MAX_VALUE, Math.max(0, nanos / NANOS_PER_MILLI))),
                    describe, "sqlx " + table + " version " + row.version(),
                    "restore the file of version " + row.version() + " (" + row.version() + "_"
                            + row.description().replace(' ', '_') + ".sql, or its .up.sql) in the migration"
                            + " locations; sqlx refuses this too (\"migration " + row.version() + " was previously"
                            + " applied but is missing in the resolved migrations\"); if it was removed on purpose,"
                            + " delete its row from " + table));
        }
        return new SourceHistory(applied, List.of(), refusals);
    }
}
